package extract

import "testing"

func FuzzArticleFromHTML(f *testing.F) {
	for _, seed := range []string{
		"", newsPage, "<p>caf\xe9</p>", "\xEF\xBB\xBF<p>x", "\xFF\xFE<\x00p\x00>\x00",
		`<meta charset="koi8-r"><p>` + "\xed\xd2", `<html lang="x-{{"><base href="//[">`,
		`<script type="application/ld+json">{"author":{"name":"A"}}}}</script>`,
		`<meta property="og:image" content="javascript:x"><img src="data:,">`,
		"<table><tr><td><p>a<br>b</td></tr></table>", "<p hidden>x</p><p>y",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, page []byte) {
		a, err := ArticleFromHTML(page, "https://example.com/a/b.html")
		if err != nil && len(a.Paragraphs) > 0 {
			t.Fatalf("error %v with paragraphs %q", err, a.Paragraphs)
		}
		checkArticle(t, a)
	})
}
