// Package storetest is the behaviour every store engine must show; each
// engine's tests call Run with a constructor.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/crierhq/crier/internal/model"
	"github.com/crierhq/crier/internal/store"
)

// Clock is a settable clock for stores under test.
type Clock struct {
	mu  sync.Mutex
	now time.Time
}

// NewClock starts at a fixed instant.
func NewClock() *Clock { return &Clock{now: time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)} }

// Now returns the current fake time.
func (c *Clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }

// Advance moves the clock forward.
func (c *Clock) Advance(d time.Duration) { c.mu.Lock(); c.now = c.now.Add(d); c.mu.Unlock() }

// Opener returns a fresh, empty store using clock.
type Opener func(t *testing.T, clock *Clock) store.Store

// Run runs the whole suite against an engine.
func Run(t *testing.T, open Opener) {
	tests := []struct {
		name string
		fn   func(*testing.T, Opener)
	}{
		{"FetchStateOfUnknownSource", testUnknownSource},
		{"SaveItemsInsertsOnlyNewKeys", testSaveItemsOnlyNew},
		{"SeenItemsAreNotPending", testSeenItems},
		{"FetchErrorsCountedAndReset", testFetchErrors},
		{"SourcePauseAndMove", testSourcePauseAndMove},
		{"EnqueueIsIdempotent", testEnqueueIdempotent},
		{"ItemImages", testItemImages},
		{"FilteredSkipsRecorded", testFilteredSkipsRecorded},
		{"FilteredCopyIsNoDuplicate", testFilteredCopyIsNoDuplicate},
		{"ClaimOrderAndLease", testClaimOrderAndLease},
		{"ClaimKeepsTargetOrderBehindRetry", testClaimHeadOfLine},
		{"ClaimPerTargetCap", testClaimPerTargetCap},
		{"MarkRequiresClaim", testMarkRequiresClaim},
		{"ReleaseAndCounts", testReleaseAndCounts},
		{"ClaimOnlyNamedTargets", testClaimOnlyNamedTargets},
		{"ClaimAmongTensOfThousandsOfTargets", testClaimManyTargets},
		{"StaleClaimIsFenced", testStaleClaimIsFenced},
		{"URLChangeResetsSource", testURLChangeResetsSource},
		{"DuplicateStorySkippedPerTarget", testDuplicateStory},
		{"DuplicateWindow", testDuplicateWindow},
		{"PausedTargetsAreNotClaimed", testPausedTargetsAreNotClaimed},
		{"MovedTarget", testMovedTarget},
		{"BotState", testBotState},
		{"RetryFailed", testRetryFailed},
		{"Subscriptions", testSubscriptions},
		{"AddedSources", testAddedSources},
		{"Leases", testLeases},
		{"StalePollRefused", testStalePollRefused},
		{"PollSlots", testPollSlots},
		{"SharedRates", testSharedRates},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.fn(t, open) })
	}
}

var ctx = context.Background()

// allTargets are the targets the suite's worker serves.
var allTargets = []string{"t1", "t2"}

// seed creates one source and the given targets.
func seed(t *testing.T, s store.Store, targets ...string) {
	t.Helper()
	if err := s.SyncSources(ctx, []model.Source{{ID: "src", Name: "Source", URL: "https://example.com/feed"}}); err != nil {
		t.Fatal(err)
	}
	var ts []store.Target
	for _, id := range targets {
		ts = append(ts, store.Target{ID: id, Publisher: "console"})
	}
	if err := s.SyncTargets(ctx, ts); err != nil {
		t.Fatal(err)
	}
}

func items(state model.ItemState, keys ...string) []model.Item {
	var out []model.Item
	for _, k := range keys {
		out = append(out, model.Item{Key: k, Title: "Title " + k, Link: "https://example.com/" + k,
			Content: "<p>Body " + k + "</p>", Tags: []string{"news"}, State: state,
			Published: time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)})
	}
	return out
}

func testUnknownSource(t *testing.T, open Opener) {
	s := open(t, NewClock())
	if _, err := s.FetchState(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("err = %v, want ErrNotFound", err)
	}
	if err := s.RecordFetchError(ctx, "nope", "x", time.Time{}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("RecordFetchError err = %v, want ErrNotFound", err)
	}
}

func testSaveItemsOnlyNew(t *testing.T, open Opener) {
	clock := NewClock()
	s := open(t, clock)
	seed(t, s)
	st, err := s.FetchState(ctx, "src")
	if err != nil || st.Initialized {
		t.Fatalf("fresh source: %+v, %v", st, err)
	}
	got, err := s.SaveItems(ctx, "src", model.FetchState{ETag: `"v1"`, LastModified: "Mon"}, items(model.ItemNew, "a", "b"))
	if err != nil || len(got) != 2 || got[0].ID == 0 || got[0].Key != "a" || got[1].Key != "b" {
		t.Fatalf("first save: %+v, %v", got, err)
	}
	clock.Advance(time.Minute)
	got, err = s.SaveItems(ctx, "src", model.FetchState{ETag: `"v2"`}, items(model.ItemNew, "b", "c", "a"))
	if err != nil || len(got) != 1 || got[0].Key != "c" {
		t.Fatalf("second save returned %+v, %v; want only c", got, err)
	}
	st, _ = s.FetchState(ctx, "src")
	if !st.Initialized || st.ETag != `"v2"` || st.LastModified != "" || !st.LastSuccessAt.Equal(clock.Now()) || !st.LastNewItemAt.Equal(clock.Now()) {
		t.Errorf("state after save: %+v", st)
	}
	pending, err := s.PendingItems(ctx, "src", 10)
	if err != nil || len(pending) != 3 || pending[0].Key != "a" || pending[2].Key != "c" {
		t.Fatalf("pending = %+v, %v", pending, err)
	}
	p := pending[0]
	if p.Content != "<p>Body a</p>" || p.Title != "Title a" || len(p.Tags) != 1 || !p.Published.Equal(time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("pending item lost fields: %+v", p)
	}
}

func testSeenItems(t *testing.T, open Opener) {
	s := open(t, NewClock())
	seed(t, s)
	got, err := s.SaveItems(ctx, "src", model.FetchState{}, items(model.ItemSeen, "a", "b"))
	if err != nil || len(got) != 2 {
		t.Fatal(got, err)
	}
	pending, _ := s.PendingItems(ctx, "src", 10)
	if len(pending) != 0 {
		t.Errorf("seen items are pending: %+v", pending)
	}
	st, _ := s.FetchState(ctx, "src")
	if !st.Initialized || !st.LastNewItemAt.IsZero() {
		t.Errorf("state after seen-only save: %+v", st)
	}
	// A seen key never comes back as new.
	got, _ = s.SaveItems(ctx, "src", model.FetchState{}, items(model.ItemNew, "a"))
	if len(got) != 0 {
		t.Errorf("seen item re-inserted: %+v", got)
	}
}

func testFetchErrors(t *testing.T, open Opener) {
	clock := NewClock()
	s := open(t, clock)
	seed(t, s)
	retry := clock.Now().Add(8 * time.Minute)
	for i := 0; i < 3; i++ {
		if err := s.RecordFetchError(ctx, "src", "HTTP 503", retry); err != nil {
			t.Fatal(err)
		}
	}
	st, _ := s.FetchState(ctx, "src")
	if st.ConsecutiveErrors != 3 || st.LastError != "HTTP 503" || st.LastPolledAt.IsZero() || !st.RetryAt.Equal(retry) {
		t.Errorf("after errors: %+v", st)
	}
	if _, err := s.SaveItems(ctx, "src", model.FetchState{}, nil); err != nil {
		t.Fatal(err)
	}
	st, _ = s.FetchState(ctx, "src")
	if st.ConsecutiveErrors != 0 || st.LastError != "" || !st.RetryAt.IsZero() {
		t.Errorf("success did not reset errors: %+v", st)
	}
}

func testSourcePauseAndMove(t *testing.T, open Opener) {
	s := open(t, NewClock())
	seed(t, s)
	s.RecordFetchError(ctx, "src", "HTTP 500", time.Time{})
	if err := s.PauseSource(ctx, "src", "10 failed polls in a row; last: HTTP 500"); err != nil {
		t.Fatal(err)
	}
	st, _ := s.FetchState(ctx, "src")
	if st.PausedReason == "" || st.PausedAt.IsZero() {
		t.Fatalf("paused state %+v", st)
	}
	if ok, err := s.ResumeSource(ctx, "src"); !ok || err != nil {
		t.Fatalf("resume = %v, %v", ok, err)
	}
	st, _ = s.FetchState(ctx, "src")
	if st.PausedReason != "" || st.ConsecutiveErrors != 0 {
		t.Errorf("resumed state %+v", st)
	}
	if ok, _ := s.ResumeSource(ctx, "src"); ok {
		t.Error("resumed a source that was not paused")
	}
	if err := s.MoveSource(ctx, "src", "https://example.com/feed", "https://example.com/rss"); err != nil {
		t.Fatal(err)
	}
	st, _ = s.FetchState(ctx, "src")
	if st.MovedFrom != "https://example.com/feed" || st.MovedTo != "https://example.com/rss" {
		t.Errorf("moved state %+v", st)
	}
	// Resuming a paused source forgets the move: it may be what broke it.
	s.PauseSource(ctx, "src", "failing at the new address")
	s.ResumeSource(ctx, "src")
	if st, _ = s.FetchState(ctx, "src"); st.MovedTo != "" {
		t.Errorf("move kept after resume: %+v", st)
	}
}

func testEnqueueIdempotent(t *testing.T, open Opener) {
	s := open(t, NewClock())
	seed(t, s, "t1", "t2")
	got, _ := s.SaveItems(ctx, "src", model.FetchState{}, items(model.ItemNew, "a"))
	e := store.Enqueue{ItemID: got[0].ID, Summary: []string{"One.", "Two."}, Origin: "Reuters", Language: "en", Targets: []string{"t1", "t2"}}
	n, err := s.EnqueueDeliveries(ctx, e)
	if err != nil || n.Created != 2 {
		t.Fatalf("enqueue = %+v, %v", n, err)
	}
	e.Summary = []string{"One."}
	n, err = s.EnqueueDeliveries(ctx, e)
	if err != nil || n.Created != 0 {
		t.Fatalf("second enqueue = %+v, %v; want 0", n, err)
	}
	if pending, _ := s.PendingItems(ctx, "src", 10); len(pending) != 0 {
		t.Errorf("queued item still pending")
	}
	if _, err := s.EnqueueDeliveries(ctx, store.Enqueue{ItemID: got[0].ID + 100, Targets: []string{"t1"}}); err != nil {
		t.Errorf("unknown item: %v", err)
	}
	ds, _ := s.ClaimDeliveries(ctx, allTargets, 10, 10, time.Minute)
	if len(ds) != 2 || ds[0].Item.Summary[1] != "Two." || ds[0].SourceName != "Source" || ds[0].Item.Content != "" {
		t.Fatalf("claimed %+v", ds)
	}
	if it := ds[0].Item; it.Origin != "Reuters" || it.Language != "en" {
		t.Errorf("claimed item origin %q, language %q", it.Origin, it.Language)
	}
}

// enqueue saves keys as new items and fans each out to targets.
func enqueue(t *testing.T, s store.Store, targets []string, keys ...string) {
	t.Helper()
	got, err := s.SaveItems(ctx, "src", model.FetchState{}, items(model.ItemNew, keys...))
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range got {
		if _, err := s.EnqueueDeliveries(ctx, store.Enqueue{ItemID: it.ID, Summary: []string{"S."}, Targets: targets}); err != nil {
			t.Fatal(err)
		}
	}
}

func keysOf(ds []model.Delivery) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.TargetID+":"+d.Item.Key)
	}
	return out
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func testClaimOrderAndLease(t *testing.T, open Opener) {
	clock := NewClock()
	s := open(t, clock)
	seed(t, s, "t1", "t2")
	enqueue(t, s, []string{"t1", "t2"}, "a", "b")
	ds, err := s.ClaimDeliveries(ctx, allTargets, 10, 10, time.Minute)
	if want := []string{"t1:a", "t1:b", "t2:a", "t2:b"}; err != nil || !equal(keysOf(ds), want) {
		t.Fatalf("claim = %v, %v; want %v", keysOf(ds), err, want)
	}
	if again, _ := s.ClaimDeliveries(ctx, allTargets, 10, 10, time.Minute); len(again) != 0 {
		t.Fatalf("leased deliveries claimed twice: %v", keysOf(again))
	}
	for _, d := range ds[:2] {
		if err := s.MarkSent(ctx, d, "remote-"+d.Item.Key); err != nil {
			t.Fatal(err)
		}
	}
	// t2's worker died: its lease expires and the rows come back.
	clock.Advance(2 * time.Minute)
	again, _ := s.ClaimDeliveries(ctx, allTargets, 10, 10, time.Minute)
	if want := []string{"t2:a", "t2:b"}; !equal(keysOf(again), want) {
		t.Fatalf("after lease expiry claimed %v, want %v", keysOf(again), want)
	}
	if err := s.MarkSent(ctx, ds[0], "dup"); err == nil {
		t.Error("MarkSent on a sent delivery succeeded")
	}
}

func testClaimHeadOfLine(t *testing.T, open Opener) {
	clock := NewClock()
	s := open(t, clock)
	seed(t, s, "t1", "t2")
	enqueue(t, s, []string{"t1", "t2"}, "a", "b")
	ds, _ := s.ClaimDeliveries(ctx, allTargets, 10, 10, time.Minute)
	// t1:a fails transiently; t1:b must wait behind it, t2 is unaffected.
	if err := s.MarkRetry(ctx, ds[0], clock.Now().Add(30*time.Second), "HTTP 502", true); err != nil {
		t.Fatal(err)
	}
	if err := s.Release(ctx, []model.Delivery{ds[1], ds[2], ds[3]}); err != nil {
		t.Fatal(err)
	}
	got, _ := s.ClaimDeliveries(ctx, allTargets, 10, 10, time.Minute)
	if want := []string{"t2:a", "t2:b"}; !equal(keysOf(got), want) {
		t.Fatalf("claimed %v, want %v (t1:b held behind t1:a)", keysOf(got), want)
	}
	clock.Advance(31 * time.Second)
	got, _ = s.ClaimDeliveries(ctx, allTargets, 10, 10, time.Minute)
	if want := []string{"t1:a", "t1:b"}; !equal(keysOf(got), want) {
		t.Fatalf("after the retry time claimed %v, want %v", keysOf(got), want)
	}
	if got[0].Attempts != 1 || got[0].LastError != "HTTP 502" {
		t.Errorf("retry bookkeeping: %+v", got[0])
	}
	// A permanent failure does not block the target.
	if err := s.MarkFailed(ctx, got[0], "chat not found"); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkSent(ctx, got[1], "9"); err != nil {
		t.Fatal(err)
	}
}

func testClaimPerTargetCap(t *testing.T, open Opener) {
	s := open(t, NewClock())
	seed(t, s, "t1", "t2")
	enqueue(t, s, []string{"t1"}, "a", "b", "c", "d")
	enqueue(t, s, []string{"t2"}, "e")
	got, _ := s.ClaimDeliveries(ctx, allTargets, 10, 2, time.Minute)
	if want := []string{"t1:a", "t1:b", "t2:e"}; !equal(keysOf(got), want) {
		t.Fatalf("claimed %v, want %v", keysOf(got), want)
	}
	// With t1's first two in flight, nothing later of t1 can be claimed.
	if more, _ := s.ClaimDeliveries(ctx, allTargets, 10, 2, time.Minute); len(more) != 0 {
		t.Fatalf("claimed behind in-flight deliveries: %v", keysOf(more))
	}
}

func testMarkRequiresClaim(t *testing.T, open Opener) {
	s := open(t, NewClock())
	seed(t, s, "t1")
	enqueue(t, s, []string{"t1"}, "a")
	for name, err := range map[string]error{
		"sent":   s.MarkSent(ctx, model.Delivery{ID: 1}, "x"),
		"retry":  s.MarkRetry(ctx, model.Delivery{ID: 1}, time.Now(), "x", true),
		"failed": s.MarkFailed(ctx, model.Delivery{ID: 1}, "x"),
	} {
		if !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Mark%s on an unclaimed delivery: %v, want ErrNotFound", name, err)
		}
	}
}

func testReleaseAndCounts(t *testing.T, open Opener) {
	s := open(t, NewClock())
	seed(t, s, "t1", "t2")
	enqueue(t, s, []string{"t1", "t2"}, "a", "b")
	ds, _ := s.ClaimDeliveries(ctx, allTargets, 10, 10, time.Hour)
	if err := s.MarkSent(ctx, ds[0], "1"); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkFailed(ctx, ds[2], "gone"); err != nil {
		t.Fatal(err)
	}
	if err := s.Release(ctx, []model.Delivery{ds[1], ds[3]}); err != nil {
		t.Fatal(err)
	}
	counts, err := s.DeliveryCounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if counts["t1"][model.DeliverySent] != 1 || counts["t1"][model.DeliveryPending] != 1 ||
		counts["t2"][model.DeliveryFailed] != 1 || counts["t2"][model.DeliveryPending] != 1 {
		t.Errorf("counts = %v", counts)
	}
	if open, err := s.OpenDeliveries(ctx); err != nil || open["t1"] != 1 || open["t2"] != 1 || len(open) != 2 {
		t.Errorf("open deliveries = %v, %v; want one pending on each target", open, err)
	}
	again, _ := s.ClaimDeliveries(ctx, allTargets, 10, 10, time.Hour)
	if want := []string{"t1:b", "t2:b"}; !equal(keysOf(again), want) || again[0].Attempts != 0 {
		t.Errorf("after release claimed %v (attempts %d)", keysOf(again), again[0].Attempts)
	}
}

func testClaimOnlyNamedTargets(t *testing.T, open Opener) {
	s := open(t, NewClock())
	seed(t, s, "t1", "t2")
	enqueue(t, s, []string{"t1", "t2"}, "a")
	// A worker that serves only t1 (another process has t2) never takes
	// t2's deliveries, and does not spin on them either.
	got, _ := s.ClaimDeliveries(ctx, []string{"t1"}, 10, 10, time.Minute)
	if want := []string{"t1:a"}; !equal(keysOf(got), want) {
		t.Fatalf("claimed %v, want %v", keysOf(got), want)
	}
	if got, _ := s.ClaimDeliveries(ctx, []string{"t1"}, 10, 10, time.Minute); len(got) != 0 {
		t.Fatalf("claimed %v again", keysOf(got))
	}
	// Targets that left the config keep their deliveries.
	if err := s.SyncTargets(ctx, []store.Target{{ID: "t1", Publisher: "console"}}); err != nil {
		t.Fatal(err)
	}
	got, _ = s.ClaimDeliveries(ctx, []string{"t2"}, 10, 10, time.Minute)
	if want := []string{"t2:a"}; !equal(keysOf(got), want) {
		t.Fatalf("claimed %v, want %v", keysOf(got), want)
	}
	if got, _ := s.ClaimDeliveries(ctx, nil, 10, 10, time.Minute); len(got) != 0 {
		t.Fatalf("no targets claimed %v", keysOf(got))
	}
}

// Subscriber chats by the ten thousand: a claim naming 34,000 targets (more
// variables, bound twice, than SQLite's 32,766 or PostgreSQL's 65,535 per
// statement) still claims, from both ends of the list.
func testClaimManyTargets(t *testing.T, open Opener) {
	s := open(t, NewClock())
	seed(t, s, "t1", "t2")
	enqueue(t, s, []string{"t1", "t2"}, "a", "b")
	names := make([]string, 34000)
	for i := range names {
		names[i] = fmt.Sprintf("chat:%d", 100000+i)
	}
	names[0], names[len(names)-1] = "t1", "t2"
	var got []string
	for range 2 {
		c, err := s.ClaimDeliveries(ctx, names, 1, 10, time.Minute)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, keysOf(c)...)
	}
	sort.Strings(got)
	if want := []string{"t1:a", "t2:a"}; !equal(got, want) {
		t.Fatalf("claimed %v, want %v", got, want)
	}
}

func testStaleClaimIsFenced(t *testing.T, open Opener) {
	clock := NewClock()
	s := open(t, clock)
	seed(t, s, "t1")
	enqueue(t, s, []string{"t1"}, "a")
	first, _ := s.ClaimDeliveries(ctx, allTargets, 10, 10, time.Minute)
	if len(first) != 1 || first[0].Claim == 0 || !first[0].LeaseUntil.Equal(clock.Now().Add(time.Minute)) {
		t.Fatalf("claim: %+v", first)
	}
	// The first worker stalls past its lease; a second one takes over.
	clock.Advance(2 * time.Minute)
	second, _ := s.ClaimDeliveries(ctx, allTargets, 10, 10, time.Minute)
	if len(second) != 1 || second[0].Claim == first[0].Claim {
		t.Fatalf("re-claim: %+v", second)
	}
	for name, err := range map[string]error{
		"sent":    s.MarkSent(ctx, first[0], "late"),
		"retry":   s.MarkRetry(ctx, first[0], clock.Now(), "late", true),
		"failed":  s.MarkFailed(ctx, first[0], "late"),
		"release": nil,
	} {
		if name != "release" && !errors.Is(err, store.ErrNotFound) {
			t.Errorf("stale Mark%s: %v, want ErrNotFound", name, err)
		}
	}
	if err := s.Release(ctx, first); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkSent(ctx, second[0], "ok"); err != nil {
		t.Fatalf("current claim refused after a stale release: %v", err)
	}
}

func testURLChangeResetsSource(t *testing.T, open Opener) {
	s := open(t, NewClock())
	seed(t, s)
	if _, err := s.SaveItems(ctx, "src", model.FetchState{ETag: "e1", LastModified: "lm"}, items(model.ItemSeen, "a")); err != nil {
		t.Fatal(err)
	}
	seed(t, s) // same URL: nothing changes
	if st, _ := s.FetchState(ctx, "src"); st.ETag != "e1" || !st.Initialized {
		t.Fatalf("same URL: %+v", st)
	}
	if err := s.SyncSources(ctx, []model.Source{{ID: "src", Name: "Source", URL: "https://example.com/other"}}); err != nil {
		t.Fatal(err)
	}
	if st, _ := s.FetchState(ctx, "src"); st.ETag != "" || st.LastModified != "" || st.Initialized {
		t.Fatalf("new URL kept the old feed's state: %+v", st)
	}
}
