package feeds_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"runtime"
	"strings"
	"sync/atomic"
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

// listenOn starts a server on the first address of this machine that
// matches, or skips.
func listenOn(t *testing.T, want func(netip.Addr) bool, h http.Handler) (*httptest.Server, netip.Addr) {
	t.Helper()
	addrs, _ := net.InterfaceAddrs()
	for _, a := range addrs {
		ipn, ok := a.(*net.IPNet)
		if !ok {
			continue
		}
		ip, _ := netip.AddrFromSlice(ipn.IP)
		ip = ip.Unmap()
		if !want(ip) {
			continue
		}
		ln, err := net.Listen("tcp", net.JoinHostPort(ip.String(), "0"))
		if err != nil {
			continue
		}
		srv := &httptest.Server{Listener: ln, Config: &http.Server{Handler: h}}
		srv.Start()
		t.Cleanup(srv.Close)
		return srv, ip
	}
	t.Skip("no such address on this machine")
	return nil, netip.Addr{}
}

// An operator's internal network, allowed by name, and only that one.
func TestAllowedNetworks(t *testing.T) {
	page := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<p>internal page</p>"))
	})
	srv, ip := listenOn(t, func(a netip.Addr) bool { return a.IsPrivate() }, page)
	ctx := context.Background()
	own := netip.PrefixFrom(ip, ip.BitLen()).Masked()
	if _, err := feeds.NewFetcher(feeds.Options{AllowNetworks: []netip.Prefix{own}}).FetchPage(ctx, srv.URL+"/"); err != nil {
		t.Errorf("allowed network %s refused: %v", own, err)
	}
	other := feeds.NewFetcher(feeds.Options{AllowNetworks: []netip.Prefix{netip.MustParsePrefix("10.99.0.0/16")}})
	if _, err := other.FetchPage(ctx, srv.URL+"/"); !errors.Is(err, feeds.ErrPrivateAddress) {
		t.Errorf("another network's address: %v", err)
	}
}

// Addresses no allow-list opens, and IPv6 forms of private IPv4 addresses.
func TestAddressesAlwaysRefused(t *testing.T) {
	wide := feeds.NewFetcher(feeds.Options{AllowNetworks: []netip.Prefix{
		netip.MustParsePrefix("fd00::/8"), netip.MustParsePrefix("10.0.0.0/8")}})
	for _, u := range []string{
		"http://127.0.0.1:1/", "http://[::1]:1/", "http://0.0.0.0:1/", "http://0.1.2.3:1/", "http://169.254.169.254/latest/",
		"http://[fd00:ec2::254]/", // AWS metadata, inside the allowed fd00::/8
		"http://[fe80::1]:1/", "http://[::ffff:127.0.0.1]:1/",
		"http://[64:ff9b::7f00:1]:1/",          // NAT64 of 127.0.0.1
		"http://[64:ff9b:1:a9fe:a9:fe00::]:1/", // local-use NAT64 of 169.254.169.254
		"http://[2002:7f00:1::]:1/",            // 6to4 of 127.0.0.1
		"http://[::a9fe:a9fe]:1/",              // IPv4-compatible 169.254.169.254
	} {
		if _, err := wide.FetchPage(context.Background(), u); !errors.Is(err, feeds.ErrPrivateAddress) {
			t.Errorf("%s: %v, want ErrPrivateAddress", u, err)
		}
	}
	strict := feeds.NewFetcher(feeds.Options{})
	for _, u := range []string{"http://[64:ff9b::a00:1]:1/", "http://[2002:c0a8:101::]:1/", "http://[fec0::1]:1/", "http://100.64.0.1:1/"} {
		if _, err := strict.FetchPage(context.Background(), u); !errors.Is(err, feeds.ErrPrivateAddress) {
			t.Errorf("%s: %v, want ErrPrivateAddress", u, err)
		}
	}
}

// A redirect from a public address to a private one is refused when it is
// dialled: the check runs for every connection, not for the first URL.
func TestRedirectToAPrivateAddressIsRefused(t *testing.T) {
	inside := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("<p>secret</p>"))
	}))
	defer inside.Close()
	redirect := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, inside.URL+"/admin", http.StatusFound)
	})
	public, _ := listenOn(t, func(a netip.Addr) bool {
		return a.Is4() && !a.IsPrivate() && !a.IsLoopback() && !a.IsLinkLocalUnicast()
	}, redirect)
	f := feeds.NewFetcher(feeds.Options{})
	if _, err := f.FetchPage(context.Background(), public.URL+"/story"); !errors.Is(err, feeds.ErrPrivateAddress) {
		t.Errorf("redirect into the private network: %v", err)
	}
	if _, err := f.FetchUntrusted(context.Background(), public.URL+"/feed", model.FetchState{}); !errors.Is(err, feeds.ErrPrivateAddress) {
		t.Errorf("feed redirect into the private network: %v", err)
	}
}

// A gzip bomb is cut off at the cap, whatever it would unpack to.
func TestGzipBombIsCutOff(t *testing.T) {
	var bomb bytes.Buffer
	gz, _ := gzip.NewWriterLevel(&bomb, gzip.BestCompression)
	zeros := make([]byte, 1<<20)
	for range 200 { // 200 MiB of zeros, about 200 KB packed
		gz.Write(zeros)
	}
	gz.Close()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(bomb.Bytes())
	}))
	defer srv.Close()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := feeds.NewFetcher(feeds.Options{MaxBytes: 1 << 20}).Fetch(context.Background(), srv.URL, model.FetchState{})
	if !errors.Is(err, feeds.ErrTooLarge) {
		t.Fatalf("gzip bomb: %v, want ErrTooLarge", err)
	}
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	if grown := after.TotalAlloc - before.TotalAlloc; grown > 16<<20 {
		t.Errorf("reading the bomb allocated %d MB", grown>>20)
	}
}

// Entity expansion ("billion laughs") cannot blow up: Go's XML decoder does
// not expand entities a document defines.
func TestEntityExpansionIsHarmless(t *testing.T) {
	doc := `<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
 <!ENTITY xxe SYSTEM "file:///etc/passwd">
]>
<rss version="2.0"><channel><title>&e;</title><item><title>&xxe;</title><guid>1</guid><description>&e;</description></item></channel></rss>`
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	feed, err := feeds.Parse([]byte(doc), "application/rss+xml", "https://e.example/")
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	if grown := after.TotalAlloc - before.TotalAlloc; grown > 32<<20 {
		t.Errorf("parsing allocated %d MB", grown>>20)
	}
	if err == nil {
		for _, it := range feed.Items {
			if strings.Contains(it.Title, "root:") || strings.Contains(it.Content, "root:") || len(it.Content) > 1<<20 {
				t.Errorf("an entity was expanded: title %q, content %d bytes", it.Title, len(it.Content))
			}
		}
	}
}

// A redirect loop, or a chain longer than five, stops with an error.
func TestRedirectsAreCapped(t *testing.T) {
	var hops atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hops.Add(1)
		http.Redirect(w, r, "/again", http.StatusFound)
	}))
	defer srv.Close()
	_, err := feeds.NewFetcher(feeds.Options{}).Fetch(context.Background(), srv.URL+"/feed", model.FetchState{})
	if err == nil || !strings.Contains(err.Error(), "stopped after 5 redirects") {
		t.Errorf("redirect loop: %v", err)
	}
	if n := hops.Load(); n != 5 {
		t.Errorf("%d requests, want 5", n)
	}
}
