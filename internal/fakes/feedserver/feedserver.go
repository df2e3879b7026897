// Package feedserver is an HTTP feed farm for tests: it serves RSS documents
// built from items, answers conditional requests with 304, compresses with
// gzip when asked, and counts what it served.
package feedserver

import (
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"time"
)

// Item is one RSS item.
type Item struct {
	GUID, Title, Link, Description, Author string
	Published                              time.Time
	Categories                             []string
	// Image is a Media RSS image of the item (media:content), with its
	// description; "" for none.
	Image, ImageAlt string
}

type doc struct {
	body, contentType, etag string
	status                  int
}

// Stats count the requests of one path.
type Stats struct {
	Requests, NotModified int
	LastUserAgent         string
}

// Server serves feeds by path.
type Server struct {
	srv   *httptest.Server
	mu    sync.Mutex
	docs  map[string]doc
	stats map[string]*Stats
	times map[string][]time.Time // when each path was requested
}

// New starts a server; Close stops it.
func New() *Server {
	s := &Server{docs: map[string]doc{}, stats: map[string]*Stats{}, times: map[string][]time.Time{}}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

// Close stops the server.
func (s *Server) Close() { s.srv.Close() }

// URL is the address of a path.
func (s *Server) URL(path string) string { return s.srv.URL + path }

// SetItems publishes an RSS 2.0 document with the items, in the given order.
func (s *Server) SetItems(path, title string, items []Item) {
	s.SetRaw(path, "application/rss+xml; charset=utf-8", RSS(title, s.URL("/"), items))
}

// SetRaw publishes any body.
func (s *Server) SetRaw(path, contentType, body string) {
	sum := sha256.Sum256([]byte(body))
	s.mu.Lock()
	s.docs[path] = doc{body: body, contentType: contentType, etag: `"` + hex.EncodeToString(sum[:8]) + `"`, status: 200}
	s.mu.Unlock()
}

// SetStatus makes a path answer with an error status.
func (s *Server) SetStatus(path string, status int) {
	s.mu.Lock()
	s.docs[path] = doc{status: status, body: http.StatusText(status)}
	s.mu.Unlock()
}

// Stats returns the counters of a path.
func (s *Server) Stats(path string) Stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	if st := s.stats[path]; st != nil {
		return *st
	}
	return Stats{}
}

// RequestTimes tells when path was requested, in order.
func (s *Server) RequestTimes(path string) []time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Time(nil), s.times[path]...)
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	d, ok := s.docs[r.URL.Path]
	st := s.stats[r.URL.Path]
	if st == nil {
		st = &Stats{}
		s.stats[r.URL.Path] = st
	}
	st.Requests++
	st.LastUserAgent = r.UserAgent()
	s.times[r.URL.Path] = append(s.times[r.URL.Path], time.Now())
	notModified := ok && d.etag != "" && r.Header.Get("If-None-Match") == d.etag
	if notModified {
		st.NotModified++
	}
	s.mu.Unlock()
	switch {
	case !ok:
		http.NotFound(w, r)
	case d.status != 200:
		http.Error(w, d.body, d.status)
	case notModified:
		w.Header().Set("ETag", d.etag)
		w.WriteHeader(http.StatusNotModified)
	default:
		w.Header().Set("Content-Type", d.contentType)
		w.Header().Set("ETag", d.etag)
		if strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			w.Header().Set("Content-Encoding", "gzip")
			gz := gzip.NewWriter(w)
			_, _ = gz.Write([]byte(d.body))
			_ = gz.Close()
			return
		}
		_, _ = w.Write([]byte(d.body))
	}
}

// RSS renders an RSS 2.0 document.
func RSS(title, link string, items []Item) string {
	var b strings.Builder
	esc := html.EscapeString
	fmt.Fprintf(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:media=\"http://search.yahoo.com/mrss/\"><channel>\n<title>%s</title><link>%s</link><description>test feed</description>\n", esc(title), esc(link))
	for _, it := range items {
		b.WriteString("<item>")
		if it.GUID != "" {
			fmt.Fprintf(&b, "<guid isPermaLink=\"false\">%s</guid>", esc(it.GUID))
		}
		fmt.Fprintf(&b, "<title>%s</title>", esc(it.Title))
		if it.Link != "" {
			fmt.Fprintf(&b, "<link>%s</link>", esc(it.Link))
		}
		if it.Author != "" {
			fmt.Fprintf(&b, "<dc:creator>%s</dc:creator>", esc(it.Author))
		}
		if !it.Published.IsZero() {
			fmt.Fprintf(&b, "<pubDate>%s</pubDate>", it.Published.Format(time.RFC1123Z))
		}
		for _, c := range it.Categories {
			fmt.Fprintf(&b, "<category>%s</category>", esc(c))
		}
		if it.Image != "" {
			fmt.Fprintf(&b, "<media:content url=\"%s\" medium=\"image\"><media:description>%s</media:description></media:content>",
				esc(it.Image), esc(it.ImageAlt))
		}
		fmt.Fprintf(&b, "<description>%s</description></item>\n", esc(it.Description))
	}
	b.WriteString("</channel></rss>\n")
	return b.String()
}
