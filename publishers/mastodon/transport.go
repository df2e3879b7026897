package mastodon

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"time"
)

type idempotencyKey struct{}

func withIdempotencyKey(ctx context.Context, key string) context.Context {
	if key == "" {
		return ctx
	}
	return context.WithValue(ctx, idempotencyKey{}, key)
}

// RateLimitError is a 429 from the instance. go-mastodon would retry a 429
// by itself for up to an hour, blocking the caller and ignoring the reset
// time; the transport turns it into this error so crier's scheduler decides.
type RateLimitError struct {
	Reset time.Time // from X-RateLimit-Reset; zero if absent
	now   time.Time
}

func (e *RateLimitError) Error() string {
	if e.Reset.IsZero() {
		return "mastodon 429: rate limited"
	}
	return fmt.Sprintf("mastodon 429: rate limited until %s", e.Reset.UTC().Format(time.RFC3339))
}

// Wait is how long to hold off (a minute when the server gave no reset).
func (e *RateLimitError) Wait() time.Duration {
	if e.Reset.IsZero() {
		return time.Minute
	}
	if d := e.Reset.Sub(e.now); d > 0 {
		return d
	}
	return time.Second
}

// mediaUpload is the path rack-attack's throttle_api_media limits.
var mediaUpload = regexp.MustCompile(`\A/api/v\d+/media\z`)

// transport adds the Idempotency-Key header (go-mastodon has no option for
// it), keeps the rate-limit budget up to date and turns 429 answers into
// RateLimitError.
type transport struct {
	base   http.RoundTripper
	budget *budget
}

func (t *transport) RoundTrip(req *http.Request) (*http.Response, error) {
	if key, ok := req.Context().Value(idempotencyKey{}).(string); ok && req.Method == http.MethodPost {
		req = req.Clone(req.Context())
		req.Header.Set("Idempotency-Key", key)
	}
	t.budget.sent(time.Now())
	resp, err := t.base.RoundTrip(req)
	if err != nil {
		return resp, err
	}
	// An upload's headers may describe the media limit (30 per 30
	// minutes, when it is the tightest), which must not hold statuses
	// back: only other answers pace them.
	if !mediaUpload.MatchString(req.URL.Path) {
		t.budget.observe(resp.Header)
	}
	if resp.StatusCode != http.StatusTooManyRequests {
		return resp, nil
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
	e := &RateLimitError{now: time.Now()}
	if reset, err := time.Parse(time.RFC3339, resp.Header.Get("X-RateLimit-Reset")); err == nil {
		e.Reset = reset
	}
	return nil, e
}
