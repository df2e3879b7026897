package main

import (
	"context"
	"fmt"
	"time"

	"github.com/crierhq/crier/internal/config"
	"github.com/crierhq/crier/internal/feeds"
	"github.com/crierhq/crier/internal/filter"
	"github.com/crierhq/crier/internal/pipeline"
	"github.com/crierhq/crier/internal/store"
	"github.com/crierhq/crier/internal/summarize"
)

// pipelineOptions wires the content pipeline from the config: which targets
// follow a source, the summary each source's items need, language detection
// and duplicate detection.
// subscribers lists the target ids of the chats following a source; nil
// where the store is not open (preview).
type subscribers func(ctx context.Context, sourceID string) ([]string, error)

func pipelineOptions(cfg *config.Config, pages *feeds.Fetcher, now func() time.Time, notifier pipeline.Notifier, subs subscribers) (pipeline.Options, error) {
	det, err := summarize.NewDetector(cfg.Languages)
	if err != nil {
		return pipeline.Options{}, fmt.Errorf("languages: %w", err)
	}
	filters, err := filterTable(cfg)
	if err != nil {
		return pipeline.Options{}, err
	}
	o := pipeline.Options{
		Targets: func(ctx context.Context, sourceID string) ([]string, error) {
			ids := targetIDs(cfg, sourceID)
			if subs == nil {
				return ids, nil
			}
			more, err := subs(ctx, sourceID)
			return append(ids, more...), err
		},
		Budget: func(sourceID string) summarize.Budget {
			targets := cfg.TargetsFor(sourceID)
			if sourceID == store.PostedSource {
				targets = cfg.Targets // /post may name any target
			}
			b := maxBudget(targets)
			if subs != nil {
				// Subscriber chats get a Telegram target's summary.
				tg := config.DefaultSummary[config.PublisherTelegram]
				b.Sentences, b.Chars = max(b.Sentences, tg.Sentences), max(b.Chars, tg.Chars)
			}
			return b
		},
		Pages:      pages,
		Detector:   det,
		Similarity: cfg.Dedupe.Similarity,
		Now:        now,

		MaxFailureBackoff: cfg.Fetch.MaxBackoff.D(),
		PauseAfter:        max(cfg.Fetch.PauseAfter, 0),
		Notifier:          notifier,
		Filters:           filters,
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

// filterTable compiles the sources' and targets' filters (the config's
// validation compiled them already: an error here is a bug).
func filterTable(cfg *config.Config) (*filter.Table, error) {
	tab := filter.NewTable()
	for _, s := range cfg.Sources {
		f, probs := filter.Compile(s.Filters)
		if len(probs) > 0 {
			return nil, fmt.Errorf("source %s filters: %v", s.ID, probs[0])
		}
		tab.Source(s.ID, f)
	}
	for _, t := range cfg.Targets {
		f, probs := filter.Compile(t.Filters)
		if len(probs) > 0 {
			return nil, fmt.Errorf("target %s filters: %v", t.ID, probs[0])
		}
		tab.Target(t.ID, f)
	}
	return tab, nil
}
