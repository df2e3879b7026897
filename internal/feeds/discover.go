package feeds

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"mime"
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/crierhq/crier/internal/model"
)

// ErrNoFeed is returned by Discover for a page that is not a feed and links
// to none that parses.
var ErrNoFeed = errors.New("no feed found")

// Found is a feed Discover validated.
type Found struct {
	URL   string // the feed's address: the one given, or the one a page links to
	Title string
	Items int
}

var noValidators model.FetchState

// maxCandidates bounds the feeds of one page Discover tries.
const maxCandidates = 4

// Discover checks a URL a person gave as a source, fetching it like a
// source added by command (FetchUntrusted): a feed is taken as it is; a web
// page is searched for the feeds it announces (<link rel="alternate"
// type="application/rss+xml" ...>), tried in document order until one
// parses.
func (f *Fetcher) Discover(ctx context.Context, rawURL string) (Found, error) {
	res, err := f.FetchUntrusted(ctx, rawURL, noValidators)
	if err != nil {
		return Found{}, err
	}
	feed, perr := Parse(res.Body, res.ContentType, res.FinalURL)
	if perr == nil {
		return Found{URL: feedAddress(rawURL, res), Title: feed.Title, Items: len(feed.Items)}, nil
	}
	mt, _, _ := mime.ParseMediaType(res.ContentType)
	if mt != "text/html" && mt != "application/xhtml+xml" && !looksLikeHTML(res.Body) {
		return Found{}, perr
	}
	links := AlternateFeeds(res.Body, res.FinalURL)
	if len(links) == 0 {
		return Found{}, fmt.Errorf("%w: %s is a web page that announces no feed", ErrNoFeed, rawURL)
	}
	var errs []error
	for _, link := range links[:min(len(links), maxCandidates)] {
		res, err := f.FetchUntrusted(ctx, link, noValidators)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", link, err))
			continue
		}
		feed, err := Parse(res.Body, res.ContentType, res.FinalURL)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", link, err))
			continue
		}
		return Found{URL: feedAddress(link, res), Title: feed.Title, Items: len(feed.Items)}, nil
	}
	return Found{}, fmt.Errorf("%w: the feeds %s announces do not work: %w", ErrNoFeed, rawURL, errors.Join(errs...))
}

// feedAddress is where a feed should be polled from: where permanent
// redirects led, else the address asked for (a temporary redirect may
// change again).
func feedAddress(asked string, res *Result) string {
	if res.MovedTo != "" {
		return res.MovedTo
	}
	return asked
}

// feedTypes rank the media types of <link rel="alternate"> that may announce
// a feed: 1 for feed types, 2 for generic ones (WordPress announces its JSON
// API as application/json, which is no feed).
var feedTypes = map[string]int{
	"application/rss+xml": 1, "application/atom+xml": 1, "application/rdf+xml": 1, "application/feed+json": 1,
	"application/json": 2, "text/xml": 2, "application/xml": 2,
}

// AlternateFeeds lists the absolute http(s) addresses of the feeds a page
// announces with <link rel="alternate">, resolved against the page's address
// (or its <base href>), without repeats: feed types first, each group in
// document order.
func AlternateFeeds(page []byte, pageURL string) []string {
	base, err := url.Parse(pageURL)
	if err != nil {
		return nil
	}
	var ranked [3][]string
	seen := map[string]bool{}
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return append(ranked[1], ranked[2]...)
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, hasAttr := z.TagName()
		if !hasAttr {
			continue
		}
		attrs := map[string]string{}
		for more := true; more; {
			var k, v []byte
			k, v, more = z.TagAttr()
			attrs[string(k)] = string(v)
		}
		switch atom.Lookup(name) {
		case atom.Base:
			if u, err := base.Parse(strings.TrimSpace(attrs["href"])); err == nil && attrs["href"] != "" {
				base = u
			}
		case atom.Link:
			mt, _, _ := mime.ParseMediaType(attrs["type"])
			rank := feedTypes[mt]
			if !hasToken(attrs["rel"], "alternate") || rank == 0 || attrs["href"] == "" {
				continue
			}
			u, err := base.Parse(strings.TrimSpace(attrs["href"]))
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
				continue
			}
			u.Fragment = ""
			if s := u.String(); !seen[s] {
				seen[s] = true
				ranked[rank] = append(ranked[rank], s)
			}
		}
	}
}

// hasToken reports whether a space-separated attribute holds a token,
// ignoring case.
func hasToken(attr, token string) bool {
	for _, f := range strings.Fields(attr) {
		if strings.EqualFold(f, token) {
			return true
		}
	}
	return false
}
