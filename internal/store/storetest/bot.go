package storetest

import (
	"testing"
	"time"

	"github.com/crierhq/crier/internal/model"
)

func testBotState(t *testing.T, open Opener) {
	s := open(t, NewClock())
	if off, err := s.BotOffset(ctx); off != 0 || err != nil {
		t.Fatalf("initial offset %d, %v", off, err)
	}
	for _, off := range []int64{100000002, 100000005, 100000003} {
		if err := s.SetBotOffset(ctx, off); err != nil {
			t.Fatal(err)
		}
	}
	if off, _ := s.BotOffset(ctx); off != 100000005 {
		t.Errorf("offset %d, want 100000005: it must never go back", off)
	}
	if lang, err := s.ChatLanguage(ctx, 42); lang != "" || err != nil {
		t.Fatalf("language of a new chat %q, %v", lang, err)
	}
	s.SetChatLanguage(ctx, 42, "tr")
	s.SetChatLanguage(ctx, 42, "hy")
	if lang, _ := s.ChatLanguage(ctx, 42); lang != "hy" {
		t.Errorf("language %q", lang)
	}
}

func testRetryFailed(t *testing.T, open Opener) {
	s := open(t, NewClock())
	seed(t, s, "t1", "t2")
	enqueue(t, s, allTargets, "a")
	ds, _ := s.ClaimDeliveries(ctx, allTargets, 10, 10, time.Minute)
	for _, d := range ds {
		if err := s.MarkFailed(ctx, d, "telegram 400: Bad Request: something"); err != nil {
			t.Fatal(err)
		}
	}
	if n, err := s.RetryFailed(ctx, "t1"); n != 1 || err != nil {
		t.Fatalf("retry t1 = %d, %v", n, err)
	}
	c, _ := s.DeliveryCounts(ctx)
	if c["t1"][model.DeliveryPending] != 1 || c["t2"][model.DeliveryFailed] != 1 {
		t.Errorf("counts %v", c)
	}
	if n, _ := s.RetryFailed(ctx, ""); n != 1 {
		t.Errorf("retry all = %d, want the 1 left", n)
	}
	ds, _ = s.ClaimDeliveries(ctx, []string{"t1"}, 10, 10, time.Minute)
	if err := s.MarkSent(ctx, ds[0], "m1"); err != nil {
		t.Fatal(err)
	}
	last, err := s.LastSent(ctx)
	if err != nil || last["t1"].IsZero() || !last["t2"].IsZero() {
		t.Errorf("last sent %v, %v", last, err)
	}
}
