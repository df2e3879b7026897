package main

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/crierhq/crier/internal/model"
	"github.com/crierhq/crier/internal/pipeline"
	"github.com/crierhq/crier/internal/summarize"
	"github.com/crierhq/crier/templates"
)

// scenarioPipeline measures (b): the content pipeline on one core, from a
// feed item's HTML to the rendered Telegram post (plain text, language,
// cleaning, sentences, summary, fingerprint, render), over the golden
// articles in four languages and synthetic farm items.
func scenarioPipeline(o options, w io.Writer) error {
	items, err := pipelineItems()
	if err != nil {
		return err
	}
	det, err := summarize.NewDetector([]string{"en", "tr", "ru", "hy"})
	if err != nil {
		return err
	}
	p := pipeline.New(nil, nil, pipeline.Options{Detector: det}, slog.New(slog.DiscardHandler))
	set, _ := templates.New("")
	src := model.Source{ID: "bench", Name: "Bench", FullText: "never"}
	budget := summarize.Budget{Sentences: 4, Chars: 700}
	n := 4000
	if o.smoke {
		n = 200
	}
	prev := runtime.GOMAXPROCS(1) // per core
	defer runtime.GOMAXPROCS(prev)
	began := time.Now()
	for i := range n {
		it := items[i%len(items)]
		a := p.Prepare(nil, src, it, budget)
		it.Summary, it.Origin, it.Language = a.Summary, a.Origin, a.Language
		if _, err := set.Render("telegram.html.tmpl", model.PostOf(it, src.Name), templates.Limits{SummaryChars: 700, SummarySentences: 4}); err != nil {
			return err
		}
	}
	elapsed := time.Since(began)
	fmt.Fprintf(w, "(b) content pipeline: %d articles in %.2fs on one core: %.0f articles/s per core\n", n, elapsed.Seconds(), float64(n)/elapsed.Seconds())
	return nil
}

// pipelineItems are the golden fixtures' feed items (four languages) and
// synthetic ones like the farm's.
func pipelineItems() ([]model.Item, error) {
	files, _ := filepath.Glob(filepath.Join(repoRoot(), "internal/pipeline/testdata/golden/*/*.txt"))
	var items []model.Item
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		sec := sections(string(data))
		items = append(items, model.Item{Key: f, Title: sec["title"], Content: sec["content"], Link: "https://e.example/" + filepath.Base(f)})
	}
	fm := newFarmItems()
	for i := range 32 {
		it := fm.item(i, 0)
		items = append(items, model.Item{Key: it.GUID, Title: it.Title, Content: it.Description, Link: it.Link})
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no golden fixtures: run from the repository's root")
	}
	return items, nil
}

// sections splits a fixture into its "-- name --" parts.
func sections(s string) map[string]string {
	out := map[string]string{}
	var name string
	var b strings.Builder
	for _, line := range strings.SplitAfter(s, "\n") {
		if t := strings.TrimSpace(line); strings.HasPrefix(t, "-- ") && strings.HasSuffix(t, " --") {
			if name != "" {
				out[name] = strings.TrimSpace(b.String())
			}
			name, _ = strings.CutPrefix(strings.TrimSuffix(t, " --"), "-- ")
			b.Reset()
			continue
		}
		b.WriteString(line)
	}
	if name != "" {
		out[name] = strings.TrimSpace(b.String())
	}
	return out
}
