package extract

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// TestArticleFromHTMLHostile feeds pages meant to exhaust the stack, memory or
// time, or to trip the extractors' index arithmetic. Each must return, with an
// article or an error, well within the deadline, and an article must keep the
// Paragraphs contract.
func TestArticleFromHTMLHostile(t *testing.T) {
	words := strings.Repeat("Some words of an article that go on for a while. ", 20)
	garbage := make([]byte, 1<<20)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range garbage {
		garbage[i] = byte(rng.UintN(256))
	}
	tests := []struct {
		name, page string
		wantText   string // a substring of the text; "" if an error is expected
	}{
		{"empty", "", ""},
		{"NUL bytes", strings.Repeat("\x00", 1<<20), ""},
		{"binary garbage", string(garbage), ""},
		{"nested beyond the parser's limit", strings.Repeat("<div><b>", 1<<17) + "deep", ""},
		{"nested at the parser's limit", strings.Repeat("<div>", 500) + "<p>" + words, "article"},
		// Every element as deep as the parser allows. At the element limit
		// this takes about 3 s (20 s with -race); a fifth of it keeps the
		// test quick.
		{"deep and wide", strings.Repeat("<div>", 500) + strings.Repeat("<p>word word</p>", maxPageElements/5), "word word"},
		{"element flood", "<p>" + words + strings.Repeat("<br>", 1<<20), ""},
		{"huge attribute", `<p title="` + strings.Repeat("x", 1<<22) + `">` + words, "article"},
		{"huge image URLs", `<meta property="og:image" content="/` + strings.Repeat("x", 1<<20) + `"><p><img src="` + strings.Repeat("y", 1<<20) + `">` + words, "article"},
		{"a megabyte of text", "<p>" + strings.Repeat("word ", 1<<18), "word word"},
		{"one long word", "<p>" + words + strings.Repeat("x", 1<<20), "article"},
		{"unclosed comment", "<p>" + words + "<!--" + strings.Repeat("-", 1<<22), "article"},
		{"many paragraphs", strings.Repeat("<p>"+words+"</p>", 1000), "article"},
		{"many authors", "<head>" + strings.Repeat(`<meta name="author" content="x">`, 20000) + "</head><p>" + words, "article"},
		{"JSON-LD brace flood", `<script type="application/ld+json">{"a":1}` + strings.Repeat("}", 1<<16) + `</script><p>` + words, "article"},
		{"JSON-LD nesting", `<script type="application/ld+json">` + strings.Repeat(`{"a":`, 1<<16) + `1` + strings.Repeat("}", 1<<16) + `</script><p>` + words, "article"},
		{"JSON-LD megabyte body", `<script type="application/ld+json">{"articleBody":"` + strings.Repeat("word ", 1<<18) + `"}</script>`, "word word"},
		{"many dates", "<p>" + strings.Repeat("2020-01-01 ", 1<<16) + words, "article"},
		{"huge title", "<title>" + strings.Repeat("t ", 1<<18) + "</title><p>" + words, "article"},
		{"invalid UTF-8 everywhere", "<html lang=\"\xff\"><title>\xfe</title><meta name=\"author\" content=\"\xc3\"><p>" + strings.Repeat("caf\xe9 \xed\xa0\x80 ", 200), "caf"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			a, err := ArticleFromHTML([]byte(tt.page), "https://example.com/a")
			if d := time.Since(start); d > 20*time.Second {
				t.Errorf("took %v on %d bytes", d, len(tt.page))
			}
			switch {
			case tt.wantText == "" && err == nil:
				t.Errorf("no error; text %.80q", a.Text())
			case tt.wantText != "" && err != nil:
				t.Errorf("error %.200v", err)
			case tt.wantText != "" && !strings.Contains(a.Text(), tt.wantText):
				t.Errorf("text %.80q..., want it to contain %q", a.Text(), tt.wantText)
			}
			checkArticle(t, a)
		})
	}
}

// checkArticle checks the promises Article makes whatever the page.
func checkArticle(t *testing.T, a Article) {
	t.Helper()
	for _, s := range []string{a.Title, a.Byline, a.SiteName, a.Language, a.Image} {
		if !utf8.ValidString(s) || strings.ContainsAny(s, "\n\t") {
			t.Errorf("metadata field %.80q is invalid UTF-8 or spans lines", s)
		}
	}
	if a.Image != "" && !strings.HasPrefix(a.Image, "http://") && !strings.HasPrefix(a.Image, "https://") {
		t.Errorf("image %.80q is not an absolute http(s) URL", a.Image)
	}
	for i, p := range a.Paragraphs {
		if p == "" || p != strings.TrimSpace(p) || strings.Contains(p, "  ") || strings.Contains(p, "\n") {
			t.Fatalf("paragraph %d %.80q is empty, padded, double-spaced or spans lines", i, p)
		}
		if !utf8.ValidString(p) {
			t.Fatalf("paragraph %d %.80q is invalid UTF-8", i, p)
		}
	}
}
