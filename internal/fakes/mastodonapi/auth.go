package mastodonapi

import (
	"crypto/subtle"
	"net/http"
	"strings"
)

// authorized reports whether the request carries the valid token, in the
// places Doorkeeper looks: the Authorization header or an access_token
// parameter.
func (s *Server) authorized(r *http.Request) bool {
	token := r.URL.Query().Get("access_token")
	if auth := r.Header.Get("Authorization"); auth != "" {
		scheme, value, _ := strings.Cut(auth, " ")
		if !strings.EqualFold(scheme, "Bearer") {
			return false
		}
		token = strings.TrimSpace(value)
	}
	return token != "" && subtle.ConstantTimeCompare([]byte(token), []byte(s.opts.Token)) == 1
}

// requireToken answers 401 the way Doorkeeper does for a missing, unknown or
// revoked token, and reports whether the request may go on.
func (s *Server) requireToken(w http.ResponseWriter, r *http.Request) bool {
	if s.authorized(r) {
		return true
	}
	w.Header().Set("WWW-Authenticate",
		`Bearer realm="Doorkeeper", error="invalid_token", error_description="`+errInvalidToken+`"`)
	writeError(w, http.StatusUnauthorized, errInvalidToken)
	return false
}
