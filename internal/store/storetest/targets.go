package storetest

import (
	"errors"
	"testing"
	"time"

	"github.com/crierhq/crier/internal/store"
)

func testPausedTargetsAreNotClaimed(t *testing.T, open Opener) {
	s := open(t, NewClock())
	seed(t, s, "t1", "t2")
	enqueue(t, s, allTargets, "a", "b")
	if err := s.PauseTarget(ctx, "t1", "telegram 403: Forbidden: bot was blocked by the user"); err != nil {
		t.Fatal(err)
	}
	ds, err := s.ClaimDeliveries(ctx, allTargets, 10, 10, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if got := keysOf(ds); !equal(got, []string{"t2:a", "t2:b"}) {
		t.Fatalf("claimed %v with t1 paused", got)
	}
	states, err := s.TargetStates(ctx)
	if err != nil || states["t1"].PausedReason == "" || states["t1"].PausedAt.IsZero() || states["t2"].PausedReason != "" {
		t.Fatalf("states %+v, %v", states, err)
	}
	// Resuming lets its posts go, all of them still pending.
	if ok, err := s.ResumeTarget(ctx, "t1"); !ok || err != nil {
		t.Fatalf("resume = %v, %v", ok, err)
	}
	if ok, _ := s.ResumeTarget(ctx, "t1"); ok {
		t.Error("resumed a target that was not paused")
	}
	ds, _ = s.ClaimDeliveries(ctx, allTargets, 10, 10, time.Minute)
	if got := keysOf(ds); !equal(got, []string{"t1:a", "t1:b"}) {
		t.Fatalf("claimed %v after resume", got)
	}
	if err := s.PauseTarget(ctx, "nope", "x"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("pause unknown target: %v", err)
	}
}

func testMovedTarget(t *testing.T, open Opener) {
	s := open(t, NewClock())
	seed(t, s, "t1")
	if err := s.MoveTarget(ctx, "t1", "-4001", "-1004001"); err != nil {
		t.Fatal(err)
	}
	states, _ := s.TargetStates(ctx)
	if st := states["t1"]; st.MovedFrom != "-4001" || st.MovedTo != "-1004001" {
		t.Fatalf("state %+v", st)
	}
}
