package mastodon

import (
	"context"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/crierhq/crier/internal/model"
)

// budget is what the instance says is left of the account's rate limit, in
// the X-RateLimit-Limit, -Remaining and -Reset (ISO 8601) headers of every
// answer. Posting slows down as it runs low, so the limit is never hit.
// Specs: https://docs.joinmastodon.org/api/rate-limits/
type budget struct {
	mu        sync.Mutex
	limit     int
	remaining int
	reset     time.Time
	last      time.Time // when the last request went out
}

// lowShare of the limit is where pacing starts: above it requests go at
// once, below it they are spread evenly until the reset.
const (
	lowShare = 10 // percent
	lowFloor = 5  // requests
)

func (b *budget) observe(h http.Header) {
	remaining, err := strconv.Atoi(h.Get("X-RateLimit-Remaining"))
	if err != nil {
		return
	}
	reset, err := time.Parse(time.RFC3339, h.Get("X-RateLimit-Reset"))
	if err != nil {
		return
	}
	limit, _ := strconv.Atoi(h.Get("X-RateLimit-Limit"))
	b.mu.Lock()
	b.limit, b.remaining, b.reset = limit, remaining, reset
	b.mu.Unlock()
}

func (b *budget) sent(now time.Time) {
	b.mu.Lock()
	b.last = now
	b.mu.Unlock()
}

// delay is how long to wait before the next request.
func (b *budget) delay(now time.Time) time.Duration {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.reset.IsZero() || !now.Before(b.reset) {
		return 0 // nothing known, or a new window has begun
	}
	if b.remaining <= 0 {
		return b.reset.Sub(now)
	}
	if b.remaining > max(b.limit*lowShare/100, lowFloor) {
		return 0
	}
	spacing := b.reset.Sub(now) / time.Duration(b.remaining+1)
	return max(0, spacing-now.Sub(b.last))
}

// Wait blocks until the account's rate limit lets one more request go. A
// wait that would pass ctx's deadline is not begun: a *model.PaceError says
// when the request could go.
func (p *Publisher) Wait(ctx context.Context) error {
	for {
		d := p.budget.delay(time.Now())
		if d <= 0 {
			return nil
		}
		if d > model.PaceDeadline(ctx) {
			return &model.PaceError{Wait: d}
		}
		t := time.NewTimer(d)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
	}
}
