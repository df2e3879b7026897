package extract

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// articleCorpusDir holds Mozilla Readability's test pages: each case has the
// page as source.html.gz, Readability's extraction as expected.html and its
// metadata as expected-metadata.json. See shared/testdata/README.md.
const articleCorpusDir = "../../../shared/testdata/extraction/readability/test-pages"

// corpusPageURL is the address Readability's tests give every page.
const corpusPageURL = "http://fakehost/test/page.html"

// minArticleCorpusF1 is the aim set in the issue; trafilatura is reported
// at 0.960 on a public benchmark.
const minArticleCorpusF1 = 0.93

type corpusPage struct {
	name   string
	source []byte
	want   map[string]int // expected.html's shingles
	meta   corpusMetadata
}

// corpusMetadata is the part of expected-metadata.json that Article has.
type corpusMetadata struct {
	Title  string  `json:"title"`
	Byline *string `json:"byline"`
	Lang   *string `json:"lang"`
	// PublishedTime is in whatever format the page gave; its first ten
	// bytes are the date in every case of the corpus.
	PublishedTime *string `json:"publishedTime"`
}

func loadArticleCorpus(tb testing.TB) []corpusPage {
	tb.Helper()
	dirs, err := os.ReadDir(articleCorpusDir)
	if err != nil {
		tb.Skipf("shared test data not available: %v", err)
	}
	var pages []corpusPage
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		dir := filepath.Join(articleCorpusDir, d.Name())
		p := corpusPage{name: d.Name(), source: readGzip(tb, filepath.Join(dir, "source.html.gz"))}
		expected, err := os.ReadFile(filepath.Join(dir, "expected.html"))
		if err != nil {
			tb.Fatal(err)
		}
		doc, err := html.Parse(bytes.NewReader(expected))
		if err != nil {
			tb.Fatalf("%s: expected.html: %v", p.name, err)
		}
		p.want = shingles(documentText(doc))
		if data, err := os.ReadFile(filepath.Join(dir, "expected-metadata.json")); err == nil {
			if err := json.Unmarshal(data, &p.meta); err != nil {
				tb.Fatalf("%s: expected-metadata.json: %v", p.name, err)
			}
		}
		pages = append(pages, p)
	}
	return pages
}

func readGzip(tb testing.TB, path string) []byte {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	data, err := io.ReadAll(z)
	if err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	return data
}

// TestArticleCorpus measures extraction against Readability's expected output:
// F1 of lower-cased 4-word shingles (see shingles). Readability is a reference,
// not the truth: where the two extractors disagree about captions, bylines or
// related links, neither is simply wrong, so the aim is a mean, not a per-page
// floor.
func TestArticleCorpus(t *testing.T) {
	start := time.Now()
	pages := loadArticleCorpus(t)
	loaded := time.Now()
	results := scoreCorpus(pages, newsOptions)
	extracted := time.Now()
	s := summarizeCorpus(results)
	for _, r := range results {
		if r.err != nil {
			t.Logf("%-40s error: %v", r.name, r.err)
		} else if r.f1 < 0.5 {
			t.Logf("%-40s F1 %.3f (P %.3f R %.3f)", r.name, r.f1, r.precision, r.recall)
		}
	}
	t.Logf("pages %d, mean F1 %.4f (P %.4f R %.4f), median %.4f, below 0.5: %d %v, errors: %d %v",
		len(results), s.mean, s.precision, s.recall, s.median, len(s.low), s.low, len(s.failed), s.failed)
	t.Logf("time %v: loading the corpus %v, extracting and scoring %v on %d workers", extracted.Sub(start).Round(time.Millisecond),
		loaded.Sub(start).Round(time.Millisecond), extracted.Sub(loaded).Round(time.Millisecond), runtime.GOMAXPROCS(0))
	logMetadataAgreement(t, pages, results)
	if s.mean < minArticleCorpusF1 {
		t.Errorf("mean F1 %.4f, want at least %.2f", s.mean, minArticleCorpusF1)
	}
}
