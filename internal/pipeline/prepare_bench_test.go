package pipeline_test

import (
	"context"
	"io"
	"log/slog"
	"testing"

	"github.com/crierhq/crier/internal/model"
	"github.com/crierhq/crier/internal/pipeline"
	"github.com/crierhq/crier/internal/summarize"
)

// BenchmarkPrepare measures the content pipeline on the golden fixtures' feed
// items (plain text, language detection, cleaning, splitting, summary and
// fingerprint; no page fetch): one op is one article.
func BenchmarkPrepare(b *testing.B) {
	t := &testing.T{}
	var items []model.Item
	var sources []model.Source
	for _, path := range goldenFiles(t) {
		g := readGolden(t, path)
		if _, teaser := g.sections["page"]; teaser {
			continue
		}
		items = append(items, model.Item{Title: g.sections["title"], Content: g.sections["content"]})
		sources = append(sources, model.Source{ID: "bench", Name: "Bench", FullText: "never"})
	}
	det, _ := summarize.NewDetector([]string{"en", "tr", "ru", "hy"})
	p := pipeline.New(nil, nil, pipeline.Options{Detector: det}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	ctx := context.Background()
	bytes := 0
	for _, it := range items {
		bytes += len(it.Content)
	}
	b.SetBytes(int64(bytes / len(items)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		p.Prepare(ctx, sources[i%len(items)], items[i%len(items)], summarize.Budget{Sentences: 4, Chars: 700})
	}
}
