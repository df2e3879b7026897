package mastodonapi_test

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/mattn/go-mastodon"

	"github.com/crierhq/crier/internal/fakes/mastodonapi"
)

// rateHeaders are the X-RateLimit-* values of a response.
type rateHeaders struct{ limit, remaining, reset string }

func rateOf(resp *http.Response) rateHeaders {
	return rateHeaders{
		resp.Header.Get("X-RateLimit-Limit"),
		resp.Header.Get("X-RateLimit-Remaining"),
		resp.Header.Get("X-RateLimit-Reset"),
	}
}

func TestRateLimitHeadersDefault(t *testing.T) {
	srv, _ := start(t, mastodonapi.Options{})
	resp, _ := do(t, nil, http.MethodGet, srv.URL()+"/api/v1/accounts/verify_credentials", token, "", "", nil)
	// The clock is at 12:00:03.5; the 5-minute window ends at 12:05, and
	// Mastodon keeps the request's fraction of a second.
	want := rateHeaders{"300", "299", "2025-03-01T12:05:00.500000Z"}
	if got := rateOf(resp); got != want {
		t.Errorf("headers %+v, want %+v", got, want)
	}
}

// The API limit counts every request, refused or not, and a refusal is
// rack-attack's 429 with the window's headers.
func TestAPIRateLimit(t *testing.T) {
	srv, clk := start(t, mastodonapi.Options{APIRateLimit: mastodonapi.RateLimit{Limit: 2, Period: time.Minute}})
	url := srv.URL() + "/api/v1/instance"
	steps := []struct {
		name    string
		advance time.Duration
		tok     string
		status  int
		body    string
		rate    rateHeaders
	}{
		{"first", 0, token, 200, "", rateHeaders{"2", "1", "2025-03-01T12:01:00.500000Z"}},
		{"second", 0, token, 200, "", rateHeaders{"2", "0", "2025-03-01T12:01:00.500000Z"}},
		{"third is refused", 0, token, 429, `{"error":"Too many requests"}` + "\n", rateHeaders{"2", "0", "2025-03-01T12:01:00.500000Z"}},
		{"anonymous requests count per IP", 0, "", 200, "", rateHeaders{"2", "1", "2025-03-01T12:01:00.500000Z"}},
		{"next window", 57 * time.Second, token, 200, "", rateHeaders{"2", "1", "2025-03-01T12:02:00.500000Z"}},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			clk.Advance(s.advance)
			resp, body := do(t, nil, http.MethodGet, url, s.tok, "", "", nil)
			if resp.StatusCode != s.status || (s.body != "" && body != s.body) {
				t.Errorf("got %d %q, want %d %q", resp.StatusCode, body, s.status, s.body)
			}
			if got := rateOf(resp); got != s.rate {
				t.Errorf("headers %+v, want %+v", got, s.rate)
			}
		})
	}
}

// Creating statuses has its own limit; its headers replace the API ones
// when they are tighter, and only created statuses count.
func TestStatusRateLimit(t *testing.T) {
	srv, _ := start(t, mastodonapi.Options{StatusRateLimit: mastodonapi.RateLimit{Limit: 2, Period: 3 * time.Hour}})
	url := srv.URL() + "/api/v1/statuses"
	form := "application/x-www-form-urlencoded"
	key := func(k string) http.Header { return http.Header{"Idempotency-Key": {k}} }
	steps := []struct {
		name   string
		body   string
		header http.Header
		status int
		rate   rateHeaders
	}{
		{"refused status does not count", "status=", nil, 422, rateHeaders{"2", "2", "2025-03-01T15:00:00.500000Z"}},
		{"first", "status=one", key("a"), 200, rateHeaders{"2", "1", "2025-03-01T15:00:00.500000Z"}},
		{"replay does not count", "status=one", key("a"), 200, rateHeaders{"2", "1", "2025-03-01T15:00:00.500000Z"}},
		{"second", "status=two", nil, 200, rateHeaders{"2", "0", "2025-03-01T15:00:00.500000Z"}},
		{"third is refused", "status=three", nil, 429, rateHeaders{"2", "0", "2025-03-01T15:00:00.500000Z"}},
		{"replay still works", "status=one", key("a"), 200, rateHeaders{"2", "0", "2025-03-01T15:00:00.500000Z"}},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			resp, body := do(t, nil, http.MethodPost, url, token, form, s.body, s.header)
			if resp.StatusCode != s.status {
				t.Errorf("status %d (%s), want %d", resp.StatusCode, body, s.status)
			}
			if got := rateOf(resp); got != s.rate {
				t.Errorf("headers %+v, want %+v", got, s.rate)
			}
		})
	}
	if n := len(srv.Statuses()); n != 2 {
		t.Errorf("%d statuses stored, want 2", n)
	}
}

// go-mastodon retries a 429 by itself, sleeping 1 s, 1.5 s, 2.25 s... for
// up to an hour: the caller only sees the refusal as its own deadline.
func TestGoMastodonWaitsOut429(t *testing.T) {
	srv, _ := start(t, mastodonapi.Options{StatusRateLimit: mastodonapi.RateLimit{Limit: 1, Period: time.Hour}})
	client := newClient(t, srv, token)
	if _, err := client.PostStatus(context.Background(), &mastodon.Toot{Status: "one"}); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	_, err := client.PostStatus(ctx, &mastodon.Toot{Status: "two"})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v, want the context's deadline", err)
	}
	if last := srv.Requests()[len(srv.Requests())-1]; last.Status != http.StatusTooManyRequests {
		t.Errorf("last request answered %d, want 429", last.Status)
	}
}
