package mastodonapi

import (
	"encoding/json"
	"net/http"
)

// Error messages Mastodon sends, from config/locales/en.yml and
// Api::BaseController.
const (
	errInvalidToken    = "The access token is invalid"
	errTooManyRequests = "Too many requests"
	errTextBlank       = "Text can't be blank"
	errVisibility      = "Visibility is not included in the list"
	errReplyNotFound   = "The post you are trying to reply to does not appear to exist."
	errRecordNotFound  = "Record not found"
)

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// writeError answers {"error": msg}, the shape of every Mastodon API error.
func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, errorBody(msg))
}

func errorBody(msg string) map[string]string { return map[string]string{"error": msg} }
