package mastodonapi_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mattn/go-mastodon"

	"github.com/crierhq/crier/internal/fakes/mastodonapi"
)

func TestIdempotencyKey(t *testing.T) {
	srv, clk := start(t, mastodonapi.Options{})
	client := newClient(t, srv, token)
	post := func(key, text string) mastodon.ID {
		t.Helper()
		st, err := client.PostStatus(withKey(context.Background(), key), &mastodon.Toot{Status: text})
		if err != nil {
			t.Fatalf("PostStatus(%q): %v", key, err)
		}
		return st.ID
	}

	first := post("delivery-1", "hello")
	// Mastodon replays before it validates, so even a different body
	// returns the first status.
	if again := post("delivery-1", "something else"); again != first {
		t.Errorf("replay returned %s, want %s", again, first)
	}
	if other := post("delivery-2", "hello"); other == first {
		t.Error("a new key returned the old status")
	}
	clk.Advance(time.Hour)
	if late := post("delivery-1", "hello"); late == first {
		t.Error("a key older than an hour still replayed")
	}
	if n := len(srv.Statuses()); n != 3 {
		t.Errorf("%d statuses stored, want 3", n)
	}
}

// A status created before the answer was lost must not be posted twice by
// a retry carrying the same Idempotency-Key.
func TestRetryAfterCommittedFailure(t *testing.T) {
	cases := []struct {
		name   string
		fault  mastodonapi.Fault
		ctx    func() (context.Context, context.CancelFunc)
		status int // APIError status of the first attempt; 0 for a transport error
	}{
		{"connection dropped", mastodonapi.Fault{Drop: true, AfterCommit: true}, nil, 0},
		{"proxy error page", mastodonapi.Fault{Status: http.StatusBadGateway, Body: "<html>502 Bad Gateway</html>", AfterCommit: true},
			nil, http.StatusBadGateway},
		{"no answer until the client gives up", mastodonapi.Fault{Hang: true, AfterCommit: true},
			func() (context.Context, context.CancelFunc) {
				return context.WithTimeout(context.Background(), 100*time.Millisecond)
			}, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv, _ := start(t, mastodonapi.Options{})
			srv.FailNext("/api/v1/statuses", c.fault)
			client := newClient(t, srv, token)
			toot := &mastodon.Toot{Status: "breaking news"}

			ctx, cancel := context.Background(), context.CancelFunc(func() {})
			if c.ctx != nil {
				ctx, cancel = c.ctx()
			}
			_, err := client.PostStatus(withKey(ctx, "item-7"), toot)
			cancel()
			if err == nil {
				t.Fatal("first attempt succeeded, want a failure")
			}
			if c.status != 0 && apiError(t, err).StatusCode != c.status {
				t.Errorf("first attempt: %v, want status %d", err, c.status)
			}
			stored := srv.Statuses()
			if len(stored) != 1 {
				t.Fatalf("after the failed attempt %d statuses exist, want 1", len(stored))
			}

			retried, err := client.PostStatus(withKey(context.Background(), "item-7"), toot)
			if err != nil {
				t.Fatalf("retry: %v", err)
			}
			if string(retried.ID) != stored[0].ID || len(srv.Statuses()) != 1 {
				t.Errorf("retry returned %s and %d statuses exist, want %s and 1", retried.ID, len(srv.Statuses()), stored[0].ID)
			}
		})
	}
}

// Go's http.Transport resends a request whose reused connection dropped
// before any answer when the request is replayable, and a POST with an
// Idempotency-Key header counts as replayable. With the key the client
// never sees the failure; without it the error surfaces although the
// status exists, and a naive retry would post it twice.
func TestTransportRetryOnReusedConnection(t *testing.T) {
	cases := []struct {
		name       string
		key        string
		wantErr    bool
		wantPosts  int
		wantStored int
	}{
		{"with Idempotency-Key", "item-9", false, 2, 1},
		{"without Idempotency-Key", "", true, 1, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv, _ := start(t, mastodonapi.Options{})
			transport := http.DefaultTransport.(*http.Transport).Clone()
			defer transport.CloseIdleConnections()
			client := &http.Client{Transport: transport, Timeout: 10 * time.Second}
			// Open a keep-alive connection for the POST to reuse.
			do(t, client, http.MethodGet, srv.URL()+"/api/v1/instance", "", "", "", nil)
			srv.FailNext("/api/v1/statuses", mastodonapi.Fault{Drop: true, AfterCommit: true})

			req, err := http.NewRequest(http.MethodPost, srv.URL()+"/api/v1/statuses", strings.NewReader("status=hi"))
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Authorization", "Bearer "+token)
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			if c.key != "" {
				req.Header.Set("Idempotency-Key", c.key)
			}
			resp, err := client.Do(req)
			if err == nil {
				resp.Body.Close()
			}
			if gotErr := err != nil; gotErr != c.wantErr {
				t.Errorf("error = %v, want error: %v", err, c.wantErr)
			}
			posts := 0
			for _, r := range srv.Requests() {
				if r.Method == http.MethodPost {
					posts++
				}
			}
			if posts != c.wantPosts || len(srv.Statuses()) != c.wantStored {
				t.Errorf("%d POSTs reached the server and %d statuses exist, want %d and %d",
					posts, len(srv.Statuses()), c.wantPosts, c.wantStored)
			}
		})
	}
}

func TestFaultBeforeCommit(t *testing.T) {
	srv, _ := start(t, mastodonapi.Options{})
	srv.FailNext("/api/v1/statuses", mastodonapi.Fault{Status: http.StatusServiceUnavailable, Times: 2})
	client := newClient(t, srv, token)
	for i := 0; i < 2; i++ {
		_, err := client.PostStatus(context.Background(), &mastodon.Toot{Status: "hi"})
		if apiErr := apiError(t, err); apiErr.StatusCode != http.StatusServiceUnavailable || apiErr.Message != "Service Unavailable" {
			t.Errorf("attempt %d: %v", i+1, err)
		}
	}
	if n := len(srv.Statuses()); n != 0 {
		t.Fatalf("%d statuses created by failed requests", n)
	}
	if _, err := client.PostStatus(context.Background(), &mastodon.Toot{Status: "hi"}); err != nil {
		t.Fatalf("third attempt: %v", err)
	}
	reqs := srv.Requests()
	if len(reqs) != 3 || reqs[0].Status != http.StatusServiceUnavailable || reqs[2].Status != http.StatusOK {
		t.Errorf("recorded %+v", reqs)
	}
}

func TestCloseReleasesHangingRequest(t *testing.T) {
	srv := mastodonapi.New(mastodonapi.Options{Token: token})
	defer srv.Close() // in case the test fails before closing on purpose
	srv.FailNext("", mastodonapi.Fault{Hang: true})
	done := make(chan error, 1)
	go func() {
		_, err := http.Get(srv.URL() + "/api/v1/instance")
		done <- err
	}()
	waitFor(t, "the request to arrive", func() bool { return len(srv.Requests()) == 1 })
	srv.Close()
	if err := <-done; err == nil {
		t.Error("hanging request succeeded after Close")
	}
}
