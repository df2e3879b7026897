package main

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// stallable is a lease store whose connection can stall: a request then
// hangs until its context ends.
type stallable struct {
	mu      sync.Mutex
	stalled bool
	holder  string
	until   time.Time
}

func (s *stallable) AcquireLease(ctx context.Context, name, holder string, ttl time.Duration) (bool, error) {
	// The stall check and the renewal are one step: a renewal is either
	// done before the stall (and the test sees its end) or never.
	s.mu.Lock()
	if s.stalled {
		s.mu.Unlock()
		<-ctx.Done()
		return false, ctx.Err()
	}
	defer s.mu.Unlock()
	if s.holder != holder && time.Now().Before(s.until) {
		return false, nil
	}
	s.holder, s.until = holder, time.Now().Add(ttl)
	return true, nil
}

func (s *stallable) ReleaseLease(ctx context.Context, name, holder string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stalled {
		return errors.New("stalled")
	}
	if s.holder == holder {
		s.until = time.Time{}
	}
	return nil
}

// A leader whose store stops answering stops leading before its lease can
// have passed to another process, however long the store hangs.
func TestLeaderStopsBeforeItsLeaseEnds(t *testing.T) {
	st := &stallable{}
	ttl := 1500 * time.Millisecond // margins of half a second: a loaded machine's timers run late
	var running atomic.Bool
	stoppedAt := make(chan time.Time, 1)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan struct{})
	go func() {
		defer close(done)
		runAsLeader(ctx, st, slog.New(slog.NewTextHandler(io.Discard, nil)), "bot", "a", ttl, func(ctx context.Context) {
			running.Store(true)
			<-ctx.Done()
			running.Store(false)
			stoppedAt <- time.Now()
		})
	}()
	waitFor(t, "leading", running.Load)
	time.Sleep(ttl) // a few renewals go through
	st.mu.Lock()
	st.stalled = true
	leaseEnd := st.until // the last renewal's end, as another process sees it
	st.mu.Unlock()
	select {
	case at := <-stoppedAt:
		if !at.Before(leaseEnd) {
			t.Errorf("stopped %v after the lease ended: two leaders", at.Sub(leaseEnd))
		}
	case <-time.After(3 * ttl):
		t.Fatal("still leading with a stalled store")
	}
	// Once the store answers again and the lease is free, it leads again.
	st.mu.Lock()
	st.stalled = false
	st.mu.Unlock()
	waitFor(t, "leading again", running.Load)
	cancel()
	<-done
	if st.until.After(time.Now()) {
		t.Error("the lease was not released on stop")
	}
}
