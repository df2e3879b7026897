package main

import (
	"fmt"
	"time"

	"github.com/crierhq/crier/internal/config"
	"github.com/crierhq/crier/internal/feeds"
	"github.com/crierhq/crier/internal/pipeline"
	"github.com/crierhq/crier/internal/summarize"
)

// pipelineOptions wires the content pipeline from the config: which targets
// follow a source, the summary each source's items need, language detection
// and duplicate detection.
func pipelineOptions(cfg *config.Config, pages *feeds.Fetcher, now func() time.Time, notifier pipeline.Notifier) (pipeline.Options, error) {
	det, err := summarize.NewDetector(cfg.Languages)
	if err != nil {
		return pipeline.Options{}, fmt.Errorf("languages: %w", err)
	}
	o := pipeline.Options{
		Targets:    func(sourceID string) []string { return targetIDs(cfg, sourceID) },
		Budget:     func(sourceID string) summarize.Budget { return maxBudget(cfg.TargetsFor(sourceID)) },
		Pages:      pages,
		Detector:   det,
		Similarity: cfg.Dedupe.Similarity,
		Now:        now,

		MaxFailureBackoff: cfg.Fetch.MaxBackoff.D(),
		PauseAfter:        max(cfg.Fetch.PauseAfter, 0),
		Notifier:          notifier,
	}
	if !cfg.Dedupe.Disabled {
		o.DedupeWindow = cfg.Dedupe.Window.D()
	}
	return o, nil
}

func targetIDs(cfg *config.Config, sourceID string) []string {
	var ids []string
	for _, t := range cfg.TargetsFor(sourceID) {
		ids = append(ids, t.ID)
	}
	return ids
}

// maxBudget is the summary stored for the items the targets receive: the
// most any of them shows. Each target's renderer then keeps its own share, so
// one summary serves a long Telegram post and a short Mastodon status.
func maxBudget(targets []config.Target) summarize.Budget {
	var b summarize.Budget
	for _, t := range targets {
		b.Sentences = max(b.Sentences, t.Summary.Sentences)
		b.Chars = max(b.Chars, t.Summary.Chars)
	}
	return b
}
