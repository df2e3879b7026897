package telegramapi_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/crierhq/crier/internal/fakes/telegramapi"
)

// answer is a Bot API response as the tests read it.
type answer struct {
	OK          bool            `json:"ok"`
	Result      json.RawMessage `json:"result"`
	ErrorCode   int             `json:"error_code"`
	Description string          `json:"description"`
	Parameters  struct {
		RetryAfter int `json:"retry_after"`
	} `json:"parameters"`
}

// post sends args to method as a form, the way most Bot API clients do,
// and decodes the answer. It does not touch a *testing.T, so that a
// goroutine may use it.
func post(ctx context.Context, srv *telegramapi.Server, method string, args url.Values) (int, answer, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, srv.URL()+"/bot"+token+"/"+method,
		strings.NewReader(args.Encode()))
	if err != nil {
		return 0, answer{}, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := (&http.Client{Timeout: 60 * time.Second}).Do(req)
	if err != nil {
		return 0, answer{}, err
	}
	defer resp.Body.Close()
	var a answer
	if err := json.NewDecoder(resp.Body).Decode(&a); err != nil {
		return resp.StatusCode, a, fmt.Errorf("decode %s answer: %w", method, err)
	}
	return resp.StatusCode, a, nil
}

// call is post for the test's own goroutine: any failure to get a Bot API
// answer fails the test.
func call(t *testing.T, srv *telegramapi.Server, method string, args url.Values) (int, answer) {
	t.Helper()
	status, a, err := post(t.Context(), srv, method, args)
	if err != nil {
		t.Fatalf("%s: %v", method, err)
	}
	return status, a
}

// mustCall is call for requests that must succeed.
func mustCall(t *testing.T, srv *telegramapi.Server, method string, args url.Values) answer {
	t.Helper()
	status, a := call(t, srv, method, args)
	if status != http.StatusOK || !a.OK {
		t.Fatalf("%s(%v) = %d %q, want success", method, args, status, a.Description)
	}
	return a
}

// update is the part of an Update the tests look at.
type update struct {
	UpdateID      int             `json:"update_id"`
	Message       json.RawMessage `json:"message"`
	ChannelPost   json.RawMessage `json:"channel_post"`
	CallbackQuery json.RawMessage `json:"callback_query"`
}

func (u update) kind() string {
	switch {
	case u.Message != nil:
		return "message"
	case u.ChannelPost != nil:
		return "channel_post"
	case u.CallbackQuery != nil:
		return "callback_query"
	}
	return "?"
}

// updates decodes a getUpdates result.
func updates(t *testing.T, a answer) []update {
	t.Helper()
	var out []update
	if err := json.Unmarshal(a.Result, &out); err != nil {
		t.Fatalf("getUpdates result %s: %v", a.Result, err)
	}
	return out
}

// waitUntil checks cond every millisecond until it holds, and fails the
// test if it does not within five seconds.
func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.After(5 * time.Second)
	tick := time.NewTicker(time.Millisecond)
	defer tick.Stop()
	for !cond() {
		select {
		case <-deadline:
			t.Fatalf("gave up waiting until %s", what)
		case <-tick.C:
		}
	}
}

// Users who write to the bot in the tests.
var (
	ann = telegramapi.User{ID: userChat.ID, Username: "ann", FirstName: "Ann", LanguageCode: "en"}
	bob = telegramapi.User{ID: 1002, FirstName: "Bob"}
)

const firstUpdate = 100000001
