package feeds_test

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/crierhq/crier/internal/feeds"
	"github.com/crierhq/crier/internal/model"
)

func TestFetchPage(t *testing.T) {
	var accept string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/article":
			accept = r.Header.Get("Accept")
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte("<html><body><p>Story.</p></body></html>"))
		case "/file.pdf":
			w.Header().Set("Content-Type", "application/pdf")
			w.Write([]byte("%PDF-1.7"))
		case "/huge":
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte(strings.Repeat("<p>x</p>", 1000)))
		case "/gone":
			http.Error(w, "gone", http.StatusGone)
		}
	}))
	defer srv.Close()
	f := feeds.NewFetcher(feeds.Options{MaxBytes: 4096, AllowPrivatePages: true}) // the test server is on loopback
	ctx := context.Background()

	res, err := f.FetchPage(ctx, srv.URL+"/article")
	if err != nil || !strings.Contains(string(res.Body), "Story.") || !strings.HasPrefix(accept, "text/html") {
		t.Fatalf("page: %v, accept %q", err, accept)
	}
	if _, err := f.FetchPage(ctx, srv.URL+"/file.pdf"); !errors.Is(err, feeds.ErrNotHTML) {
		t.Errorf("pdf: err = %v, want ErrNotHTML", err)
	}
	if _, err := f.FetchPage(ctx, srv.URL+"/huge"); !errors.Is(err, feeds.ErrTooLarge) {
		t.Errorf("huge page: err = %v, want ErrTooLarge", err)
	}
	var herr *feeds.HTTPError
	if _, err := f.FetchPage(ctx, srv.URL+"/gone"); !errors.As(err, &herr) || herr.StatusCode != 410 {
		t.Errorf("gone: err = %v", err)
	}
	// A feed's item link must never make crier read a local file.
	for _, u := range []string{"file:///etc/passwd", "file:relative.html", "ftp://example.com/a", "gopher://x"} {
		if _, err := f.FetchPage(ctx, u); err == nil || !strings.Contains(err.Error(), "not allowed") {
			t.Errorf("%s: err = %v, want refused", u, err)
		}
	}
}

func TestRetryAfterIsReadAndCapped(t *testing.T) {
	for header, want := range map[string]time.Duration{"120": 2 * time.Minute, "9999999999": 24 * time.Hour, "soon": 0, "": 0} {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if header != "" {
				w.Header().Set("Retry-After", header)
			}
			w.WriteHeader(http.StatusTooManyRequests)
		}))
		_, err := feeds.NewFetcher(feeds.Options{}).Fetch(context.Background(), srv.URL, model.FetchState{})
		srv.Close()
		var herr *feeds.HTTPError
		if !errors.As(err, &herr) || herr.RetryAfter != want {
			t.Errorf("Retry-After %q: %v, want %v", header, err, want)
		}
	}
}

func TestBrokenFeedWithHTMLInsideIsNotCalledAPage(t *testing.T) {
	_, err := feeds.Parse([]byte(`<?xml version="1.0"?><rss><channel><item><description><![CDATA[<body>x</body>]]></description>`), "application/rss+xml", "https://e.com/")
	if err == nil || strings.Contains(err.Error(), "HTML page") {
		t.Errorf("err = %v, want the XML error", err)
	}
	_, err = feeds.Parse([]byte("<!DOCTYPE html><html><body>Maintenance</body></html>"), "text/html", "https://e.com/")
	if err == nil || !strings.Contains(err.Error(), "HTML page, not a feed") {
		t.Errorf("err = %v, want it named an HTML page", err)
	}
}

// TestPagesOnPrivateAddressesAreRefused: a feed's item link, or a redirect
// from a public page, must not make crier read its own network.
func TestPagesOnPrivateAddressesAreRefused(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<p>internal admin page</p>"))
	}))
	defer srv.Close()
	f := feeds.NewFetcher(feeds.Options{})
	_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())
	for _, u := range []string{srv.URL + "/admin", "http://localhost:" + port + "/"} {
		if _, err := f.FetchPage(context.Background(), u); !errors.Is(err, feeds.ErrPrivateAddress) {
			t.Errorf("%s: err = %v, want ErrPrivateAddress", u, err)
		}
	}
	// Feeds themselves are the operator's choice: a local feed still works.
	if _, err := f.Fetch(context.Background(), srv.URL+"/feed", model.FetchState{}); err != nil {
		t.Errorf("a feed on loopback: %v", err)
	}
}
