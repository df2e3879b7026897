package storetest

import (
	"testing"
	"time"

	"github.com/crierhq/crier/internal/model"
	"github.com/crierhq/crier/internal/store"
)

// testFilteredSkipsRecorded: targets a filter refused get a skipped delivery
// with the rule, once; they are never claimed, counted apart, and traced by
// link or id.
func testFilteredSkipsRecorded(t *testing.T, open Opener) {
	s := open(t, NewClock())
	seed(t, s, "t1", "t2")
	got, _ := s.SaveItems(ctx, "src", model.FetchState{}, items(model.ItemNew, "a", "b"))
	why := store.FilteredPrefix + `target t2 filters.exclude[0]: keyword "ad" in title`
	e := store.Enqueue{ItemID: got[0].ID, Summary: []string{"S."}, Targets: []string{"t1", "t2"}, Skip: map[string]string{"t2": why}}
	res, err := s.EnqueueDeliveries(ctx, e)
	if err != nil || res.Created != 1 || res.Filtered != 1 || res.Skipped != 0 {
		t.Fatalf("enqueue = %+v, %v; want 1 created, 1 filtered", res, err)
	}
	if res, _ := s.EnqueueDeliveries(ctx, e); res != (store.Enqueued{}) {
		t.Errorf("second enqueue = %+v, want nothing", res)
	}
	ds, _ := s.ClaimDeliveries(ctx, allTargets, 10, 10, time.Minute)
	if len(ds) != 1 || ds[0].TargetID != "t1" {
		t.Fatalf("claimed %v, want t1's only", keysOf(ds))
	}
	if n, err := s.FilteredCounts(ctx); err != nil || n["t2"] != 1 || n["t1"] != 0 {
		t.Errorf("filtered counts = %v, %v", n, err)
	}

	traces, err := s.TraceItems(ctx, 0, "https://example.com/a", 5)
	if err != nil || len(traces) != 1 {
		t.Fatalf("trace by link = %+v, %v", traces, err)
	}
	tr := traces[0]
	if tr.Item.ID != got[0].ID || tr.Item.State != model.ItemQueued || tr.SourceName != "Source" || len(tr.Deliveries) != 2 {
		t.Fatalf("trace = %+v", tr)
	}
	if d := tr.Deliveries[1]; d.TargetID != "t2" || d.State != model.DeliverySkipped || d.LastError != why {
		t.Errorf("t2's delivery = %+v", d)
	}
	if d := tr.Deliveries[0]; d.TargetID != "t1" || d.State != model.DeliverySending {
		t.Errorf("t1's delivery = %+v", d)
	}
	if traces, _ := s.TraceItems(ctx, got[1].ID, "", 5); len(traces) != 1 || traces[0].Item.State != model.ItemNew || len(traces[0].Deliveries) != 0 {
		t.Errorf("trace by id of an item not yet queued = %+v", traces)
	}
	if traces, err := s.TraceItems(ctx, 0, "https://example.com/none", 5); err != nil || len(traces) != 0 {
		t.Errorf("unknown link = %+v, %v", traces, err)
	}
}

// testFilteredCopyIsNoDuplicate: a target whose filter refused the first
// copy of a story never had it, so a later copy its filters let through is
// posted, not skipped as a duplicate.
func testFilteredCopyIsNoDuplicate(t *testing.T, open Opener) {
	clock := NewClock()
	s := open(t, clock)
	seedTwoSources(t, s)
	got, _ := s.SaveItems(ctx, "src", model.FetchState{}, items(model.ItemNew, "a"))
	_, err := s.EnqueueDeliveries(ctx, store.Enqueue{ItemID: got[0].ID, Summary: []string{"S."}, Targets: []string{"t1", "t2"},
		Story: story("quake", 48*time.Hour, clock, 1), Skip: map[string]string{"t2": store.FilteredPrefix + "source src"}})
	if err != nil {
		t.Fatal(err)
	}
	_, res := saveOne(t, s, "agg", "b", []string{"t1", "t2"}, story("quake", 48*time.Hour, clock, 1))
	if res.DuplicateOf != got[0].ID || res.Created != 1 || res.Skipped != 1 {
		t.Errorf("copy = %+v; want t2 pending (it never had the story), t1 skipped", res)
	}
}
