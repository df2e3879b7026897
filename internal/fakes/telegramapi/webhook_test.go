package telegramapi_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/crierhq/crier/internal/fakes/telegramapi"
)

func TestSetWebhookValidation(t *testing.T) {
	const hook = "https://example.com/hook"
	tests := []struct {
		name        string
		url, secret string
		status      int
		desc        string
	}{
		{"https", hook, "", 200, "Webhook was set"},
		{"no scheme means https", "example.com/hook", "", 200, "Webhook was set"},
		{"https on port 8443", "https://example.com:8443/hook", "", 200, "Webhook was set"},
		{"http", "http://example.com/hook", "", 400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook"},
		{"another port", "https://example.com:8080/hook", "", 400,
			"Bad Request: bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443"},
		{"unreadable", "https://exa mple.com/", "", 400, "Bad Request: invalid webhook URL specified"},
		{"no host", "https://", "", 400, "Bad Request: invalid webhook URL specified"},
		// The fake's relaxation, so that tests can receive webhooks:
		{"http on loopback, any port", "http://127.0.0.1:34567/hook", "", 200, "Webhook was set"},
		{"localhost", "http://localhost:8080/hook", "", 200, "Webhook was set"},
		{"IPv6 loopback", "http://[::1]:8080/hook", "", 200, "Webhook was set"},
		{"secret token", hook, "s3cr3t_-TOKEN", 200, "Webhook was set"},
		{"secret token of 256", hook, strings.Repeat("a", 256), 200, "Webhook was set"},
		{"secret token too long", hook, strings.Repeat("a", 257), 400, "Bad Request: secret token is too long"},
		{"secret token in base64", hook, "c2VjcmV0+/==", 400, "Bad Request: secret token contains unallowed characters"},
		{"secret token with a space", hook, "my secret", 400, "Bad Request: secret token contains unallowed characters"},
		{"secret token not ASCII", hook, "секрет", 400, "Bad Request: secret token contains unallowed characters"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv := newServer(t, telegramapi.Options{})
			status, a := call(t, srv, "setWebhook", url.Values{"url": {tc.url}, "secret_token": {tc.secret}})
			if status != tc.status || a.Description != tc.desc {
				t.Fatalf("setWebhook = %d %q, want %d %q", status, a.Description, tc.status, tc.desc)
			}
			wantURL, wantSecret := "", ""
			if status == http.StatusOK {
				wantURL, wantSecret = tc.url, tc.secret
			}
			if u, secret := srv.Webhook(); u != wantURL || secret != wantSecret {
				t.Errorf("Webhook() = %q, %q; want %q, %q", u, secret, wantURL, wantSecret)
			}
		})
	}
}

// The webhook's life, step by step, with Telegram's answers at each step.
func TestWebhookLifecycle(t *testing.T) {
	const hook = "https://example.com/hook"
	clk := newClock()
	srv := newServer(t, telegramapi.Options{Now: clk.Now})
	addChats(srv, userChat)
	steps := []struct {
		name    string
		advance time.Duration
		method  string
		args    url.Values
		status  int
		desc    string
		pending int // PendingUpdates afterwards
		push    int // messages pushed after the step
	}{
		{"set", 0, "setWebhook", url.Values{"url": {hook}, "secret_token": {"s1"}}, 200, "Webhook was set", 0, 2},
		{"again within a second", 0, "setWebhook", url.Values{"url": {hook}, "secret_token": {"s1"}},
			429, "Too Many Requests: retry after 1", 2, 0},
		{"again, unchanged", time.Second, "setWebhook", url.Values{"url": {hook}, "secret_token": {"s1"}},
			200, "Webhook is already set", 2, 0},
		{"new secret", time.Second, "setWebhook", url.Values{"url": {hook}, "secret_token": {"s2"}},
			200, "Webhook was set", 2, 0},
		{"getUpdates meanwhile", 0, "getUpdates", nil, 409,
			"Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first", 2, 0},
		{"delete keeps the queue", 0, "deleteWebhook", nil, 200, "Webhook was deleted", 2, 0},
		{"delete again", 0, "deleteWebhook", nil, 200, "Webhook is already deleted", 2, 0},
		{"delete and drop", 0, "deleteWebhook", url.Values{"drop_pending_updates": {"true"}},
			200, "Webhook is already deleted", 0, 1},
		{"set and drop", time.Second, "setWebhook", url.Values{"url": {hook}, "drop_pending_updates": {"true"}},
			200, "Webhook was set", 0, 0},
		{"an empty url deletes", 0, "setWebhook", url.Values{"url": {""}}, 200, "Webhook was deleted", 0, 0},
	}
	for _, s := range steps {
		clk.Advance(s.advance)
		status, a := call(t, srv, s.method, s.args)
		if status != s.status || a.Description != s.desc {
			t.Fatalf("%s: %s = %d %q, want %d %q", s.name, s.method, status, a.Description, s.status, s.desc)
		}
		if status == http.StatusOK && s.method != "getUpdates" && string(a.Result) != "true" {
			t.Errorf("%s: result %s, want true", s.name, a.Result)
		}
		if n := srv.PendingUpdates(); n != s.pending {
			t.Errorf("%s: PendingUpdates = %d, want %d", s.name, n, s.pending)
		}
		for range s.push {
			srv.PushMessage(userChat.ID, ann, "hi")
		}
	}
}

func TestGetWebhookInfo(t *testing.T) {
	srv := newServer(t, telegramapi.Options{})
	addChats(srv, userChat)
	bot := newBot(t, srv)
	srv.PushMessage(userChat.ID, ann, "hi")

	info, err := bot.GetWebhookInfo()
	if err != nil || info.URL != "" || info.PendingUpdateCount != 1 || info.MaxConnections != 0 {
		t.Errorf("without a webhook: %+v, %v", info, err)
	}
	wh, _ := tgbotapi.NewWebhook("https://example.com/hook")
	wh.MaxConnections, wh.AllowedUpdates = 500, []string{"message", "callback_query"}
	if _, err := bot.Request(wh); err != nil {
		t.Fatalf("setWebhook: %v", err)
	}
	info, err = bot.GetWebhookInfo()
	if err != nil || info.URL != "https://example.com/hook" || info.PendingUpdateCount != 1 ||
		info.MaxConnections != 100 || strings.Join(info.AllowedUpdates, ",") != "message,callback_query" {
		t.Errorf("with a webhook: %+v, %v", info, err)
	}
	a := mustCall(t, srv, "getWebhookInfo", nil)
	var raw map[string]any
	if err := json.Unmarshal(a.Result, &raw); err != nil || raw["has_custom_certificate"] != false {
		t.Errorf("result %s", a.Result)
	}
}

func TestSetWebhookRecorded(t *testing.T) {
	srv := newServer(t, telegramapi.Options{})
	mustCall(t, srv, "setWebhook", url.Values{"url": {"https://example.com/h"}, "secret_token": {"abc"}})
	mustCall(t, srv, "deleteWebhook", nil)
	reqs := srv.Requests()
	if len(reqs) != 2 || reqs[0].Method != "setWebhook" || reqs[0].Params["secret_token"] != "abc" ||
		reqs[0].Status != 200 || reqs[1].Method != "deleteWebhook" {
		t.Errorf("Requests = %+v", reqs)
	}
}
