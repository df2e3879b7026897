package storetest

import (
	"testing"
	"time"

	"github.com/crierhq/crier/internal/model"
	"github.com/crierhq/crier/internal/store"
)

// The feed's image is kept with a new item, replaced by the pipeline's pick
// when it is enqueued, and claimed with its deliveries; a seen item keeps
// none.
func testItemImages(t *testing.T, open Opener) {
	s := open(t, NewClock())
	seed(t, s, "t1")
	fresh := items(model.ItemNew, "a", "b")
	fresh[0].Image = model.Image{URL: "https://cdn.example.com/a.jpg", Alt: "Feed's alt"}
	seen := items(model.ItemSeen, "old")
	seen[0].Image = model.Image{URL: "https://cdn.example.com/old.jpg"}
	if _, err := s.SaveItems(ctx, "src", model.FetchState{}, append(fresh, seen...)); err != nil {
		t.Fatal(err)
	}
	pending, err := s.PendingItems(ctx, "src", 10)
	if err != nil || len(pending) != 2 {
		t.Fatalf("pending = %+v, %v", pending, err)
	}
	if pending[0].Image != fresh[0].Image || pending[1].Image != (model.Image{}) {
		t.Errorf("pending images %+v, %+v", pending[0].Image, pending[1].Image)
	}
	picked := model.Image{URL: "https://site.example/og.jpg", Alt: "Երևան, Հանրապետության հրապարակ"}
	for i, img := range []model.Image{pending[0].Image, picked} {
		if _, err := s.EnqueueDeliveries(ctx, store.Enqueue{ItemID: pending[i].ID, Summary: []string{"S."}, Image: img, Targets: []string{"t1"}}); err != nil {
			t.Fatal(err)
		}
	}
	ds, err := s.ClaimDeliveries(ctx, []string{"t1"}, 10, 10, time.Minute)
	if err != nil || len(ds) != 2 {
		t.Fatalf("claimed %d, %v", len(ds), err)
	}
	if ds[0].Item.Image != fresh[0].Image || ds[1].Item.Image != picked {
		t.Errorf("claimed images %+v, %+v", ds[0].Item.Image, ds[1].Item.Image)
	}
}
