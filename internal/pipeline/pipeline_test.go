package pipeline_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/crierhq/crier/internal/fakes/feedserver"
	"github.com/crierhq/crier/internal/feeds"
	"github.com/crierhq/crier/internal/model"
	"github.com/crierhq/crier/internal/pipeline"
	"github.com/crierhq/crier/internal/store"
	"github.com/crierhq/crier/internal/store/sqlite"
	"github.com/crierhq/crier/internal/store/storetest"
)

var ctx = context.Background()

var allTargets = []string{"tg", "masto", "only-other"}

type env struct {
	feeds *feedserver.Server
	store *sqlite.Store
	p     *pipeline.Pipeline
	src   model.Source
	clock *storetest.Clock
	admin *notices
}

// notices records what the admins were told.
type notices struct {
	mu   sync.Mutex
	sent []string
}

func (n *notices) Notify(_ context.Context, text string) error {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.sent = append(n.sent, text)
	return nil
}

func setup(t *testing.T, backfill int) *env {
	t.Helper()
	fs := feedserver.New()
	t.Cleanup(fs.Close)
	clock := storetest.NewClock()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "c.db"), clock.Now)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	src := model.Source{ID: "news", Name: "News", URL: fs.URL("/feed.xml"), Language: "en", Backfill: backfill}
	other := model.Source{ID: "other", Name: "Other", URL: fs.URL("/other.xml")}
	if err := st.SyncSources(ctx, []model.Source{src, other}); err != nil {
		t.Fatal(err)
	}
	if err := st.SyncTargets(ctx, []store.Target{{ID: "tg", Publisher: "telegram"}, {ID: "masto", Publisher: "mastodon"}, {ID: "only-other", Publisher: "console"}}); err != nil {
		t.Fatal(err)
	}
	follows := map[string][]string{"news": {"tg", "masto"}, "other": {"only-other"}}
	admin := &notices{}
	p := pipeline.New(st, feeds.NewFetcher(feeds.Options{UserAgent: "crier-test/1"}),
		pipeline.Options{Targets: func(_ context.Context, id string) ([]string, error) { return follows[id], nil }, Now: clock.Now, PauseAfter: 5, Notifier: admin},
		slog.New(slog.NewTextHandler(io.Discard, nil)))
	return &env{feeds: fs, store: st, p: p, src: src, clock: clock, admin: admin}
}

func item(n int) feedserver.Item {
	return feedserver.Item{
		GUID:        fmt.Sprintf("id-%d", n),
		Title:       fmt.Sprintf("Story number %d", n),
		Link:        fmt.Sprintf("https://example.com/story/%d", n),
		Description: fmt.Sprintf("<p>Story number %d</p><p>The body of story %d has two sentences. This is the second.</p>", n, n),
		Published:   time.Date(2026, 11, 1, n, 0, 0, 0, time.UTC),
	}
}

// claimAll returns what the dispatcher would send, as "target:key".
func (e *env) claimAll(t *testing.T) []string {
	t.Helper()
	ds, err := e.store.ClaimDeliveries(ctx, allTargets, 1000, 1000, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, d := range ds {
		out = append(out, d.TargetID+":"+d.Item.Key)
		if err := e.store.MarkSent(ctx, d, "x"); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

func TestFirstPollMarksSeenThenPostsOnlyNewItems(t *testing.T) {
	e := setup(t, 0)
	e.feeds.SetItems("/feed.xml", "News", []feedserver.Item{item(3), item(2), item(1)})
	res, err := e.p.Poll(ctx, e.src)
	if err != nil || res.New != 0 || res.Seen != 3 || res.Enqueued != 0 {
		t.Fatalf("first poll: %+v, %v", res, err)
	}
	if got := e.claimAll(t); len(got) != 0 {
		t.Fatalf("first poll queued %v", got)
	}

	// Unchanged feed: a 304, no parse.
	res, err = e.p.Poll(ctx, e.src)
	if err != nil || !res.NotModified || e.feeds.Stats("/feed.xml").NotModified != 1 {
		t.Fatalf("conditional poll: %+v, %v, stats %+v", res, err, e.feeds.Stats("/feed.xml"))
	}
	if ua := e.feeds.Stats("/feed.xml").LastUserAgent; ua != "crier-test/1" {
		t.Errorf("User-Agent = %q", ua)
	}

	// One new item, old ones reordered and re-dated, and a GUID repeated
	// inside the document.
	old2, old1 := item(2), item(1)
	old1.Published = old1.Published.Add(48 * time.Hour)
	old2.Title = "Story number 2 (updated)"
	e.feeds.SetItems("/feed.xml", "News", []feedserver.Item{old1, item(4), old2, item(4), item(3)})
	res, err = e.p.Poll(ctx, e.src)
	if err != nil || res.New != 1 || res.Enqueued != 2 {
		t.Fatalf("poll with one new item: %+v, %v", res, err)
	}
	if got, want := e.claimAll(t), []string{"masto:guid:id-4", "tg:guid:id-4"}; strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("queued %v, want %v", got, want)
	}
	// Same document again (forced: no validators) changes nothing.
	if _, err := e.store.SaveItems(ctx, "news", model.FetchState{}, nil); err != nil {
		t.Fatal(err)
	}
	res, err = e.p.Poll(ctx, e.src)
	if err != nil || res.New != 0 || res.Enqueued != 0 {
		t.Fatalf("repeat poll: %+v, %v", res, err)
	}
}

func TestBackfillPostsNewestInPublicationOrder(t *testing.T) {
	e := setup(t, 2)
	// Feed order is not date order here: dates decide.
	e.feeds.SetItems("/feed.xml", "News", []feedserver.Item{item(2), item(5), item(1), item(4), item(3)})
	res, err := e.p.Poll(ctx, e.src)
	if err != nil || res.New != 2 || res.Seen != 3 {
		t.Fatalf("backfill poll: %+v, %v", res, err)
	}
	got := e.claimAll(t)
	want := []string{"masto:guid:id-4", "masto:guid:id-5", "tg:guid:id-4", "tg:guid:id-5"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("queued %v, want %v", got, want)
	}
}

func TestSummaryStoredWithoutTitleRepeat(t *testing.T) {
	e := setup(t, 1)
	e.feeds.SetItems("/feed.xml", "News", []feedserver.Item{item(7)})
	if _, err := e.p.Poll(ctx, e.src); err != nil {
		t.Fatal(err)
	}
	ds, _ := e.store.ClaimDeliveries(ctx, allTargets, 10, 10, time.Minute)
	if len(ds) != 2 {
		t.Fatalf("deliveries: %d", len(ds))
	}
	sum := strings.Join(ds[0].Item.Summary, " ")
	if sum != "The body of story 7 has two sentences. This is the second." {
		t.Errorf("summary = %q", sum)
	}
}

func TestFailuresAreRecordedAndChangeNothing(t *testing.T) {
	e := setup(t, 0)
	e.feeds.SetItems("/feed.xml", "News", []feedserver.Item{item(1)})
	if _, err := e.p.Poll(ctx, e.src); err != nil {
		t.Fatal(err)
	}
	for name, breakIt := range map[string]func(){
		"server error": func() { e.feeds.SetStatus("/feed.xml", 503) },
		"not a feed":   func() { e.feeds.SetRaw("/feed.xml", "text/html", "<html><body>Oops</body></html>") },
		"truncated":    func() { e.feeds.SetRaw("/feed.xml", "application/rss+xml", "<rss><channel><item><title>x") },
	} {
		t.Run(name, func(t *testing.T) {
			breakIt()
			e.clock.Advance(time.Hour) // past the backoff of the failure before
			before, _ := e.store.FetchState(ctx, "news")
			if _, err := e.p.Poll(ctx, e.src); err == nil {
				t.Fatal("poll succeeded")
			}
			after, _ := e.store.FetchState(ctx, "news")
			if after.ConsecutiveErrors != before.ConsecutiveErrors+1 || after.LastError == "" || after.ETag != before.ETag {
				t.Errorf("state %+v after %+v", after, before)
			}
			if name == "not a feed" && !strings.Contains(after.LastError, "HTML page, not a feed") {
				t.Errorf("an HTML page with status 200: %q", after.LastError)
			}
			if got := e.claimAll(t); len(got) != 0 {
				t.Errorf("a failed poll queued %v", got)
			}
		})
	}
	e.feeds.SetItems("/feed.xml", "News", []feedserver.Item{item(1), item(2)})
	if res, err := e.p.Poll(ctx, e.src); err != nil || !res.NotDue {
		t.Fatalf("a poll during the backoff: %+v, %v; want it skipped", res, err)
	}
	e.clock.Advance(time.Hour)
	if res, err := e.p.Poll(ctx, e.src); err != nil || res.New != 1 {
		t.Fatalf("recovery poll: %+v, %v", res, err)
	}
	if st, _ := e.store.FetchState(ctx, "news"); st.ConsecutiveErrors != 0 {
		t.Errorf("errors not reset: %+v", st)
	}
}

func TestInterruptedFanOutIsResumed(t *testing.T) {
	e := setup(t, 0)
	e.feeds.SetItems("/feed.xml", "News", []feedserver.Item{item(1)})
	if _, err := e.p.Poll(ctx, e.src); err != nil {
		t.Fatal(err)
	}
	// A crash after SaveItems and before EnqueueDeliveries leaves an item
	// in state new with no deliveries.
	st, _ := e.store.FetchState(ctx, "news")
	if _, err := e.store.SaveItems(ctx, "news", st, []model.Item{{Key: "guid:crashed", Title: "Crashed", State: model.ItemNew, Content: "Body."}}); err != nil {
		t.Fatal(err)
	}
	res, err := e.p.Poll(ctx, e.src) // 304: nothing parsed, but the item is resumed
	if err != nil || !res.NotModified || res.Enqueued != 2 {
		t.Fatalf("resume poll: %+v, %v", res, err)
	}
	if got := e.claimAll(t); len(got) != 2 {
		t.Errorf("queued %v", got)
	}
}

func TestFileSource(t *testing.T) {
	e := setup(t, 1)
	abs, _ := filepath.Abs("../../examples/feeds/sample.xml")
	src := model.Source{ID: "other", Name: "Other", URL: "file://" + abs, Backfill: 1}
	res, err := e.p.Poll(ctx, src)
	if err != nil || res.New != 1 || res.Enqueued != 1 {
		t.Fatalf("file poll: %+v, %v", res, err)
	}
	res, err = e.p.Poll(ctx, src)
	if err != nil || !res.NotModified {
		t.Fatalf("unchanged file: %+v, %v", res, err)
	}
	if got := e.claimAll(t); len(got) != 1 || got[0] != "only-other:guid:sample-0005" {
		t.Errorf("queued %v", got)
	}
}

// A source added from a chat is fetched like a URL from a stranger: never a
// local file, never the machine's own network (unless the operator allows
// it), whatever the config file's sources may do.
func TestAddedSourceIsFetchedGuarded(t *testing.T) {
	e := setup(t, 1)
	e.feeds.SetItems("/feed.xml", "News", []feedserver.Item{item(1)})
	abs, _ := filepath.Abs("../../examples/feeds/sample.xml")
	for _, url := range []string{e.src.URL, "file://" + abs} {
		src := model.Source{ID: "news", Name: "News", URL: url, AddedBy: 42}
		if _, err := e.p.Poll(ctx, src); err == nil {
			t.Errorf("added source at %s was fetched", url)
		}
		e.clock.Advance(time.Hour) // past the failure's backoff
	}
	if n := e.feeds.Stats("/feed.xml").Requests; n != 0 {
		t.Errorf("the loopback feed was requested %d times", n)
	}
	st, _ := e.store.FetchState(ctx, "news")
	if st.ConsecutiveErrors != 2 || !strings.Contains(st.LastError, "not allowed") {
		t.Errorf("recorded %d errors, last %q", st.ConsecutiveErrors, st.LastError)
	}
}
