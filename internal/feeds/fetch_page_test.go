package feeds_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/crierhq/crier/internal/feeds"
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
	f := feeds.NewFetcher(feeds.Options{MaxBytes: 4096})
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
