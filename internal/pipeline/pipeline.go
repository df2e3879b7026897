// Package pipeline is the poll cycle of one source: fetch, parse, store the
// items never seen before, summarise the new ones and fan them out as
// deliveries. It never publishes; the dispatcher does.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/crierhq/crier/internal/dedupe"
	"github.com/crierhq/crier/internal/feeds"
	"github.com/crierhq/crier/internal/filter"
	"github.com/crierhq/crier/internal/model"
	"github.com/crierhq/crier/internal/store"
	"github.com/crierhq/crier/internal/summarize"
)

// Store is the part of the store the pipeline uses.
type Store interface {
	FetchState(ctx context.Context, sourceID string) (model.FetchState, error)
	RecordFetchError(ctx context.Context, sourceID, reason string, retryAt time.Time) error
	PauseSource(ctx context.Context, id, reason string) error
	MoveSource(ctx context.Context, id, from, to string) error
	SaveItems(ctx context.Context, sourceID string, validators model.FetchState, items []model.Item) ([]model.Item, error)
	PendingItems(ctx context.Context, sourceID string, limit int) ([]model.Item, error)
	EnqueueDeliveries(ctx context.Context, e store.Enqueue) (store.Enqueued, error)
}

// Fetcher downloads a feed, conditionally; FetchUntrusted is for a URL that
// came from a chat (http(s) and public addresses only).
type Fetcher interface {
	Fetch(ctx context.Context, url string, prev model.FetchState) (*feeds.Result, error)
	FetchUntrusted(ctx context.Context, url string, prev model.FetchState) (*feeds.Result, error)
}

// Options wire a pipeline.
type Options struct {
	// Targets lists the ids of the targets that follow a source: the
	// configured ones and the chats subscribed to it.
	Targets func(ctx context.Context, sourceID string) ([]string, error)
	// Budget is the summary stored for a source's items: the largest its
	// targets may show (each target's renderer cuts it to its own).
	Budget func(sourceID string) summarize.Budget
	// Pages fetches article pages for full text; nil never does.
	Pages PageFetcher
	// Detector guesses the language of sources that state none; nil does not.
	Detector *summarize.Detector
	// DedupeWindow is how far back an earlier copy of a story is looked
	// for (0: no cross-source duplicate detection), and Similarity the
	// estimated Jaccard similarity from which two items are one story.
	DedupeWindow time.Duration
	Similarity   float64
	Now          func() time.Time
	// A failing source is polled again after FailureBackoff, doubling
	// with each failure up to MaxFailureBackoff (or later, if the server
	// said so with Retry-After), and paused after PauseAfter failures in a
	// row (0: never).
	FailureBackoff, MaxFailureBackoff time.Duration
	PauseAfter                        int
	// Notifier tells the admins about a paused source; nil: the log only.
	Notifier Notifier
	// Filters are the sources' and targets' include and exclude rules;
	// nil: every item goes to every target. An article posted by command
	// (/post) is an admin's explicit choice and is not filtered.
	Filters *filter.Table
}

// Notifier tells the admins about what needs them.
type Notifier interface {
	Notify(ctx context.Context, text string) error
}

// Pipeline polls sources.
type Pipeline struct {
	store   Store
	fetcher Fetcher
	opts    Options
	// extractSlots bounds the article extractions running at once.
	extractSlots chan struct{}
	log          *slog.Logger
}

// New builds a pipeline.
func New(st Store, f Fetcher, opts Options, log *slog.Logger) *Pipeline {
	if opts.Targets == nil {
		opts.Targets = func(context.Context, string) ([]string, error) { return nil, nil }
	}
	if opts.Budget == nil {
		opts.Budget = func(string) summarize.Budget { return summarize.DefaultBudget }
	}
	if opts.Similarity <= 0 {
		opts.Similarity = dedupe.DefaultSimilarity
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.FailureBackoff <= 0 {
		opts.FailureBackoff = time.Minute
	}
	if opts.MaxFailureBackoff <= 0 {
		opts.MaxFailureBackoff = 6 * time.Hour
	}
	return &Pipeline{store: st, fetcher: f, opts: opts,
		extractSlots: make(chan struct{}, runtime.GOMAXPROCS(0)), log: log}
}

// Result tells what one poll did.
type Result struct {
	// NotDue: the source is paused, or backing off after failures, and
	// was not fetched.
	NotDue      bool
	NotModified bool
	Parsed      int // items in the document
	New         int // items stored for the first time, to be posted
	Seen        int // items stored for the first time as already seen
	Enqueued    int // deliveries created
	Duplicates  int // new items found to tell a story already enqueued
	Skipped     int // deliveries skipped because the target has the story
	Filtered    int // deliveries skipped by the source's or target's filters
	// FetchTime is how long the feed took to download (0: not fetched).
	FetchTime time.Duration
}

// Poll runs one poll of src, unless it is paused or backing off after
// failures. A failure is recorded on the source, which then waits longer
// before each new try and is paused (the admins told) after too many in a
// row; the failure is returned.
func (p *Pipeline) Poll(ctx context.Context, src model.Source) (Result, error) {
	log := p.log.With("source", src.ID)
	st, err := p.store.FetchState(ctx, src.ID)
	if err != nil {
		return Result{}, fmt.Errorf("poll %s: %w", src.ID, err)
	}
	if st.PausedReason != "" || p.opts.Now().Before(st.RetryAt) {
		log.Debug("not polled", "paused", st.PausedReason, "retry_at", st.RetryAt)
		return Result{NotDue: true}, nil
	}
	configured := src.URL
	if st.MovedTo != "" && st.MovedFrom == configured {
		src.URL = st.MovedTo
	}
	res, err := p.poll(ctx, src, configured, st)
	if err != nil && ctx.Err() != nil {
		// Stopping, not failing: the source did nothing wrong.
		return res, fmt.Errorf("poll %s: %w", src.ID, ctx.Err())
	}
	if err != nil {
		p.recordFailure(context.WithoutCancel(ctx), log, src, st, err)
		return res, fmt.Errorf("poll %s: %w", src.ID, err)
	}
	log.Info("polled", "not_modified", res.NotModified, "items", res.Parsed, "new", res.New, "seen", res.Seen,
		"deliveries", res.Enqueued, "duplicates", res.Duplicates, "filtered", res.Filtered)
	return res, nil
}

// recordFailure counts a failed poll and decides when the next may come.
func (p *Pipeline) recordFailure(ctx context.Context, log *slog.Logger, src model.Source, st model.FetchState, err error) {
	failures := st.ConsecutiveErrors + 1
	wait := p.opts.FailureBackoff << min(failures-1, 20)
	wait = min(wait, p.opts.MaxFailureBackoff)
	var herr *feeds.HTTPError
	if errors.As(err, &herr) && herr.RetryAfter > wait {
		wait = herr.RetryAfter
	}
	if rerr := p.store.RecordFetchError(ctx, src.ID, err.Error(), p.opts.Now().Add(wait)); rerr != nil {
		log.Error("record poll failure", "err", rerr)
	}
	log.Warn("poll failed", "err", err, "failures", failures, "retry_in", wait.String())
	if p.opts.PauseAfter <= 0 || failures < p.opts.PauseAfter {
		return
	}
	reason := fmt.Sprintf("%d failed polls in a row; the last: %v", failures, err)
	if perr := p.store.PauseSource(ctx, src.ID, reason); perr != nil {
		log.Error("pause source", "err", perr)
		return
	}
	log.Error("source paused", "reason", reason)
	if p.opts.Notifier != nil {
		text := fmt.Sprintf("crier: source %s is paused: %s. After fixing it, resume it with: crier resume %s", src.ID, reason, src.ID)
		if nerr := p.opts.Notifier.Notify(ctx, text); nerr != nil {
			log.Error("tell the admins", "err", nerr)
		}
	}
}

func (p *Pipeline) poll(ctx context.Context, src model.Source, configured string, st model.FetchState) (Result, error) {
	var out Result
	fetch := p.fetcher.Fetch
	if src.AddedBy != 0 {
		fetch = p.fetcher.FetchUntrusted
	}
	began := time.Now()
	fetched, err := fetch(ctx, src.URL, st)
	out.FetchTime = time.Since(began)
	if err != nil {
		return out, err
	}
	validators := model.FetchState{ETag: fetched.ETag, LastModified: fetched.LastModified, Initialized: st.Initialized}
	var items []model.Item
	if fetched.NotModified {
		out.NotModified = true
	} else {
		feed, err := feeds.Parse(fetched.Body, fetched.ContentType, fetched.FinalURL)
		if err != nil {
			return out, err
		}
		out.Parsed = len(feed.Items)
		if fetched.MovedTo != "" && fetched.MovedTo != src.URL {
			// Moved for good, and a feed is there: poll the new address
			// from now on, for as long as the config names the old one.
			if err := p.store.MoveSource(ctx, src.ID, configured, fetched.MovedTo); err != nil {
				return out, err
			}
			p.log.Info("source moved permanently", "source", src.ID, "from", src.URL, "to", fetched.MovedTo)
		}
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
	err = p.fanOut(ctx, src, &out)
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

// fanOut prepares the source's new items and enqueues their deliveries.
func (p *Pipeline) fanOut(ctx context.Context, src model.Source, out *Result) error {
	targets, err := p.opts.Targets(ctx, src.ID)
	if err != nil {
		return err
	}
	budget := p.opts.Budget(src.ID)
	for {
		pending, err := p.store.PendingItems(ctx, src.ID, 100)
		if err != nil || len(pending) == 0 {
			return err
		}
		for _, it := range pending {
			a := p.Prepare(ctx, src, it, budget)
			if ctx.Err() != nil {
				// Stopping: a page fetch cut short would post a worse
				// summary; the item stays new for the next poll.
				return ctx.Err()
			}
			e := store.Enqueue{ItemID: it.ID, Summary: a.Summary, Origin: a.Origin, Language: a.Language, Image: a.Image, Targets: targets}
			if a.Print != nil && p.opts.DedupeWindow > 0 {
				e.Story = p.story(*a.Print)
			}
			// Decided once, here, on what the post would show: the
			// skipped deliveries record the rule, and a later poll or a
			// changed filter does not decide again.
			e.Skip = p.opts.Filters.Skips(src.ID, targets, filter.Item{Title: it.Title, Summary: strings.Join(a.Summary, " "),
				Link: it.Link, Categories: it.Tags})
			res, err := p.store.EnqueueDeliveries(ctx, e)
			if err != nil {
				return err
			}
			out.Enqueued += res.Created
			out.Skipped += res.Skipped
			out.Filtered += res.Filtered
			if res.DuplicateOf != 0 {
				out.Duplicates++
				p.log.Info("duplicate story", "source", src.ID, "item", it.ID, "duplicate_of", res.DuplicateOf,
					"skipped_targets", res.Skipped)
			}
		}
	}
}

// story is the dedupe lookup for a fingerprint.
func (p *Pipeline) story(print dedupe.Print) *store.Story {
	return &store.Story{
		Print: print.Bytes(),
		Bands: print.Bands(),
		Since: p.opts.Now().Add(-p.opts.DedupeWindow),
		Same: func(b []byte) bool {
			other, ok := dedupe.Parse(b)
			return ok && dedupe.Similarity(print, other) >= p.opts.Similarity
		},
	}
}
