package mastodonapi

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
)

// Status is a status as the server stored it.
type Status struct {
	ID string
	// Text and SpoilerText are stripped of surrounding ASCII white space,
	// as Mastodon stores them.
	Text           string
	SpoilerText    string
	Visibility     string
	Language       string
	Sensitive      bool
	InReplyToID    string
	MediaIDs       []string
	IdempotencyKey string
	CreatedAt      time.Time
	// URL is the status's public page.
	URL string
}

// Request is one request the server received, faulted or not.
type Request struct {
	Method string
	Path   string
	Query  url.Values
	Header http.Header
	Body   []byte
	// Status is the HTTP status answered, 0 while in flight or when the
	// connection was dropped or left hanging.
	Status int
	Time   time.Time
}

// Statuses returns the statuses created so far, oldest first.
func (s *Server) Statuses() []Status {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Status, len(s.statuses))
	for i, st := range s.statuses {
		st.MediaIDs = slices.Clone(st.MediaIDs)
		out[i] = st
	}
	return out
}

// Requests returns every request received so far, oldest first.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Request, len(s.requests))
	for i, r := range s.requests {
		r.Query = cloneValues(r.Query)
		r.Header = r.Header.Clone()
		r.Body = slices.Clone(r.Body)
		out[i] = r
	}
	return out
}

// record stores the request and returns its index; s.mu must be held.
func (s *Server) record(r *http.Request, body []byte) int {
	s.requests = append(s.requests, Request{
		Method: r.Method,
		Path:   r.URL.Path,
		Query:  cloneValues(r.URL.Query()),
		Header: r.Header.Clone(),
		Body:   body,
		Time:   s.now(),
	})
	return len(s.requests) - 1
}

func (s *Server) setResponseStatus(idx, status int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests[idx].Status = status
}

func cloneValues(v url.Values) url.Values {
	return url.Values(http.Header(v).Clone())
}

// Media is an uploaded attachment as the server stored it.
type Media struct {
	ID, Type, Description string
	// StatusID is the status that uses it, "" while unattached.
	StatusID string
	// Processing is true until the attachment is processed.
	Processing bool
}

// Media returns the uploads so far, oldest first.
func (s *Server) Media() []Media {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Media, 0, len(s.media))
	for _, m := range s.media {
		out = append(out, Media{ID: m.id, Type: m.kind, Description: m.description, StatusID: m.statusID, Processing: m.polls > 0})
	}
	// IDs are Snowflakes of equal length, so they sort by time as strings.
	slices.SortFunc(out, func(a, b Media) int { return strings.Compare(a.ID, b.ID) })
	return out
}
