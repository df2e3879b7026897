package mastodonapi

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
)

// maxBody caps request bodies; Mastodon's own limit for media is larger,
// but nothing a test sends comes near this.
const maxBody = 64 << 20

// serve records the request, applies any injected fault, and otherwise
// answers through the router. The router writes to a recorder so that a
// fault injected "after commit" can replace an answer whose side effects
// (a created status) have already happened.
func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBody))
	if err != nil {
		return // the client went away mid-body
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	idx, fault, faulty := s.begin(r, body)

	if faulty && !fault.AfterCommit {
		s.fail(w, r, idx, fault)
		return
	}
	rec := httptest.NewRecorder()
	s.route(rec, r)
	if faulty {
		s.fail(w, r, idx, fault)
		return
	}
	s.setResponseStatus(idx, rec.Code)
	for k, v := range rec.Header() {
		w.Header()[k] = v
	}
	w.WriteHeader(rec.Code)
	_, _ = w.Write(rec.Body.Bytes())
}

// route dispatches /api requests after the per-token (or per-IP) rate limit,
// which rack-attack applies before Rails sees the request.
func (s *Server) route(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	if !strings.HasPrefix(r.URL.Path, "/api/") {
		writeError(w, http.StatusNotFound, "Not Found")
		return
	}
	if !s.throttleAPI(w, r) {
		return
	}
	switch path := r.URL.Path; {
	case r.Method == http.MethodGet && path == "/api/v1/instance":
		s.instanceV1(w, r)
	case r.Method == http.MethodGet && path == "/api/v2/instance":
		s.instanceV2(w, r)
	case r.Method == http.MethodGet && path == "/api/v1/accounts/verify_credentials":
		s.verifyCredentials(w, r)
	case r.Method == http.MethodPost && path == "/api/v1/statuses":
		s.createStatus(w, r)
	case r.Method == http.MethodGet && strings.HasPrefix(path, "/api/v1/statuses/"):
		s.showStatus(w, r, strings.TrimPrefix(path, "/api/v1/statuses/"))
	case r.Method == http.MethodPost && (path == "/api/v1/media" || path == "/api/v2/media"):
		s.uploadMedia(w, r, path == "/api/v2/media")
	case r.Method == http.MethodGet && strings.HasPrefix(path, "/api/v1/media/"):
		s.showMedia(w, r, strings.TrimPrefix(path, "/api/v1/media/"))
	default:
		// Rails answers unknown routes, and known routes with the wrong
		// method, with a 404.
		writeError(w, http.StatusNotFound, "Not Found")
	}
}
