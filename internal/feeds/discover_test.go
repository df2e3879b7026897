package feeds_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"github.com/crierhq/crier/internal/feeds"
	"github.com/crierhq/crier/internal/model"
)

const discoverRSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>Daily News</title>
<item><title>One</title><link>https://news.example/1</link></item>
<item><title>Two</title><link>https://news.example/2</link></item></channel></rss>`

func TestAlternateFeeds(t *testing.T) {
	page := `<!doctype html><html><head>
	<link rel="alternate" type="application/json" href="/wp-json/wp/v2/posts/7">
	<link rel="stylesheet" href="/style.css">
	<LINK REL="Alternate" TYPE="application/rss+xml; charset=utf-8" HREF="feed.xml#top">
	<link rel="alternate" type="application/atom+xml" href="https://other.example/atom">
	<link rel="alternate" type="application/rss+xml" href="/news/feed.xml">
	<link rel="alternate" type="text/html" hreflang="tr" href="/tr/">
	<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
	<link rel="alternate" type="application/rss+xml" href="file:///etc/passwd">
	<link rel="alternate nofollow" type="application/feed+json" href="/feed.json">
	</head><body><link rel="alternate" type="application/rss+xml" href=""></body></html>`
	got := feeds.AlternateFeeds([]byte(page), "https://news.example/news/index.html")
	want := []string{"https://news.example/news/feed.xml", "https://other.example/atom", "https://news.example/feed.json",
		"https://news.example/wp-json/wp/v2/posts/7"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("feeds:\n got %q\nwant %q", got, want)
	}
	base := `<html><head><base href="https://cdn.example/site/"><link rel="alternate" type="application/atom+xml" href="atom.xml"></head></html>`
	if got := feeds.AlternateFeeds([]byte(base), "https://news.example/"); !reflect.DeepEqual(got, []string{"https://cdn.example/site/atom.xml"}) {
		t.Errorf("with <base>: %q", got)
	}
	if got := feeds.AlternateFeeds([]byte("\x00<<<>>>not html"), "https://x.example/"); len(got) != 0 {
		t.Errorf("garbage: %q", got)
	}
}

func TestDiscover(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/feed.xml":
			w.Header().Set("Content-Type", "application/rss+xml")
			w.Write([]byte(discoverRSS))
		case "/":
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte(`<html><head><title>News</title>
				<link rel="alternate" type="application/rss+xml" href="/broken.xml">
				<link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body>Hi</body></html>`))
		case "/broken.xml":
			http.Error(w, "nope", http.StatusNotFound)
		case "/nofeed":
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte(`<html><head><title>Blog</title></head><body><p>No feed here.</p></body></html>`))
		case "/deadlinks":
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte(`<html><head><link rel="alternate" type="application/atom+xml" href="/broken.xml"></head></html>`))
		case "/moved":
			http.Redirect(w, r, "/feed.xml", http.StatusMovedPermanently)
		case "/image.png":
			w.Header().Set("Content-Type", "image/png")
			w.Write([]byte("\x89PNG\r\n"))
		}
	}))
	defer srv.Close()
	ctx := context.Background()
	f := feeds.NewFetcher(feeds.Options{AllowPrivatePages: true}) // the test server is on loopback

	found, err := f.Discover(ctx, srv.URL+"/feed.xml")
	if err != nil || found.URL != srv.URL+"/feed.xml" || found.Title != "Daily News" || found.Items != 2 {
		t.Errorf("a feed: %+v, %v", found, err)
	}
	// A page: its announced feeds are tried in order until one parses.
	found, err = f.Discover(ctx, srv.URL+"/")
	if err != nil || found.URL != srv.URL+"/feed.xml" || found.Title != "Daily News" {
		t.Errorf("a page: %+v, %v", found, err)
	}
	if found, err = f.Discover(ctx, srv.URL+"/moved"); err != nil || found.URL != srv.URL+"/feed.xml" {
		t.Errorf("a permanent redirect: %+v, %v", found, err)
	}
	for _, path := range []string{"/nofeed", "/deadlinks"} {
		if _, err := f.Discover(ctx, srv.URL+path); !errors.Is(err, feeds.ErrNoFeed) {
			t.Errorf("%s: %v, want ErrNoFeed", path, err)
		}
	}
	if _, err := f.Discover(ctx, srv.URL+"/image.png"); err == nil || errors.Is(err, feeds.ErrNoFeed) {
		t.Errorf("an image: %v, want a parse error", err)
	}
	for _, u := range []string{"file:///etc/passwd", "ftp://x.example/feed", "https:///nohost", "not a url"} {
		if _, err := f.Discover(ctx, u); err == nil {
			t.Errorf("%s was fetched", u)
		}
	}
	// Without the operator's permission, a URL from a chat cannot reach the
	// machine's own network, nor a page lead there through its links.
	strict := feeds.NewFetcher(feeds.Options{})
	if _, err := strict.Discover(ctx, srv.URL+"/feed.xml"); !errors.Is(err, feeds.ErrPrivateAddress) {
		t.Errorf("loopback feed: %v, want ErrPrivateAddress", err)
	}
	if _, err := strict.FetchUntrusted(ctx, strings.Replace(srv.URL, "127.0.0.1", "localhost", 1)+"/feed.xml", model.FetchState{}); !errors.Is(err, feeds.ErrPrivateAddress) {
		t.Errorf("localhost by name: %v, want ErrPrivateAddress", err)
	}
}
