package pipeline_test

import (
	"context"
	"flag"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/crierhq/crier/internal/feeds"
	"github.com/crierhq/crier/internal/model"
	"github.com/crierhq/crier/internal/pipeline"
	"github.com/crierhq/crier/internal/summarize"
)

var update = flag.Bool("update", false, "rewrite the expected sections of golden fixtures (review every change)")

// golden is one fixture: a feed item (and, when its content is a teaser, the
// article page) with the summary, attribution and language an editor would
// sign. Sections are "-- name --" lines; see testdata/golden/README.md.
type golden struct {
	path     string
	sections map[string]string
	order    []string
}

func readGolden(t *testing.T, path string) *golden {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	g := &golden{path: path, sections: map[string]string{}}
	name := ""
	var body []string
	flush := func() {
		if name != "" {
			g.sections[name] = strings.TrimSpace(strings.Join(body, "\n"))
			g.order = append(g.order, name)
		}
	}
	for _, line := range strings.Split(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n") {
		if strings.HasPrefix(line, "-- ") && strings.HasSuffix(line, " --") && len(line) > 6 {
			flush()
			name, body = strings.TrimSpace(line[3:len(line)-3]), nil
			continue
		}
		body = append(body, line)
	}
	flush()
	for _, required := range []string{"source", "title", "content", "summary", "origin", "language"} {
		if _, ok := g.sections[required]; !ok {
			t.Fatalf("%s: no -- %s -- section", path, required)
		}
	}
	return g
}

func (g *golden) write(t *testing.T) {
	var b strings.Builder
	for _, name := range g.order {
		b.WriteString("-- " + name + " --\n")
		if v := g.sections[name]; v != "" {
			b.WriteString(v + "\n")
		}
	}
	if err := os.WriteFile(g.path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// goldenFiles lists the fixtures, by language directory.
func goldenFiles(t *testing.T) []string {
	files, err := filepath.Glob("testdata/golden/*/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden fixtures: %v", err)
	}
	return files
}

// prepareGolden runs the fixture's item through the pipeline's preparation,
// with its article page (if any) served over HTTP.
func prepareGolden(t *testing.T, g *golden, budget summarize.Budget) (pipeline.Article, model.Item) {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		page, ok := g.sections["page"]
		if !ok || r.URL.Path != "/article" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, page)
	}))
	t.Cleanup(srv.Close)
	src := model.Source{ID: "src", FullText: "auto"}
	for _, line := range strings.Split(g.sections["source"], "\n") {
		k, v, _ := strings.Cut(line, ":")
		switch strings.TrimSpace(k) {
		case "name":
			src.Name = strings.TrimSpace(v)
		case "url":
			src.URL = strings.TrimSpace(v)
		case "language":
			src.Language = strings.TrimSpace(v)
		}
	}
	det, err := summarize.NewDetector([]string{"en", "tr", "ru", "hy"})
	if err != nil {
		t.Fatal(err)
	}
	p := pipeline.New(nil, feeds.NewFetcher(feeds.Options{AllowPrivatePages: true}), pipeline.Options{Pages: feeds.NewFetcher(feeds.Options{AllowPrivatePages: true}), Detector: det},
		slog.New(slog.NewTextHandler(io.Discard, nil)))
	it := model.Item{Title: g.sections["title"], Content: g.sections["content"], Link: srv.URL + "/article"}
	return p.Prepare(context.Background(), src, it, budget), it
}

// telegramBudget is the default budget of a Telegram target, the longest.
var telegramBudget = summarize.Budget{Sentences: 4, Chars: 700}

func TestGoldenSummaries(t *testing.T) {
	perLanguage := map[string]int{}
	for _, path := range goldenFiles(t) {
		lang := filepath.Base(filepath.Dir(path))
		perLanguage[lang]++
		t.Run(lang+"/"+strings.TrimSuffix(filepath.Base(path), ".txt"), func(t *testing.T) {
			g := readGolden(t, path)
			a, _ := prepareGolden(t, g, telegramBudget)
			// A fixture with a page is a teaser: its summary must come
			// from the page, not from the feed's few words.
			if _, teaser := g.sections["page"]; teaser != a.FullText {
				t.Errorf("full text used = %v, want %v", a.FullText, teaser)
			}
			got := map[string]string{
				"summary":  strings.Join(a.Summary, "\n"),
				"origin":   a.Origin,
				"language": a.Language,
			}
			changed := false
			for _, k := range []string{"summary", "origin", "language"} {
				if got[k] != g.sections[k] {
					if *update {
						g.sections[k], changed = got[k], true
						continue
					}
					t.Errorf("%s:\n got: %q\nwant: %q", k, got[k], g.sections[k])
				}
			}
			if changed {
				g.write(t)
			}
		})
	}
	for _, lang := range []string{"en", "tr", "ru", "hy"} {
		if perLanguage[lang] < 5 {
			t.Errorf("%s has %d golden fixtures, want at least 5", lang, perLanguage[lang])
		}
	}
}

// TestGoldenNoiseNeverReachesTheSummary checks each fixture's "noise" lines
// (boilerplate its input holds) against the summary.
func TestGoldenNoiseNeverReachesTheSummary(t *testing.T) {
	for _, path := range goldenFiles(t) {
		g := readGolden(t, path)
		a, _ := prepareGolden(t, g, telegramBudget)
		summary := strings.Join(a.Summary, " ")
		for _, noise := range strings.Split(g.sections["noise"], "\n") {
			if noise = strings.TrimSpace(noise); noise != "" && strings.Contains(summary, noise) {
				t.Errorf("%s: summary holds noise %q:\n%s", path, noise, summary)
			}
		}
	}
}

func TestGoldenBudgetsPerTarget(t *testing.T) {
	// A Mastodon-sized budget gives a prefix of the Telegram summary.
	for _, path := range goldenFiles(t) {
		g := readGolden(t, path)
		long, _ := prepareGolden(t, g, telegramBudget)
		short, _ := prepareGolden(t, g, summarize.Budget{Sentences: 2, Chars: 280})
		if len(short.Summary) > len(long.Summary) || !slices.Equal(short.Summary, long.Summary[:len(short.Summary)]) {
			t.Errorf("%s: short summary %q is not a prefix of %q", path, short.Summary, long.Summary)
		}
	}
}
