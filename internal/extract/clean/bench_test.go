package clean

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchArticle is a ~5 KB article built from the English fixtures: their
// noise and their story paragraphs, in order, under the first one's title.
func benchArticle(b testing.TB) (title, text string) {
	b.Helper()
	var parts []string
	for _, path := range fixturePaths(b) {
		if !strings.Contains(path, "/en/") {
			continue
		}
		f := readFixture(b, path)
		if title == "" {
			title = f.title()
		}
		parts = append(parts, f.input())
		if len(strings.Join(parts, "\n\n")) >= 5000 {
			break
		}
	}
	return title, strings.Join(parts, "\n\n")
}

// BenchmarkClean cleans a 5 KB news article with the usual noise around it
// (testdata/bench-article.txt).
func BenchmarkClean(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "bench-article.txt"))
	if err != nil {
		b.Fatal(err)
	}
	benchClean(b, "Turkey's parliament approves 2027 budget after marathon session", string(data))
}

// BenchmarkCleanNoisy cleans ~5 KB of the English fixtures run together: more
// than half of its paragraphs are noise, each tried against every rule.
func BenchmarkCleanNoisy(b *testing.B) {
	title, text := benchArticle(b)
	benchClean(b, title, text)
}

func benchClean(b *testing.B, title, text string) {
	if _, err := defaultRules(); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Clean(title, text, "en")
	}
}
