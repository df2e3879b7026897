package telegramapi

import (
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"time"
)

// apiError is a refusal as the Bot API words it. description already carries
// the "Bad Request: "-style prefix that the real server adds.
type apiError struct {
	code        int
	description string
	migrateTo   int64
	retryAfter  int
}

func badRequest(format string, args ...any) *apiError {
	return &apiError{code: http.StatusBadRequest, description: "Bad Request: " + fmt.Sprintf(format, args...)}
}

func forbidden(description string) *apiError {
	return &apiError{code: http.StatusForbidden, description: "Forbidden: " + description}
}

// conflict is the Bot API's 409, which it answers to a bot that polls for
// updates in two places at once.
func conflict(description string) *apiError {
	return &apiError{code: http.StatusConflict, description: "Conflict: " + description}
}

var (
	errUnauthorized = &apiError{code: http.StatusUnauthorized, description: "Unauthorized"}
	// The real server checks the token's shape before asking Telegram.
	errInvalidToken = &apiError{code: http.StatusUnauthorized, description: "Unauthorized: invalid token specified"}
	errNotFound     = &apiError{code: http.StatusNotFound, description: "Not Found"}
	// An upload over 50 MB: the Bot API server's front refuses the request.
	errTooLarge = &apiError{code: http.StatusRequestEntityTooLarge, description: "Request Entity Too Large"}
)

// tooManyRequests rounds the wait up to whole seconds, as retry_after is an
// integer and waiting less than asked would only earn another 429.
func tooManyRequests(wait time.Duration) *apiError {
	n := max(int(math.Ceil(wait.Seconds())), 1)
	return &apiError{
		code:        http.StatusTooManyRequests,
		description: fmt.Sprintf("Too Many Requests: retry after %d", n),
		retryAfter:  n,
	}
}

// described is a successful result that the Bot API answers with a
// description as well, as setWebhook does ("Webhook was set").
type described struct {
	result      any
	description string
}

type responseParameters struct {
	MigrateToChatID int64 `json:"migrate_to_chat_id,omitempty"`
	RetryAfter      int   `json:"retry_after,omitempty"`
}

// response is the envelope of every Bot API answer, fields in the real order.
type response struct {
	OK          bool                `json:"ok"`
	Result      any                 `json:"result,omitempty"`
	ErrorCode   int                 `json:"error_code,omitempty"`
	Description string              `json:"description,omitempty"`
	Parameters  *responseParameters `json:"parameters,omitempty"`
}

func (e *apiError) response() response {
	r := response{ErrorCode: e.code, Description: e.description}
	if e.migrateTo != 0 || e.retryAfter != 0 {
		r.Parameters = &responseParameters{MigrateToChatID: e.migrateTo, RetryAfter: e.retryAfter}
	}
	return r
}

func writeJSON(w http.ResponseWriter, status int, body response) {
	data, err := json.Marshal(body)
	if err != nil {
		status = http.StatusInternalServerError
		data = []byte(`{"ok":false,"error_code":500,"description":"Internal Server Error"}`)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(data)
}
