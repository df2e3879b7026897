package feeds

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/crierhq/crier/internal/model"
)

// ErrTooLarge is returned when a body exceeds the configured cap.
var ErrTooLarge = errors.New("response body exceeds the size limit")

// HTTPError is a non-success HTTP status.
type HTTPError struct {
	StatusCode int
	Status     string
	// RetryAfter is the server's Retry-After (on 429 and 503), 0 if none.
	RetryAfter time.Duration
}

func (e *HTTPError) Error() string { return "HTTP " + e.Status }

// Options configure a Fetcher.
type Options struct {
	Timeout   time.Duration // whole request including the body
	MaxBytes  int64         // cap on the decompressed body
	UserAgent string
	// AllowPrivatePages lets article pages be fetched from loopback,
	// private and link-local addresses. Off, a feed cannot make crier read
	// (and post) pages of the network it runs in through its item links.
	AllowPrivatePages bool
	// AllowNetworks are private networks that pages and feeds from chats
	// may come from all the same (an operator's internal feeds); they
	// never open loopback, link-local or metadata addresses.
	AllowNetworks []netip.Prefix
}

// Fetcher downloads feeds and pages; one long-lived value per process, so
// connections are reused across polls.
type Fetcher struct {
	client *http.Client
	// guarded fetches what a feed or a chat named: article pages, and the
	// feeds of sources added by command. Public addresses only, unless
	// allowed.
	guarded  *http.Client
	maxBytes int64
	ua       string
}

// Result is one download. NotModified means the server (or the file's mtime)
// confirmed the previous copy is current and Body is empty.
type Result struct {
	NotModified bool
	// MovedTo is set when every redirect on the way was permanent (301,
	// 308): the URL the source should use from now on.
	MovedTo      string
	Body         []byte
	ContentType  string
	ETag         string
	LastModified string
	FinalURL     string
}

// NewFetcher builds a fetcher with explicit timeouts at every stage.
func NewFetcher(o Options) *Fetcher {
	if o.Timeout <= 0 {
		o.Timeout = 30 * time.Second
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = 10 << 20
	}
	if o.UserAgent == "" {
		o.UserAgent = "crier (+https://github.com/crierhq/crier)"
	}
	transport := func(dial *net.Dialer) *http.Transport {
		return &http.Transport{
			Proxy:                 http.ProxyFromEnvironment,
			DialContext:           dial.DialContext,
			TLSHandshakeTimeout:   10 * time.Second,
			ResponseHeaderTimeout: o.Timeout,
			IdleConnTimeout:       90 * time.Second,
			MaxIdleConns:          100,
			MaxIdleConnsPerHost:   4,
			ForceAttemptHTTP2:     true,
		}
	}
	client := func(tr *http.Transport) *http.Client {
		return &http.Client{
			Transport: tr,
			Timeout:   o.Timeout,
			CheckRedirect: func(req *http.Request, via []*http.Request) error {
				if len(via) >= 5 {
					return errors.New("stopped after 5 redirects")
				}
				return nil
			},
		}
	}
	feedDialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	pageDialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	if !o.AllowPrivatePages {
		// Checked on the address actually dialled, after DNS and for
		// every redirect, so neither a hostname nor a redirect gets round it.
		allowed := o.AllowNetworks
		pageDialer.Control = func(network, address string, _ syscall.RawConn) error {
			return refusePrivate(address, allowed)
		}
	}
	pageTransport := transport(pageDialer)
	pageTransport.Proxy = nil // a proxy would dial for us, past the check
	return &Fetcher{
		client:   client(transport(feedDialer)),
		guarded:  client(pageTransport),
		maxBytes: o.MaxBytes,
		ua:       o.UserAgent,
	}
}

// ErrPrivateAddress refuses an article page on a non-public address.
var ErrPrivateAddress = errors.New("refusing an address that is not public")

// refusePrivate checks an address about to be dialled. Loopback,
// unspecified, link-local, multicast and cloud metadata addresses are
// always refused; private ones (RFC 1918, unique local, site-local, CGNAT)
// unless an operator allowed their network. An IPv6 address carrying an
// IPv4 one (NAT64, 6to4, IPv4-compatible) is judged by the IPv4 address.
func refusePrivate(address string, allowed []netip.Prefix) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("%w: %s", ErrPrivateAddress, address)
	}
	a := ap.Addr().Unmap()
	if v4, ok := embeddedIPv4(a); ok {
		a = v4
	}
	if AlwaysRefused(a) {
		return fmt.Errorf("%w: %s", ErrPrivateAddress, a)
	}
	for _, p := range allowed {
		if p.Contains(a) {
			return nil
		}
	}
	if a.IsPrivate() || cgnat.Contains(a) || siteLocal.Contains(a) {
		return fmt.Errorf("%w: %s", ErrPrivateAddress, a)
	}
	return nil
}

// AlwaysRefused tells the addresses no allowed network opens: the machine
// itself, link-local (where cloud metadata services answer), multicast, and
// the metadata services' own addresses.
func AlwaysRefused(a netip.Addr) bool {
	return a.IsLoopback() || a.IsUnspecified() || a.IsLinkLocalUnicast() || a.IsLinkLocalMulticast() ||
		a.IsMulticast() || a.IsInterfaceLocalMulticast() || thisNetwork.Contains(a) || metadata[a]
}

var (
	// cgnat is the shared address space of carrier-grade NAT (RFC 6598),
	// which cloud providers also use for internal services.
	cgnat       = netip.MustParsePrefix("100.64.0.0/10")
	siteLocal   = netip.MustParsePrefix("fec0::/10")
	thisNetwork = netip.MustParsePrefix("0.0.0.0/8")
	metadata    = map[netip.Addr]bool{
		netip.MustParseAddr("169.254.169.254"): true, // AWS, GCP, Azure, OpenStack
		netip.MustParseAddr("fd00:ec2::254"):   true, // AWS over IPv6
		netip.MustParseAddr("100.100.100.200"): true, // Alibaba Cloud
	}
	nat64      = netip.MustParsePrefix("64:ff9b::/96")
	nat64Local = netip.MustParsePrefix("64:ff9b:1::/48")
	sixToFour  = netip.MustParsePrefix("2002::/16")
	v4Compat   = netip.MustParsePrefix("::/96")
)

// embeddedIPv4 returns the IPv4 address an IPv6 one carries.
func embeddedIPv4(a netip.Addr) (netip.Addr, bool) {
	if !a.Is6() {
		return netip.Addr{}, false
	}
	b := a.As16()
	switch {
	case nat64.Contains(a):
		return netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]}), true
	case nat64Local.Contains(a): // RFC 6052 /48: bits 64-71 are the u octet
		return netip.AddrFrom4([4]byte{b[6], b[7], b[9], b[10]}), true
	case sixToFour.Contains(a):
		return netip.AddrFrom4([4]byte{b[2], b[3], b[4], b[5]}), true
	case v4Compat.Contains(a) && !a.IsLoopback() && !a.IsUnspecified():
		return netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]}), true
	}
	return netip.Addr{}, false
}

// Fetch downloads rawURL, sending the validators of prev so an unchanged feed
// costs a 304 and no parse.
func (f *Fetcher) Fetch(ctx context.Context, rawURL string, prev model.FetchState) (*Result, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("invalid URL: %w", err)
	}
	switch u.Scheme {
	case "file":
		return f.fetchFile(u, prev)
	case "http", "https":
		return f.fetchHTTP(ctx, u, prev)
	default:
		return nil, fmt.Errorf("unsupported URL scheme %q", u.Scheme)
	}
}

// FetchUntrusted downloads a feed whose URL came from a chat (a source added
// by command): http and https only, and, like article pages, public
// addresses only unless the operator allowed private ones.
func (f *Fetcher) FetchUntrusted(ctx context.Context, rawURL string, prev model.FetchState) (*Result, error) {
	u, err := webURL(rawURL)
	if err != nil {
		return nil, err
	}
	return f.get(ctx, f.guarded, u, prev, feedAccept)
}

// webURL parses an address that must be http or https.
func webURL(rawURL string) (*url.URL, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("invalid URL: %w", err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("URL scheme %q not allowed (http or https only)", u.Scheme)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("invalid URL %q: no host", rawURL)
	}
	return u, nil
}

// feedAccept and pageAccept are the Accept headers of feed and page requests.
const (
	feedAccept = "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5"
	pageAccept = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1"
)

// ErrNotHTML is returned by FetchPage for a response that is not a web page.
var ErrNotHTML = errors.New("not an HTML page")

// FetchPage downloads an article page with the same timeouts and size cap as
// feeds. Only http and https are allowed: the URL comes from a feed, and a
// feed must not make crier read local files.
func (f *Fetcher) FetchPage(ctx context.Context, rawURL string) (*Result, error) {
	u, err := webURL(rawURL)
	if err != nil {
		return nil, err
	}
	res, err := f.get(ctx, f.guarded, u, model.FetchState{}, pageAccept)
	if err != nil {
		return nil, err
	}
	mt, _, _ := mime.ParseMediaType(res.ContentType)
	if mt != "" && mt != "text/html" && mt != "application/xhtml+xml" {
		return nil, fmt.Errorf("%w: %s", ErrNotHTML, mt)
	}
	return res, nil
}

func (f *Fetcher) fetchHTTP(ctx context.Context, u *url.URL, prev model.FetchState) (*Result, error) {
	return f.get(ctx, f.client, u, prev, feedAccept)
}

func (f *Fetcher) get(ctx context.Context, client *http.Client, u *url.URL, prev model.FetchState, accept string) (*Result, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", f.ua)
	req.Header.Set("Accept", accept)
	if prev.ETag != "" {
		req.Header.Set("If-None-Match", prev.ETag)
	}
	if prev.LastModified != "" {
		req.Header.Set("If-Modified-Since", prev.LastModified)
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	res := &Result{
		ContentType:  resp.Header.Get("Content-Type"),
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
		FinalURL:     resp.Request.URL.String(),
	}
	if permanentRedirects(resp.Request) {
		res.MovedTo = res.FinalURL
	}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		res.NotModified = true
		// Some servers omit the validators on 304; keep the ones we sent.
		if res.ETag == "" {
			res.ETag = prev.ETag
		}
		if res.LastModified == "" {
			res.LastModified = prev.LastModified
		}
		return res, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10)) // lets the connection be reused
		return nil, &HTTPError{StatusCode: resp.StatusCode, Status: resp.Status, RetryAfter: retryAfter(resp.Header.Get("Retry-After"), time.Now())}
	}
	res.Body, err = readCapped(resp.Body, f.maxBytes)
	if err != nil {
		return nil, err
	}
	return res, nil
}

// readCapped reads at most max bytes and fails rather than truncating: a cut
// feed would parse into fewer items and look like deletions.
func readCapped(r io.Reader, max int64) ([]byte, error) {
	body, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, fmt.Errorf("read body: %w", err)
	}
	if int64(len(body)) > max {
		return nil, fmt.Errorf("%w (%d bytes)", ErrTooLarge, max)
	}
	return body, nil
}

// permanentRedirects reports whether the request was reached through
// redirects that were all permanent. Each redirected request keeps the
// response that caused it.
func permanentRedirects(req *http.Request) bool {
	moved := false
	for r := req; r != nil && r.Response != nil; r = r.Response.Request {
		if c := r.Response.StatusCode; c != http.StatusMovedPermanently && c != http.StatusPermanentRedirect {
			return false
		}
		moved = true
	}
	return moved
}

// retryAfter reads a Retry-After header: seconds, or an HTTP date. It is
// capped at a day, so a hostile server cannot park a source for ever.
func retryAfter(v string, now time.Time) time.Duration {
	if v == "" {
		return 0
	}
	var d time.Duration
	if secs, err := strconv.Atoi(strings.TrimSpace(v)); err == nil && secs > 0 {
		d = time.Duration(min(secs, 86400)) * time.Second
	} else if t, err := http.ParseTime(v); err == nil {
		d = t.Sub(now)
	}
	return min(max(d, 0), 24*time.Hour)
}
