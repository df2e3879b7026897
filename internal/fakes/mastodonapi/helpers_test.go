package mastodonapi_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mattn/go-mastodon"

	"github.com/crierhq/crier/internal/fakes/mastodonapi"
)

const token = "s3cret"

// clock is a settable clock for Options.Now.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// start runs a server whose clock starts 3.5 s into a 5-minute window.
func start(t *testing.T, opts mastodonapi.Options) (*mastodonapi.Server, *clock) {
	t.Helper()
	c := &clock{t: time.Date(2025, time.March, 1, 12, 0, 3, 500_000_000, time.UTC)}
	if opts.Token == "" {
		opts.Token = token
	}
	opts.Now = c.Now
	srv := mastodonapi.New(opts)
	t.Cleanup(srv.Close)
	return srv, c
}

type keyCtx struct{}

// withKey makes the client send an Idempotency-Key, as crier's publisher
// does for each delivery.
func withKey(ctx context.Context, key string) context.Context {
	return context.WithValue(ctx, keyCtx{}, key)
}

// keyTransport copies the context's Idempotency-Key into the request;
// go-mastodon has no option for extra headers.
type keyTransport struct{ base http.RoundTripper }

func (t keyTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if key, ok := r.Context().Value(keyCtx{}).(string); ok {
		r = r.Clone(r.Context())
		r.Header.Set("Idempotency-Key", key)
	}
	return t.base.RoundTrip(r)
}

// newClient returns a go-mastodon client with its own connection pool, so
// that a test's first request opens a fresh connection.
func newClient(t *testing.T, srv *mastodonapi.Server, tok string) *mastodon.Client {
	t.Helper()
	transport := http.DefaultTransport.(*http.Transport).Clone()
	t.Cleanup(transport.CloseIdleConnections)
	c := mastodon.NewClient(&mastodon.Config{Server: srv.URL(), AccessToken: tok})
	c.Client = http.Client{Transport: keyTransport{base: transport}, Timeout: 10 * time.Second}
	return c
}

// apiError unwraps the error go-mastodon returns for a non-2xx answer.
func apiError(t *testing.T, err error) *mastodon.APIError {
	t.Helper()
	var apiErr *mastodon.APIError
	if !errors.As(err, &apiErr) {
		t.Fatalf("error = %v, want a *mastodon.APIError", err)
	}
	return apiErr
}

// do sends a raw request, for what go-mastodon hides: headers, 429s (which
// it retries with long sleeps) and JSON bodies.
func do(t *testing.T, client *http.Client, method, url, tok, contentType, body string, header http.Header) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header[k] = v
	}
	if tok != "" {
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if client == nil {
		client = &http.Client{Timeout: 10 * time.Second}
	}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(b)
}

// waitFor polls cond until it holds or the deadline passes.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	tick := time.NewTicker(time.Millisecond)
	defer tick.Stop()
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		<-tick.C
	}
}
