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
	for _, step := range []struct {
		off   int64
		moved bool
	}{{100000002, true}, {100000005, true}, {100000003, false}, {100000005, false}, {3000000000, true}} {
		moved, err := s.SetBotOffset(ctx, step.off)
		if err != nil || moved != step.moved {
			t.Fatalf("set offset %d: moved %v, %v; want moved %v", step.off, moved, err, step.moved)
		}
	}
	if off, _ := s.BotOffset(ctx); off != 3000000000 {
		t.Errorf("offset %d, want 3000000000: it must never go back (nor overflow 32 bits)", off)
	}
	// After a week without updates Telegram numbers them from a random
	// id: one far below the stored offset is a new sequence, not a
	// redelivery.
	if moved, _ := s.SetBotOffset(ctx, 2999995000); moved {
		t.Error("a recent id taken for a restarted sequence")
	}
	if moved, _ := s.SetBotOffset(ctx, 123457); !moved {
		t.Error("a restarted sequence refused: the bot would be deaf")
	}
	if off, _ := s.BotOffset(ctx); off != 123457 {
		t.Errorf("offset after the restart %d", off)
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

func testLeases(t *testing.T, open Opener) {
	clock := NewClock()
	s := open(t, clock)
	take := func(holder string, want bool) {
		t.Helper()
		got, err := s.AcquireLease(ctx, "bot", holder, 10*time.Second)
		if err != nil || got != want {
			t.Fatalf("%s acquires: %v, %v; want %v", holder, got, err, want)
		}
	}
	take("a", true)
	take("b", false) // a holds it
	clock.Advance(8 * time.Second)
	take("a", true) // renewed until 18 s
	clock.Advance(8 * time.Second)
	take("b", false) // still a's
	clock.Advance(3 * time.Second)
	take("b", true) // a let it expire
	take("a", false)
	if err := s.ReleaseLease(ctx, "bot", "a"); err != nil { // not a's: nothing happens
		t.Fatal(err)
	}
	take("a", false)
	if err := s.ReleaseLease(ctx, "bot", "b"); err != nil {
		t.Fatal(err)
	}
	take("a", true) // released: taken at once
	if got, _ := s.AcquireLease(ctx, "other", "b", time.Second); !got {
		t.Error("leases are not independent")
	}
}

func testPollSlots(t *testing.T, open Opener) {
	clock := NewClock()
	s := open(t, clock)
	seed(t, s)
	slot := clock.Now().Truncate(time.Minute)
	if ok, err := s.ClaimPoll(ctx, "src", slot); !ok || err != nil {
		t.Fatalf("first claim: %v, %v", ok, err)
	}
	if ok, _ := s.ClaimPoll(ctx, "src", slot); ok {
		t.Error("the same due time claimed twice")
	}
	if ok, _ := s.ClaimPoll(ctx, "src", slot.Add(-time.Minute)); ok {
		t.Error("an earlier due time claimed after a later one")
	}
	if ok, _ := s.ClaimPoll(ctx, "src", slot.Add(time.Minute)); !ok {
		t.Error("the next due time refused")
	}
	if ok, _ := s.ClaimPoll(ctx, "nope", slot); ok {
		t.Error("an unknown source claimed")
	}
}

func testSharedRates(t *testing.T, open Opener) {
	clock := NewClock()
	s := open(t, clock)
	reserve := func(key string, want time.Duration) {
		t.Helper()
		got, err := s.ReserveRate(ctx, key, time.Second, 2, time.Hour)
		if err != nil || got != want {
			t.Fatalf("reserve %s: %v, %v; want %v", key, got, err, want)
		}
	}
	// A burst of two, then one a second, in the order asked.
	reserve("chat", 0)
	reserve("chat", 0)
	reserve("chat", time.Second)
	reserve("chat", 2*time.Second)
	reserve("other", 0) // rates are independent
	clock.Advance(10 * time.Second)
	reserve("chat", 0) // idle: the burst is back
	reserve("chat", 0)
	reserve("chat", time.Second)
	// Telegram asked to wait 30 s: the next place is then.
	if err := s.HoldRate(ctx, "chat", clock.Now().Add(30*time.Second), time.Second, 2); err != nil {
		t.Fatal(err)
	}
	reserve("chat", 30*time.Second)
	if err := s.HoldRate(ctx, "chat", clock.Now().Add(time.Second), time.Second, 2); err != nil {
		t.Fatal(err)
	}
	reserve("chat", 31*time.Second) // a shorter hold does not shorten a longer one

	// A place further ahead than the caller will wait is not taken: asking
	// again finds the same place.
	for _, maxWait := range []time.Duration{0, 999 * time.Millisecond} {
		if got, err := s.ReserveRate(ctx, "short", time.Second, 1, maxWait); err != nil || got != 0 {
			t.Fatalf("first place: %v, %v", got, err)
		}
		if got, err := s.ReserveRate(ctx, "short", time.Second, 1, maxWait); err != nil || got != time.Second {
			t.Fatalf("refused place: %v, %v; want the 1s it would need", got, err)
		}
		if got, err := s.ReserveRate(ctx, "short", time.Second, 1, time.Second); err != nil || got != time.Second {
			t.Fatalf("after a refusal: %v, %v; want the same place, 1s ahead", got, err)
		}
		clock.Advance(5 * time.Second)
	}
}
