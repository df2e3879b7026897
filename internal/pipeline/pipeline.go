// Package pipeline is the poll cycle of one source: fetch, parse, store the
// items never seen before, summarise the new ones and fan them out as
// deliveries. It never publishes; the dispatcher does.
package pipeline

import (
	"context"
	"fmt"
	"log/slog"
	"sort"

	"github.com/crierhq/crier/internal/extract"
	"github.com/crierhq/crier/internal/feeds"
	"github.com/crierhq/crier/internal/model"
	"github.com/crierhq/crier/internal/summarize"
)

// Store is the part of the store the pipeline uses.
type Store interface {
	FetchState(ctx context.Context, sourceID string) (model.FetchState, error)
	RecordFetchError(ctx context.Context, sourceID, reason string) error
	SaveItems(ctx context.Context, sourceID string, validators model.FetchState, items []model.Item) ([]model.Item, error)
	PendingItems(ctx context.Context, sourceID string, limit int) ([]model.Item, error)
	EnqueueDeliveries(ctx context.Context, itemID int64, summary []string, targetIDs []string) (int, error)
}

// Fetcher downloads a feed, conditionally.
type Fetcher interface {
	Fetch(ctx context.Context, url string, prev model.FetchState) (*feeds.Result, error)
}

// Pipeline polls sources.
type Pipeline struct {
	store   Store
	fetcher Fetcher
	// targets lists the ids of the targets that follow a source.
	targets func(sourceID string) []string
	log     *slog.Logger
}

// New builds a pipeline.
func New(st Store, f Fetcher, targets func(sourceID string) []string, log *slog.Logger) *Pipeline {
	return &Pipeline{store: st, fetcher: f, targets: targets, log: log}
}

// Result tells what one poll did.
type Result struct {
	NotModified bool
	Parsed      int // items in the document
	New         int // items stored for the first time, to be posted
	Seen        int // items stored for the first time as already seen
	Enqueued    int // deliveries created
}

// Poll runs one poll of src. A failure is recorded on the source (for
// status and backoff) and returned.
func (p *Pipeline) Poll(ctx context.Context, src model.Source) (Result, error) {
	log := p.log.With("source", src.ID)
	res, err := p.poll(ctx, src)
	if err != nil && ctx.Err() != nil {
		// Stopping, not failing: the source did nothing wrong.
		return res, fmt.Errorf("poll %s: %w", src.ID, ctx.Err())
	}
	if err != nil {
		if rerr := p.store.RecordFetchError(context.WithoutCancel(ctx), src.ID, err.Error()); rerr != nil {
			log.Error("record poll failure", "err", rerr)
		}
		log.Warn("poll failed", "err", err)
		return res, fmt.Errorf("poll %s: %w", src.ID, err)
	}
	log.Info("polled", "not_modified", res.NotModified, "items", res.Parsed, "new", res.New, "seen", res.Seen, "deliveries", res.Enqueued)
	return res, nil
}

func (p *Pipeline) poll(ctx context.Context, src model.Source) (Result, error) {
	var out Result
	st, err := p.store.FetchState(ctx, src.ID)
	if err != nil {
		return out, err
	}
	fetched, err := p.fetcher.Fetch(ctx, src.URL, st)
	if err != nil {
		return out, err
	}
	validators := model.FetchState{ETag: fetched.ETag, LastModified: fetched.LastModified}
	var items []model.Item
	if fetched.NotModified {
		out.NotModified = true
	} else {
		feed, err := feeds.Parse(fetched.Body, fetched.ContentType, fetched.FinalURL)
		if err != nil {
			return out, err
		}
		out.Parsed = len(feed.Items)
		items = mark(chronological(feed.Items), st.Initialized, src.Backfill)
	}
	inserted, err := p.store.SaveItems(ctx, src.ID, validators, items)
	if err != nil {
		return out, err
	}
	for _, it := range inserted {
		if it.State == model.ItemNew {
			out.New++
		} else {
			out.Seen++
		}
	}
	// Items left in state new by an earlier, interrupted poll are picked
	// up here too.
	out.Enqueued, err = p.fanOut(ctx, src)
	return out, err
}

// chronological orders items oldest first, so deliveries are enqueued (and
// posted) in publication order. Feeds list newest first by convention;
// dates, where every item has one, decide.
func chronological(items []model.Item) []model.Item {
	out := make([]model.Item, len(items))
	for i, it := range items {
		out[len(items)-1-i] = it
	}
	for _, it := range out {
		if it.Published.IsZero() {
			return out
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Published.Before(out[j].Published) })
	return out
}

// mark decides which items will be posted: all of them once the source is
// initialised; on its first poll only the newest backfill ones, the rest
// being recorded as seen so an added source does not flood its targets.
func mark(items []model.Item, initialized bool, backfill int) []model.Item {
	for i := range items {
		items[i].State = model.ItemNew
		if !initialized && i < len(items)-backfill {
			items[i].State = model.ItemSeen
		}
	}
	return items
}

// fanOut summarises the source's new items and enqueues their deliveries.
func (p *Pipeline) fanOut(ctx context.Context, src model.Source) (int, error) {
	targets := p.targets(src.ID)
	total := 0
	for {
		pending, err := p.store.PendingItems(ctx, src.ID, 100)
		if err != nil || len(pending) == 0 {
			return total, err
		}
		for _, it := range pending {
			n, err := p.store.EnqueueDeliveries(ctx, it.ID, Summarize(it, src.Language), targets)
			if err != nil {
				return total, err
			}
			total += n
		}
	}
}

// Summarize is the summary of one item: its content as plain text, cut to
// the leading sentences within the default budget.
func Summarize(it model.Item, language string) []string {
	return summarize.Summarize(it.Title, extract.PlainText(it.Content), language, summarize.DefaultBudget)
}
