package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"path/filepath"
	"strings"
	"time"

	"github.com/crierhq/crier/internal/config"
	"github.com/crierhq/crier/internal/feeds"
	"github.com/crierhq/crier/internal/filter"
	"github.com/crierhq/crier/internal/model"
	"github.com/crierhq/crier/internal/pipeline"
	"github.com/crierhq/crier/internal/summarize"
	"github.com/crierhq/crier/templates"
)

func cmdPreview(ctx context.Context, args []string, stdout, stderr io.Writer, env func(string) (string, bool)) int {
	fs, c := newFlags("preview", stderr, env)
	n := fs.Int("items", 1, "how many of the newest items to show")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 || *n < 1 {
		fmt.Fprintln(stderr, "usage: crier preview --config FILE [--items N] SOURCE_ID|FEED_URL")
		return 2
	}
	cfg, ok := c.load(stderr, env)
	if !ok {
		return 1
	}
	if err := preview(ctx, cfg, fs.Arg(0), *n, stdout); err != nil {
		fmt.Fprintln(stderr, "crier preview:", err)
		return 1
	}
	return 0
}

// preview prints, for the newest items of a source (or any feed URL), the
// message every target would receive. It opens no store and posts nothing.
func preview(ctx context.Context, cfg *config.Config, arg string, n int, w io.Writer) error {
	src, targets, err := previewSource(cfg, arg)
	if err != nil {
		return err
	}
	return previewItems(ctx, cfg, nil, src, targets, n, w)
}

// previewItems prints the newest n items of src as each of targets would
// get them.
//
// filters are the compiled rules when the caller has them (a running
// crier, whose config no longer lists its sources); nil: from cfg.
func previewItems(ctx context.Context, cfg *config.Config, filters *filter.Table, src model.Source, targets []config.Target, n int, w io.Writer) error {
	set, err := templates.New(cfg.Template)
	if err != nil {
		return err
	}
	if err := checkTemplates(cfg, set); err != nil {
		return err
	}
	fetcher := feeds.NewFetcher(fetchOptions(cfg))
	popts, err := pipelineOptions(cfg, fetcher, time.Now, nil, nil)
	if err != nil {
		return err
	}
	if filters != nil {
		popts.Filters = filters
	}
	if src.ID == "preview" {
		// A URL outside the config is shown to every target.
		popts.Budget = func(string) summarize.Budget { return maxBudget(cfg.Targets) }
	}
	items, title, err := pipeline.New(nil, fetcher, popts, slog.New(slog.DiscardHandler)).Preview(ctx, src, n)
	if err != nil {
		return err
	}
	if src.Name == "" {
		src.Name = title
	}
	if len(items) == 0 {
		fmt.Fprintf(w, "%s has no items\n", src.URL)
		return nil
	}
	publishers, _ := buildTargets(&config.Config{Telegram: cfg.Telegram, Delivery: cfg.Delivery, Targets: targets}, nil, io.Discard, nil, nil, slog.New(slog.DiscardHandler))
	for _, it := range items {
		post := model.PostOf(it, src.Name)
		for i, t := range publishers {
			fmt.Fprintf(w, "── %s (%s, %s) %s\n", t.ID, targets[i].Publisher, t.Template, strings.Repeat("─", 30))
			if why := popts.Filters.Skips(src.ID, []string{t.ID}, filter.Item{Title: it.Title,
				Summary: strings.Join(it.Summary, " "), Link: it.Link, Categories: it.Tags}); why != nil {
				fmt.Fprintf(w, "skipped, %s\n\n", why[t.ID])
				continue
			}
			post.Hashtags = t.Hashtags.For(post.Tags, post.Language)
			msg, err := set.Render(t.Template, post, templates.Limits{Fits: t.Publisher.Fits(ctx),
				SummaryChars: t.SummaryChars, SummarySentences: t.SummarySentences, Location: cfg.Location})
			if err != nil {
				fmt.Fprintf(w, "cannot render: %v\n\n", err)
				continue
			}
			fmt.Fprintf(w, "%s\n\n", msg.Text)
		}
	}
	return nil
}

// previewSource resolves a source id of the config, or takes the argument as
// a feed URL shown to every target.
func previewSource(cfg *config.Config, arg string) (model.Source, []config.Target, error) {
	if s, ok := cfg.SourceByID(arg); ok {
		return sourceModel(s), cfg.TargetsFor(s.ID), nil
	}
	u, err := url.Parse(arg)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https" && u.Scheme != "file") {
		return model.Source{}, nil, fmt.Errorf("%q is neither a source id of the config nor a feed URL", arg)
	}
	if u.Scheme == "file" && u.Opaque != "" {
		// file:relative/path on the command line is relative to where
		// the command runs.
		abs, err := filepath.Abs(filepath.FromSlash(u.Opaque))
		if err != nil {
			return model.Source{}, nil, err
		}
		arg = (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
	}
	return model.Source{ID: "preview", URL: arg}, cfg.Targets, nil
}
