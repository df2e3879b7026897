package pipeline_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/crierhq/crier/internal/fakes/feedserver"
	"github.com/crierhq/crier/internal/model"
)

// addSource stores a source served by h and returns it.
func (e *env) addSource(t *testing.T, id string, h http.Handler) model.Source {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	src := model.Source{ID: id, Name: id, URL: srv.URL + "/feed"}
	if err := e.store.SyncSources(ctx, []model.Source{e.src, src}); err != nil {
		t.Fatal(err)
	}
	return src
}

func TestFailingSourceBacksOffHonoursRetryAfterAndIsPaused(t *testing.T) {
	e := setup(t, 0)
	var hits atomic.Int32
	retryAfter := ""
	src := e.addSource(t, "flaky", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if retryAfter != "" {
			w.Header().Set("Retry-After", retryAfter)
		}
		http.Error(w, "busy", http.StatusServiceUnavailable)
	}))
	start := e.clock.Now()
	// Failures 1..3: waits of 1, 2 and 4 minutes.
	for i, wait := range []time.Duration{time.Minute, 2 * time.Minute, 4 * time.Minute} {
		if _, err := e.p.Poll(ctx, src); err == nil {
			t.Fatal("poll of a 503 succeeded")
		}
		st, _ := e.store.FetchState(ctx, "flaky")
		if got := st.RetryAt.Sub(e.clock.Now()); got != wait {
			t.Fatalf("failure %d: next try in %v, want %v", i+1, got, wait)
		}
		// Polls before then do not reach the server.
		if res, _ := e.p.Poll(ctx, src); !res.NotDue {
			t.Fatalf("polled during the backoff")
		}
		e.clock.Advance(wait)
	}
	if hits.Load() != 3 {
		t.Fatalf("%d requests, want 3", hits.Load())
	}
	// The server asks for an hour: it gets the hour, not the 8 minutes.
	retryAfter = "3600"
	e.p.Poll(ctx, src)
	if st, _ := e.store.FetchState(ctx, "flaky"); st.RetryAt.Sub(e.clock.Now()) != time.Hour {
		t.Fatalf("Retry-After ignored: next try at %v", st.RetryAt)
	}
	e.clock.Advance(time.Hour)
	// The fifth failure in a row pauses it (PauseAfter is 5 here).
	e.p.Poll(ctx, src)
	st, _ := e.store.FetchState(ctx, "flaky")
	if !strings.Contains(st.PausedReason, "5 failed polls in a row") || !strings.Contains(st.PausedReason, "503") {
		t.Fatalf("not paused after 5 failures: %+v", st)
	}
	if len(e.admin.sent) != 1 || !strings.Contains(e.admin.sent[0], "source flaky is paused") || !strings.Contains(e.admin.sent[0], "crier resume flaky") {
		t.Fatalf("admins told %q", e.admin.sent)
	}
	e.clock.Advance(24 * time.Hour)
	if res, _ := e.p.Poll(ctx, src); !res.NotDue || hits.Load() != 5 {
		t.Fatalf("a paused source was polled: %+v, %d requests", res, hits.Load())
	}
	if ok, err := e.store.ResumeSource(ctx, "flaky"); !ok || err != nil {
		t.Fatal(ok, err)
	}
	e.p.Poll(ctx, src)
	if hits.Load() != 6 {
		t.Errorf("resumed source not polled")
	}
	t.Logf("backoff from %v: %d requests in all", start, hits.Load())
}

func TestPermanentRedirectMovesTheSource(t *testing.T) {
	e := setup(t, 0)
	feed := feedserver.RSS("Moved", "https://example.com/", []feedserver.Item{item(1)})
	var oldHits, newHits atomic.Int32
	src := e.addSource(t, "moving", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/feed":
			oldHits.Add(1)
			http.Redirect(w, r, "/temporary", http.StatusMovedPermanently)
		case "/temporary":
			http.Redirect(w, r, "/rss", http.StatusPermanentRedirect)
		case "/rss":
			newHits.Add(1)
			w.Header().Set("Content-Type", "application/rss+xml")
			w.Write([]byte(feed))
		}
	}))
	if _, err := e.p.Poll(ctx, src); err != nil {
		t.Fatal(err)
	}
	st, _ := e.store.FetchState(ctx, "moving")
	if st.MovedFrom != src.URL || !strings.HasSuffix(st.MovedTo, "/rss") {
		t.Fatalf("not moved: %+v", st)
	}
	if _, err := e.p.Poll(ctx, src); err != nil {
		t.Fatal(err)
	}
	if oldHits.Load() != 1 || newHits.Load() != 2 {
		t.Errorf("old URL asked %d times, new %d: want the new one used after the first poll", oldHits.Load(), newHits.Load())
	}
}

func TestTemporaryRedirectKeepsTheURL(t *testing.T) {
	e := setup(t, 0)
	feed := feedserver.RSS("Temp", "https://example.com/", []feedserver.Item{item(1)})
	src := e.addSource(t, "temp", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/feed" {
			http.Redirect(w, r, "/today", http.StatusFound)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(feed))
	}))
	if _, err := e.p.Poll(ctx, src); err != nil {
		t.Fatal(err)
	}
	if st, _ := e.store.FetchState(ctx, "temp"); st.MovedTo != "" {
		t.Errorf("a 302 moved the source: %+v", st)
	}
}

func TestRedirectToAPageThatIsNoFeedDoesNotMoveTheSource(t *testing.T) {
	e := setup(t, 0)
	src := e.addSource(t, "redesigned", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/feed" {
			http.Redirect(w, r, "/", http.StatusMovedPermanently)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<!DOCTYPE html><html><body>Our new website</body></html>"))
	}))
	if _, err := e.p.Poll(ctx, src); err == nil || !strings.Contains(err.Error(), "HTML page") {
		t.Fatalf("poll: %v", err)
	}
	if st, _ := e.store.FetchState(ctx, "redesigned"); st.MovedTo != "" {
		t.Errorf("moved to a page that is no feed: %+v", st)
	}
}
