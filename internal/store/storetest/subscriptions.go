package storetest

import (
	"testing"
)

func testSubscriptions(t *testing.T, open Opener) {
	s := open(t, NewClock())
	seed(t, s, "t1")
	if created, err := s.Subscribe(ctx, 7, "src"); !created || err != nil {
		t.Fatalf("subscribe = %v, %v", created, err)
	}
	if created, _ := s.Subscribe(ctx, 7, "src"); created {
		t.Error("a second subscribe created another")
	}
	s.Subscribe(ctx, 9, "src")
	if subs, _ := s.Subscriptions(ctx, 7); !equal(subs, []string{"src"}) {
		t.Errorf("subscriptions %v", subs)
	}
	if ts, _ := s.SubscriberTargets(ctx, "src"); !equal(ts, []string{"chat:7", "chat:9"}) {
		t.Errorf("subscriber targets %v", ts)
	}
	if ts, _ := s.ChatTargets(ctx); !equal(ts, []string{"chat:7", "chat:9"}) {
		t.Errorf("chat targets %v", ts)
	}
	// A subscriber chat is a target like any other: deliveries fan out to it.
	enqueue(t, s, []string{"t1", "chat:7"}, "a")
	if ok, _ := s.Unsubscribe(ctx, 7, "src"); !ok {
		t.Error("unsubscribe found nothing")
	}
	if ok, _ := s.Unsubscribe(ctx, 7, "src"); ok {
		t.Error("second unsubscribe found one")
	}
	if ts, _ := s.SubscriberTargets(ctx, "src"); !equal(ts, []string{"chat:9"}) {
		t.Errorf("after unsubscribe %v", ts)
	}
	if _, err := s.Subscribe(ctx, 7, "no-such-source"); err == nil {
		t.Error("subscribed to a source that does not exist")
	}
}
