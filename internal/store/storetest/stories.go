package storetest

import (
	"bytes"
	"testing"
	"time"

	"github.com/crierhq/crier/internal/model"
	"github.com/crierhq/crier/internal/store"
)

// story is a fake fingerprint: prints are equal or not, bands given.
func story(print string, window time.Duration, clock *Clock, bands ...int64) *store.Story {
	return &store.Story{Print: []byte(print), Bands: bands, Since: clock.Now().Add(-window),
		Same: func(p []byte) bool { return bytes.Equal(p, []byte(print)) }}
}

// saveOne stores one new item of source and enqueues it with its story.
func saveOne(t *testing.T, s store.Store, source, key string, targets []string, st *store.Story) (int64, store.Enqueued) {
	t.Helper()
	got, err := s.SaveItems(ctx, source, model.FetchState{}, items(model.ItemNew, key))
	if err != nil || len(got) != 1 {
		t.Fatalf("save %s/%s: %v", source, key, err)
	}
	res, err := s.EnqueueDeliveries(ctx, store.Enqueue{ItemID: got[0].ID, Summary: []string{"S."}, Targets: targets, Story: st})
	if err != nil {
		t.Fatal(err)
	}
	return got[0].ID, res
}

func seedTwoSources(t *testing.T, s store.Store) {
	t.Helper()
	if err := s.SyncSources(ctx, []model.Source{{ID: "src", Name: "Source", URL: "https://example.com/feed"},
		{ID: "agg", Name: "Aggregator", URL: "https://agg.example/feed"}}); err != nil {
		t.Fatal(err)
	}
	if err := s.SyncTargets(ctx, []store.Target{{ID: "t1", Publisher: "console"}, {ID: "t2", Publisher: "console"},
		{ID: "t3", Publisher: "console"}}); err != nil {
		t.Fatal(err)
	}
}

func testDuplicateStory(t *testing.T, open Opener) {
	clock := NewClock()
	s := open(t, clock)
	seedTwoSources(t, s)
	first, res := saveOne(t, s, "src", "a", []string{"t1", "t2"}, story("quake", 48*time.Hour, clock, 1, 2))
	if res.Created != 2 || res.DuplicateOf != 0 {
		t.Fatalf("first copy: %+v", res)
	}
	// Another story sharing a band is compared and found different.
	if _, res := saveOne(t, s, "agg", "b", []string{"t2"}, story("rates", 48*time.Hour, clock, 2, 3)); res.DuplicateOf != 0 || res.Created != 1 {
		t.Fatalf("different story: %+v", res)
	}
	clock.Advance(time.Hour)
	copyID, res := saveOne(t, s, "agg", "c", []string{"t2", "t3"}, story("quake", 48*time.Hour, clock, 9, 1))
	if res.DuplicateOf != first || res.Created != 1 || res.Skipped != 1 {
		t.Fatalf("copy: %+v, want duplicate of %d, t3 pending, t2 skipped", res, first)
	}
	// A third copy is a duplicate of the first, and t3 has the story from
	// the second copy: skipped there, posted to t1... which had the first.
	if _, res := saveOne(t, s, "src", "d", []string{"t3", "t1"}, story("quake", 48*time.Hour, clock, 1)); res.DuplicateOf != first || res.Skipped != 2 || res.Created != 0 {
		t.Fatalf("third copy: %+v, want a duplicate of the first skipped on t3 (second copy) and t1 (first)", res)
	}

	counts, err := s.DeliveryCounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if counts["t2"][model.DeliverySkipped] != 1 || counts["t2"][model.DeliveryPending] != 2 {
		t.Errorf("t2 counts %v", counts["t2"])
	}
	ds, _ := s.ClaimDeliveries(ctx, []string{"t1", "t2", "t3"}, 100, 100, time.Minute)
	for _, d := range ds {
		if d.TargetID == "t2" && d.Item.ID == copyID {
			t.Errorf("a skipped delivery was claimed")
		}
	}
	dups, err := s.RecentDuplicates(ctx, 10)
	if err != nil || len(dups) != 2 {
		t.Fatalf("duplicates %+v, %v", dups, err)
	}
	d := dups[1] // newest first
	if d.Item.ID != copyID || d.Original.ID != first || d.SourceName != "Aggregator" || d.OriginalSource != "Source" ||
		d.Skipped != 1 || d.Original.Title != "Title a" {
		t.Errorf("duplicate %+v", d)
	}
}

func testDuplicateWindow(t *testing.T, open Opener) {
	clock := NewClock()
	s := open(t, clock)
	seedTwoSources(t, s)
	saveOne(t, s, "src", "a", []string{"t1"}, story("quake", 48*time.Hour, clock, 1))
	clock.Advance(49 * time.Hour)
	if _, res := saveOne(t, s, "agg", "b", []string{"t1"}, story("quake", 48*time.Hour, clock, 1)); res.DuplicateOf != 0 || res.Created != 1 {
		t.Fatalf("a copy outside the window: %+v, want posted", res)
	}
	// Without a story, nothing is compared.
	if _, res := saveOne(t, s, "agg", "c", []string{"t1"}, nil); res.DuplicateOf != 0 || res.Created != 1 {
		t.Fatalf("no story: %+v", res)
	}
}
