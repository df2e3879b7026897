package extract

import (
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestArticleImage(t *testing.T) {
	page, _ := url.Parse("https://news.example.com/2024/03/storm.html")
	tests := []struct {
		name, doc, meta, content, want string
	}{
		{"absolute metadata image", "", "https://cdn.example.net/a.jpg", "", "https://cdn.example.net/a.jpg"},
		{"relative metadata image", "", "/img/a.jpg", "", "https://news.example.com/img/a.jpg"},
		{"scheme-relative", "", "//cdn.example.net/a.jpg", "", "https://cdn.example.net/a.jpg"},
		{"metadata image wins", "", "/meta.jpg", `<img src="/lead.jpg">`, "https://news.example.com/meta.jpg"},
		{"lead image", "", "", `<p>text</p><img src="lead.jpg"><img src="second.jpg">`, "https://news.example.com/2024/03/lead.jpg"},
		{"lead image against base", `<head><base href="https://static.example.org/2024/"></head>`, "", `<img src="lead.jpg">`, "https://static.example.org/2024/lead.jpg"},
		{"relative base", `<head><base href="/assets/"></head>`, "", `<img src="lead.jpg">`, "https://news.example.com/assets/lead.jpg"},
		{"data URL skipped", "", "data:image/png;base64,AAAA", `<img src="data:image/gif;base64,R0l"><img src="real.jpg">`, "https://news.example.com/2024/03/real.jpg"},
		{"javascript URL", "", "javascript:alert(1)", "", ""},
		{"unparsable", "", "http://[::1", "", ""},
		{"none", "", "", "<p>text</p>", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := parseHTML(t, tt.doc)
			content := parseHTML(t, tt.content)
			if got := articleImage(tt.meta, content, documentBase(doc, page)); got != tt.want {
				t.Errorf("articleImage = %q, want %q", got, tt.want)
			}
		})
	}
	if got := articleImage("", nil, page); got != "" {
		t.Errorf("articleImage with no content = %q", got)
	}
}

func parseHTML(t *testing.T, s string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}
