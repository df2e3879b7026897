package telegramapi

import (
	"fmt"
	"net/http"
	"strings"
)

// Fault is a failure to serve instead of the real answer, the way the
// network between a bot and Telegram fails: a proxy's HTML error page, a 500,
// a connection that never answers.
type Fault struct {
	// Status is the HTTP status to answer (default 500).
	Status int
	// Body is sent verbatim; empty means the Bot API's JSON error for Status.
	Body string
	// ContentType defaults to what Body looks like.
	ContentType string
	// Times is how many requests fail this way (default 1).
	Times int
	// Hang makes the server never answer: the request ends only when the
	// client gives up (its context or timeout) or the server closes.
	Hang bool
}

// FailNext makes the next Times requests to method (any case; "" for any
// method) fail with f, before the token is even checked. Faults queue up in
// the order they were added.
func (s *Server) FailNext(method string, f Fault) {
	if f.Times <= 0 {
		f.Times = 1
	}
	if f.Status == 0 {
		f.Status = http.StatusInternalServerError
	}
	if f.Body == "" && f.ContentType == "" {
		f.Body = fmt.Sprintf(`{"ok":false,"error_code":%d,"description":%q}`, f.Status, http.StatusText(f.Status))
		f.ContentType = "application/json"
	}
	if f.ContentType == "" {
		f.ContentType = http.DetectContentType([]byte(f.Body))
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults.Add(strings.ToLower(method), f.Times, f)
}

// takeFault returns the fault due for method, if any; s.mu must be held.
func (s *Server) takeFault(method string) (Fault, bool) {
	return s.faults.Take(method)
}

// serveFault answers with f; for Hang it returns only once the client or the
// server has gone away. The request was already recorded with status 0.
func (s *Server) serveFault(w http.ResponseWriter, r *http.Request, f Fault) {
	if f.Hang {
		select {
		case <-r.Context().Done():
		case <-s.closing:
			// Drop the connection rather than answer an empty 200.
			panic(http.ErrAbortHandler)
		}
		return
	}
	w.Header().Set("Content-Type", f.ContentType)
	w.WriteHeader(f.Status)
	_, _ = w.Write([]byte(f.Body))
}
