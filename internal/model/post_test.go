package model_test

import (
	"testing"

	"github.com/crierhq/crier/internal/model"
)

func TestPostOfUntitledItem(t *testing.T) {
	p := model.PostOf(model.Item{Summary: []string{"First.", "Second."}, Link: "https://e.com/"}, "Src")
	if p.Title != "First." || len(p.Summary) != 1 || p.Summary[0] != "Second." || p.SourceName != "Src" {
		t.Errorf("untitled: %+v", p)
	}
	p = model.PostOf(model.Item{Title: "T", Summary: []string{"First."}}, "Src")
	if p.Title != "T" || len(p.Summary) != 1 {
		t.Errorf("titled: %+v", p)
	}
}

func TestIdempotencyKeyStable(t *testing.T) {
	d := model.Delivery{ID: 1, TargetID: "t", Item: model.Item{SourceID: "s", Key: "guid:1"}}
	e := d
	e.ID = 99 // another row (a rebuilt store) for the same item and target
	if d.IdempotencyKey() != e.IdempotencyKey() {
		t.Error("key depends on the row id")
	}
	e.TargetID = "u"
	if d.IdempotencyKey() == e.IdempotencyKey() {
		t.Error("key ignores the target")
	}
}
