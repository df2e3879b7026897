package storetest

import (
	"errors"
	"testing"
	"time"

	"github.com/crierhq/crier/internal/model"
	"github.com/crierhq/crier/internal/store"
)

func testAddedSources(t *testing.T, open Opener) {
	clock := NewClock()
	s := open(t, clock)
	seed(t, s, "t1")
	added := model.Source{ID: "added", Name: "Added", URL: "https://added.example/feed", AddedBy: 42, AddedAt: clock.Now(),
		Category: "Новости/Tech & Co", SiteURL: "https://added.example/"}
	if err := s.AddSource(ctx, added); err != nil {
		t.Fatal(err)
	}
	if err := s.AddSource(ctx, added); !errors.Is(err, store.ErrExists) {
		t.Errorf("adding the same id again: %v, want ErrExists", err)
	}
	if err := s.AddSource(ctx, model.Source{ID: "src", Name: "X", URL: "https://x.example/", AddedBy: 42}); !errors.Is(err, store.ErrExists) {
		t.Errorf("adding over a configured id: %v, want ErrExists", err)
	}
	if err := s.AddSource(ctx, model.Source{ID: "anon", URL: "https://x.example/"}); err == nil {
		t.Error("a source added by nobody was stored")
	}
	got, err := s.AddedSources(ctx)
	if err != nil || len(got) != 1 || got[0].ID != "added" || got[0].AddedBy != 42 || got[0].URL != added.URL ||
		!got[0].AddedAt.Equal(added.AddedAt) || got[0].Category != added.Category || got[0].SiteURL != added.SiteURL {
		t.Fatalf("added sources = %+v, %v", got, err)
	}
	// An added source is polled and followed like any other.
	if _, err := s.FetchState(ctx, "added"); err != nil {
		t.Fatal(err)
	}
	saved, err := s.SaveItems(ctx, "added", model.FetchState{}, items(model.ItemNew, "a", "b"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.EnqueueDeliveries(ctx, store.Enqueue{ItemID: saved[0].ID, Summary: []string{"S."}, Targets: []string{"t1"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Subscribe(ctx, 7, "added"); err != nil {
		t.Fatal(err)
	}
	enqueue(t, s, []string{"t1"}, "kept")

	if err := s.RemoveSource(ctx, "src"); !errors.Is(err, store.ErrConfigSource) {
		t.Errorf("removing a configured source: %v, want ErrConfigSource", err)
	}
	if err := s.RemoveSource(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("removing an unknown source: %v, want ErrNotFound", err)
	}
	if err := s.RemoveSource(ctx, "added"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.FetchState(ctx, "added"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("removed source still there: %v", err)
	}
	if subs, _ := s.Subscriptions(ctx, 7); len(subs) != 0 {
		t.Errorf("subscriptions to a removed source remain: %v", subs)
	}
	// Its deliveries went with it; the configured source's stayed.
	counts, _ := s.DeliveryCounts(ctx)
	if n := counts["t1"][model.DeliveryPending]; n != 1 {
		t.Errorf("t1 has %d pending deliveries after the removal, want 1 (the configured source's)", n)
	}
	if got, _ := s.AddedSources(ctx); len(got) != 0 {
		t.Errorf("added sources after removal: %+v", got)
	}

	// The config file wins an id: a configured source with an added one's
	// id makes it a configured source.
	s.AddSource(ctx, model.Source{ID: "both", Name: "B", URL: "https://b.example/", AddedBy: 42, AddedAt: clock.Now().Add(time.Second)})
	if err := s.SyncSources(ctx, []model.Source{{ID: "both", Name: "B", URL: "https://b.example/"}}); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.AddedSources(ctx); len(got) != 0 {
		t.Errorf("a source the config took over is still listed as added: %+v", got)
	}
	if err := s.RemoveSource(ctx, "both"); !errors.Is(err, store.ErrConfigSource) {
		t.Errorf("removing a source the config took over: %v", err)
	}
}

// A poll that began before its source was removed and added again must not
// save the feed's items as new into the fresh source.
func testStalePollRefused(t *testing.T, open Opener) {
	clock := NewClock()
	s := open(t, clock)
	seed(t, s, "t1")
	added := model.Source{ID: "wire", Name: "Wire", URL: "https://wire.example/feed", AddedBy: 42, AddedAt: clock.Now()}
	if err := s.AddSource(ctx, added); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveItems(ctx, "wire", model.FetchState{}, items(model.ItemSeen, "a")); err != nil {
		t.Fatal(err)
	}
	st, _ := s.FetchState(ctx, "wire") // a poll starts: the source is initialised
	if err := s.RemoveSource(ctx, "wire"); err != nil {
		t.Fatal(err)
	}
	if err := s.AddSource(ctx, added); err != nil {
		t.Fatal(err)
	}
	_, err := s.SaveItems(ctx, "wire", model.FetchState{Initialized: st.Initialized}, items(model.ItemNew, "a", "b", "c"))
	if !errors.Is(err, store.ErrSourceReset) {
		t.Fatalf("stale poll saved: %v", err)
	}
	if pending, _ := s.PendingItems(ctx, "wire", 10); len(pending) != 0 {
		t.Errorf("stale poll left %d items to post", len(pending))
	}
	// The next poll sees a fresh source and records the feed as seen.
	if _, err := s.SaveItems(ctx, "wire", model.FetchState{}, items(model.ItemSeen, "a", "b", "c")); err != nil {
		t.Fatal(err)
	}
}
