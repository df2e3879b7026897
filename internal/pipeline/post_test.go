package pipeline_test

import (
	"errors"
	"io"
	"log/slog"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/crierhq/crier/internal/feeds"
	"github.com/crierhq/crier/internal/model"
	"github.com/crierhq/crier/internal/pipeline"
	"github.com/crierhq/crier/internal/store"
)

// goldenPage is the article page of a golden fixture.
func goldenPage(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile("testdata/golden/" + name)
	if err != nil {
		t.Fatal(err)
	}
	_, rest, _ := strings.Cut(string(data), "-- page --\n")
	page, _, _ := strings.Cut(rest, "\n-- ")
	return page
}

func TestPostPageQueuesOneArticle(t *testing.T) {
	e := setup(t, 0)
	if err := e.store.SyncSources(ctx, []model.Source{{ID: store.PostedSource}}); err != nil {
		t.Fatal(err)
	}
	e.feeds.SetRaw("/article", "text/html; charset=utf-8", goldenPage(t, "en/diplomacy-teaser-page.txt"))
	pages := feeds.NewFetcher(feeds.Options{AllowPrivatePages: true}) // the fake is on loopback
	p := pipeline.New(e.store, pages, pipeline.Options{Pages: pages, Now: e.clock.Now, DedupeWindow: 48 * time.Hour},
		slog.New(slog.NewTextHandler(io.Discard, nil)))

	got, err := p.PostPage(ctx, e.feeds.URL("/article"), []string{"tg", "masto"})
	if err != nil || got.Enqueued != 2 || got.Title != "Armenia and Azerbaijan agree to open first border crossing" {
		t.Fatalf("post = %+v, %v", got, err)
	}
	ds, err := e.store.ClaimDeliveries(ctx, allTargets, 10, 10, time.Minute)
	if err != nil || len(ds) != 2 {
		t.Fatalf("claimed %d, %v", len(ds), err)
	}
	it := ds[0].Item
	if it.Origin != "Regional Monitor" || it.Language != "en" || it.Link != e.feeds.URL("/article") || it.Author != "Lilit Grigoryan" {
		t.Errorf("posted item: origin %q, language %q, link %q, author %q", it.Origin, it.Language, it.Link, it.Author)
	}
	if len(it.Summary) == 0 || !strings.HasPrefix(it.Summary[0], "The foreign ministers of Armenia and Azerbaijan agreed on Friday") {
		t.Errorf("summary %q", it.Summary)
	}
	for _, s := range it.Summary {
		if strings.Contains(s, "Subscribe") || strings.Contains(s, "Politics") {
			t.Errorf("page chrome in the summary: %q", s)
		}
	}
	// The same page again: refused, nothing queued.
	if _, err := p.PostPage(ctx, e.feeds.URL("/article"), []string{"tg", "masto"}); !errors.Is(err, pipeline.ErrAlreadyPosted) {
		t.Errorf("second post: %v, want ErrAlreadyPosted", err)
	}
	counts, _ := e.store.DeliveryCounts(ctx)
	if n := counts["tg"][model.DeliverySending] + counts["tg"][model.DeliveryPending]; n != 1 {
		t.Errorf("tg has %d open deliveries, want 1", n)
	}
	// Not a page, no article, or not allowed: an error and nothing stored.
	e.feeds.SetRaw("/feed", "application/rss+xml", "<rss/>")
	e.feeds.SetRaw("/empty", "text/html", "<html><head><title>x</title></head><body></body></html>")
	for _, u := range []string{e.feeds.URL("/feed"), e.feeds.URL("/empty"), "file:///etc/passwd", "gopher://x.example/"} {
		if _, err := p.PostPage(ctx, u, []string{"tg"}); err == nil {
			t.Errorf("%s was posted", u)
		}
	}
	strict := feeds.NewFetcher(feeds.Options{})
	sp := pipeline.New(e.store, strict, pipeline.Options{Pages: strict, Now: e.clock.Now}, slog.New(slog.DiscardHandler))
	e.feeds.SetRaw("/other", "text/html", goldenPage(t, "en/economy-abbreviations.txt"))
	if _, err := sp.PostPage(ctx, e.feeds.URL("/other"), []string{"tg"}); !errors.Is(err, feeds.ErrPrivateAddress) {
		t.Errorf("loopback page without permission: %v", err)
	}
	if pending, _ := e.store.PendingItems(ctx, store.PostedSource, 10); len(pending) != 0 {
		t.Errorf("refused posts left items: %+v", pending)
	}
}
