package telegramapi_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"sync"
	"testing"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/crierhq/crier/internal/fakes/telegramapi"
)

// endpoint is a bot's webhook endpoint that answers with the statuses it is
// given, in turn, then 200, and keeps what it received.
type endpoint struct {
	mu       sync.Mutex
	statuses []int
	got      []int    // update ids, in the order they came
	secrets  []string // X-Telegram-Bot-Api-Secret-Token of each
	types    []string // Content-Type of each
}

func (e *endpoint) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var u tgbotapi.Update
	_ = json.NewDecoder(r.Body).Decode(&u)
	e.mu.Lock()
	defer e.mu.Unlock()
	e.got = append(e.got, u.UpdateID)
	e.secrets = append(e.secrets, r.Header.Get("X-Telegram-Bot-Api-Secret-Token"))
	e.types = append(e.types, r.Header.Get("Content-Type"))
	status := http.StatusOK
	if len(e.statuses) > 0 {
		status, e.statuses = e.statuses[0], e.statuses[1:]
	}
	w.WriteHeader(status)
}

func TestDeliverWebhook(t *testing.T) {
	clk := newClock()
	srv := newServer(t, telegramapi.Options{Now: clk.Now})
	addChats(srv, userChat)
	ep := &endpoint{statuses: []int{http.StatusInternalServerError}}
	hook := httptest.NewServer(ep)
	defer hook.Close()
	mustCall(t, srv, "setWebhook", url.Values{"url": {hook.URL + "/telegram"}, "secret_token": {"s3cr3t"}})
	for range 3 {
		srv.PushMessage(userChat.ID, ann, "hi")
	}

	if err := srv.DeliverWebhook(t.Context()); err == nil {
		t.Fatal("delivery to an endpoint answering 500 succeeded")
	}
	if n := srv.PendingUpdates(); n != 3 {
		t.Errorf("after the failure: %d pending, want 3", n)
	}
	info, err := newBot(t, srv).GetWebhookInfo()
	if err != nil || info.LastErrorMessage != "Wrong response from the webhook: 500 Internal Server Error" ||
		int64(info.LastErrorDate) != clk.Now().Unix() {
		t.Errorf("webhook info = %+v, %v", info, err)
	}

	if err := srv.DeliverWebhook(t.Context()); err != nil {
		t.Fatalf("second delivery: %v", err)
	}
	if n := srv.PendingUpdates(); n != 0 {
		t.Errorf("after delivery: %d pending", n)
	}
	ep.mu.Lock()
	defer ep.mu.Unlock()
	if want := []int{firstUpdate, firstUpdate, firstUpdate + 1, firstUpdate + 2}; !reflect.DeepEqual(ep.got, want) {
		t.Errorf("endpoint got updates %v, want %v", ep.got, want)
	}
	for i := range ep.got {
		if ep.secrets[i] != "s3cr3t" || ep.types[i] != "application/json" {
			t.Errorf("request %d: secret %q, Content-Type %q", i, ep.secrets[i], ep.types[i])
		}
	}
}

func TestDeliverWebhookRefuses(t *testing.T) {
	tests := []struct {
		name string
		url  string // "" for no webhook
	}{
		{"no webhook", ""},
		{"a real host", "https://example.com/hook"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv := newServer(t, telegramapi.Options{})
			addChats(srv, userChat)
			if tc.url != "" {
				mustCall(t, srv, "setWebhook", url.Values{"url": {tc.url}})
			}
			srv.PushMessage(userChat.ID, ann, "hi")
			if err := srv.DeliverWebhook(t.Context()); err == nil {
				t.Error("DeliverWebhook succeeded")
			}
			if n := srv.PendingUpdates(); n != 1 {
				t.Errorf("%d pending, want the update kept", n)
			}
		})
	}
}
