package mastodonapi

import (
	"fmt"
	"io"
	"net/http"
)

// Fault is a failure to serve instead of, or after, the real answer: what
// the network between crier and an instance does (a proxy's 502 page, a
// reset connection, a request that never returns).
type Fault struct {
	// Status is the HTTP status to answer (default 500).
	Status int
	// Body is sent verbatim; empty means Mastodon's {"error": "..."} for
	// Status.
	Body string
	// ContentType defaults to what Body looks like.
	ContentType string
	// Times is how many requests fail this way (default 1).
	Times int
	// Hang never answers: the request ends when the client gives up (its
	// context or timeout) or the server closes, then the connection drops.
	Hang bool
	// Drop closes the connection without an answer.
	Drop bool
	// AfterCommit lets the server do the work first (create the status,
	// store the upload, count the request) and only then fail as above: the
	// client sees an error although the status exists, the case an
	// Idempotency-Key retry must survive.
	AfterCommit bool
}

// FailNext makes the next Times requests to path (e.g. "/api/v1/statuses";
// "" for any path) fail with f. Faults queue up in the order added. Unless
// AfterCommit is set they strike before anything else: the request is not
// rate-limited, authenticated or acted on.
func (s *Server) FailNext(path string, f Fault) {
	if f.Times <= 0 {
		f.Times = 1
	}
	if f.Status == 0 {
		f.Status = http.StatusInternalServerError
	}
	if f.Body == "" && f.ContentType == "" {
		f.Body = fmt.Sprintf(`{"error":%q}`, http.StatusText(f.Status))
		f.ContentType = "application/json; charset=utf-8"
	}
	if f.ContentType == "" {
		f.ContentType = http.DetectContentType([]byte(f.Body))
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults.Add(path, f.Times, f)
}

// begin records the request and takes the fault due for it, if any.
func (s *Server) begin(r *http.Request, body []byte) (int, Fault, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	idx := s.record(r, body)
	f, ok := s.faults.Take(r.URL.Path)
	return idx, f, ok
}

// fail answers with the fault, or hangs, or drops the connection.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, idx int, f Fault) {
	switch {
	case f.Hang:
		select {
		case <-r.Context().Done():
		case <-s.closing:
		}
		dropConn(w)
	case f.Drop:
		dropConn(w)
	default:
		s.setResponseStatus(idx, f.Status)
		w.Header().Set("Content-Type", f.ContentType)
		w.WriteHeader(f.Status)
		_, _ = io.WriteString(w, f.Body)
	}
}

// dropConn closes the connection under the request, so the client reads an
// EOF instead of a response.
func dropConn(w http.ResponseWriter) {
	if hj, ok := w.(http.Hijacker); ok {
		if conn, _, err := hj.Hijack(); err == nil {
			_ = conn.Close()
			return
		}
	}
	// Without hijacking (HTTP/2), aborting the handler resets the stream.
	panic(http.ErrAbortHandler)
}
