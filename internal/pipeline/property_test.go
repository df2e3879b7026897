package pipeline_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/crierhq/crier/internal/feeds"
	"github.com/crierhq/crier/internal/model"
	"github.com/crierhq/crier/internal/pipeline"
	"github.com/crierhq/crier/internal/summarize"
)

// budgets are the default Telegram and Mastodon summary budgets.
var budgets = []summarize.Budget{{Sentences: 4, Chars: 700}, {Sentences: 2, Chars: 280}}

// checkSummary asserts what every summary must be, whatever the article:
// within budget, whole sentences ending at a sentence end, none holding a
// line the cleaner removed, not opening with the title.
func checkSummary(t *testing.T, name, title string, a pipeline.Article, b summarize.Budget) {
	t.Helper()
	if len(a.Summary) > b.Sentences {
		t.Errorf("%s: %d sentences over a budget of %d", name, len(a.Summary), b.Sentences)
	}
	if n := utf8.RuneCountInString(strings.Join(a.Summary, " ")); n > b.Chars {
		t.Errorf("%s: %d characters over a budget of %d", name, n, b.Chars)
	}
	for _, s := range a.Summary {
		if !endsSentence(s) {
			t.Errorf("%s: %q does not end at a sentence end", name, s)
		}
		for _, r := range a.Removed {
			if len([]rune(r.Text)) >= 12 && strings.Contains(s, r.Text) {
				t.Errorf("%s: %q holds %q, which the cleaner removed (%s)", name, s, r.Text, r.Rule)
			}
		}
	}
	if len(a.Summary) > 0 && startsWithTitle(a.Summary[0], title) {
		t.Errorf("%s: summary starts with the title %q: %q", name, title, a.Summary[0])
	}
}

// startsWithTitle reports whether s opens by repeating the title: the title
// then a separator ("Title: ...", "Title — ..."), or a long title (a cut
// lede) however s goes on. A short title that is the lede's subject ("New
// Zealand is a country...") is no repeat.
func startsWithTitle(s, title string) bool {
	k := fold(title)
	if k == "" || !strings.HasPrefix(fold(s), k) {
		return false
	}
	if len(strings.Fields(title)) >= 8 {
		return true
	}
	n := 0
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n += len(string(unicode.ToLower(r)))
		}
		if n >= len(k) {
			rest := strings.TrimLeft(s[i+utf8.RuneLen(r):], " ")
			next, _ := utf8.DecodeRuneInString(rest)
			return strings.ContainsRune(":-–—|.!?•", next)
		}
	}
	return true
}

func endsSentence(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune(`"'”’»“)]}›`, r) })
	last, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?…‼⁇⁈⁉։:", last)
}

// fold keeps letters and digits, lower-cased.
func fold(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, s)
}

func TestSummaryPropertiesOnGoldenFixtures(t *testing.T) {
	for _, path := range goldenFiles(t) {
		g := readGolden(t, path)
		for _, b := range budgets {
			a, it := prepareGolden(t, g, b)
			checkSummary(t, path, it.Title, a, b)
		}
	}
}

// TestSummaryPropertiesOnArticlePages runs Readability's test pages through
// the whole preparation: a feed item with no content whose link is the page.
func TestSummaryPropertiesOnArticlePages(t *testing.T) {
	root := "../../../shared/testdata/extraction/readability/test-pages"
	dirs, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	pages := map[string][]byte{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write(pages[strings.TrimPrefix(r.URL.Path, "/")])
	}))
	defer srv.Close()
	det, _ := summarize.NewDetector([]string{"en", "tr", "ru", "hy"})
	f := feeds.NewFetcher(feeds.Options{AllowPrivatePages: true})
	p := pipeline.New(nil, f, pipeline.Options{Pages: f, Detector: det}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	summarised := 0
	for _, d := range dirs {
		dir := filepath.Join(root, d.Name())
		page := gunzip(t, filepath.Join(dir, "source.html.gz"))
		var meta struct{ Title string }
		if b, err := os.ReadFile(filepath.Join(dir, "expected-metadata.json")); err == nil {
			_ = json.Unmarshal(b, &meta)
		}
		pages[d.Name()] = page
		it := model.Item{Title: meta.Title, Link: srv.URL + "/" + d.Name()}
		// One extraction per page; the shorter budget is applied to the
		// same cleaned text, as Prepare would.
		a := p.Prepare(context.Background(), model.Source{ID: "pages", FullText: "auto"}, it, budgets[0])
		checkSummary(t, d.Name(), meta.Title, a, budgets[0])
		if len(a.Summary) > 0 {
			summarised++
		}
		for _, b := range budgets[1:] {
			short := a
			short.Summary = summarize.Summarize(meta.Title, a.Text, a.Language, b)
			checkSummary(t, d.Name(), meta.Title, short, b)
		}
	}
	// Most pages are articles: nearly all must give a summary, or the
	// properties above would hold vacuously.
	if summarised < len(dirs)*8/10 {
		t.Errorf("only %d of %d pages gave a summary", summarised, len(dirs))
	}
	t.Logf("%d of %d pages summarised", summarised, len(dirs))
}

func gunzip(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
