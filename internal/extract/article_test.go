package extract

import (
	"errors"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/markusmobius/go-trafilatura"
)

// newsPage is a small but complete news page: metadata in the head, the
// article between navigation, a sidebar and a footer that must not be taken.
const newsPage = `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Storm closes harbour - The Daily Gazette</title>
<meta property="og:title" content="Storm closes harbour">
<meta property="og:site_name" content="The Daily Gazette">
<meta property="og:image" content="/img/storm.jpg">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2024-03-05T08:30:00+01:00">
</head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article>
<h1>Storm closes harbour</h1>
<p>The harbour at Port Ellen was closed on Tuesday morning after winds of more
than ninety miles an hour tore two fishing boats from their moorings.</p>
<p>Harbour master Ian Campbell said the closure would last at least until
Thursday, when the forecast promises calmer weather and the coastguard can
inspect the damaged pier.</p>
<p>No one was hurt. The ferry to the mainland, which normally sails twice a
day, has been cancelled, and the island's two shops have begun to ration bread.</p>
</article>
<aside><h2>Most read</h2><ul><li><a href="/a">Council tax to rise</a></li></ul></aside>
<footer><p>© 2024 The Daily Gazette. All rights reserved.</p></footer>
</body>
</html>`

func TestArticleFromHTML(t *testing.T) {
	a, err := ArticleFromHTML([]byte(newsPage), "https://news.example.com/2024/03/storm.html")
	if err != nil {
		t.Fatal(err)
	}
	want := Article{
		Title:     "Storm closes harbour",
		Byline:    "Jane Doe",
		SiteName:  "The Daily Gazette",
		Language:  "en-GB",
		Image:     "https://news.example.com/img/storm.jpg",
		Published: time.Date(2024, 3, 5, 8, 30, 0, 0, time.FixedZone("", 3600)),
		Paragraphs: []string{
			"Storm closes harbour",
			"The harbour at Port Ellen was closed on Tuesday morning after winds of more than ninety miles an hour tore two fishing boats from their moorings.",
			"Harbour master Ian Campbell said the closure would last at least until Thursday, when the forecast promises calmer weather and the coastguard can inspect the damaged pier.",
			"No one was hurt. The ferry to the mainland, which normally sails twice a day, has been cancelled, and the island's two shops have begun to ration bread.",
		},
	}
	if a.Title != want.Title || a.Byline != want.Byline || a.SiteName != want.SiteName ||
		a.Language != want.Language || a.Image != want.Image || !a.Published.Equal(want.Published) {
		t.Errorf("metadata\n got %+v\nwant %+v", withoutText(a), withoutText(want))
	}
	if !slices.Equal(a.Paragraphs, want.Paragraphs) {
		t.Errorf("paragraphs\n got %q\nwant %q", a.Paragraphs, want.Paragraphs)
	}
}

func withoutText(a Article) Article {
	a.Paragraphs = nil
	return a
}

func TestArticleText(t *testing.T) {
	a := Article{Paragraphs: []string{"One.", "Two."}}
	if got := a.Text(); got != "One.\n\nTwo." {
		t.Errorf("Text() = %q", got)
	}
	if got := (Article{}).Text(); got != "" {
		t.Errorf("Text() of no paragraphs = %q", got)
	}
}

func TestArticleFromHTMLNoArticle(t *testing.T) {
	tests := []struct{ name, page string }{
		{"empty", ""},
		{"blank", " \n\t "},
		{"only script", `<html><head><script>var a = "` + strings.Repeat("x", 1000) + `";</script></head><body></body></html>`},
		{"empty body", `<!DOCTYPE html><html><head><title>Home</title></head><body><div></div></body></html>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ArticleFromHTML([]byte(tt.page), "https://example.com/")
			if !errors.Is(err, ErrNoArticle) {
				t.Errorf("err = %v, want ErrNoArticle (article %+v)", err, a)
			}
		})
	}
}

func TestArticleFromHTMLErrors(t *testing.T) {
	t.Run("bad page URL", func(t *testing.T) {
		if _, err := ArticleFromHTML([]byte(newsPage), "http://a b/%zz"); err == nil {
			t.Error("no error")
		}
	})
	t.Run("nested beyond the parser's limit", func(t *testing.T) {
		page := strings.Repeat("<div>", 600) + "text"
		_, err := ArticleFromHTML([]byte(page), "https://example.com/")
		if err == nil || errors.Is(err, ErrNoArticle) {
			t.Errorf("err = %v, want a parse error", err)
		}
	})
	t.Run("too many elements", func(t *testing.T) {
		page := strings.Repeat("<p>a</p>", maxPageElements)
		_, err := ArticleFromHTML([]byte(page), "https://example.com/")
		if err == nil || !strings.Contains(err.Error(), "elements") {
			t.Errorf("err = %v, want the element limit", err)
		}
	})
	t.Run("extractor panic", func(t *testing.T) {
		panicking := func(*url.URL) trafilatura.Options { panic("index out of range") }
		_, err := articleFromHTML([]byte(newsPage), "https://example.com/", panicking)
		if err == nil || !strings.Contains(err.Error(), "panicked: index out of range") {
			t.Errorf("err = %v, want the panic as an error", err)
		}
	})
}
