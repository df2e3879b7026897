package telegramapi_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"testing"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/crierhq/crier/internal/fakes/telegramapi"
)

func TestAllowedUpdates(t *testing.T) {
	both := []string{"message", "channel_post"}
	tests := []struct {
		name string
		// earlier are the allowed_updates of getUpdates calls made before
		// the pushes; "" leaves the argument out.
		earlier []string
		want    []string // the kinds the bot then receives
	}{
		{"default: messages and channel posts", nil, both},
		{"only messages", []string{`["message"]`}, []string{"message"}},
		{"remembered by calls without it", []string{`["channel_post"]`, ""}, []string{"channel_post"}},
		{"null leaves the list as it was", []string{`["message"]`, "null"}, []string{"message"}},
		{"not a list leaves it too", []string{`["message"]`, `"channel_post"`, "[", `[1]`}, []string{"message"}},
		{"an empty list restores the default", []string{`["message"]`, "[]"}, both},
		{"unknown names are ignored", []string{`["message","telepathy"]`}, []string{"message"}},
		{"only unknown names: the default", []string{`["message"]`, `["telepathy"]`}, both},
		{"names in any case", []string{`["CHANNEL_POST"]`}, []string{"channel_post"}},
		{"only callback queries", []string{`["callback_query"]`}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv := newServer(t, telegramapi.Options{})
			addChats(srv, userChat, channelChat)
			for _, allowed := range tc.earlier {
				args := url.Values{}
				if allowed != "" {
					args.Set("allowed_updates", allowed)
				}
				mustCall(t, srv, "getUpdates", args)
			}
			msgID := srv.PushMessage(userChat.ID, ann, "hi")
			postID := srv.PushChannelPost(channelChat.ID, "news")
			var got []string
			for _, u := range updates(t, mustCall(t, srv, "getUpdates", nil)) {
				got = append(got, u.kind())
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("received %v, want %v", got, tc.want)
			}
			// A left-out update is never created, so it takes no id.
			wantMsgID, wantPostID, next := 0, 0, firstUpdate
			if slices.Contains(tc.want, "message") {
				wantMsgID, next = next, next+1
			}
			if slices.Contains(tc.want, "channel_post") {
				wantPostID = next
			}
			if msgID != wantMsgID || postID != wantPostID {
				t.Errorf("push ids %d, %d; want %d, %d", msgID, postID, wantMsgID, wantPostID)
			}
		})
	}
}

// As the Bot API warns, allowed_updates does not reach back to updates
// created before it was set.
func TestAllowedUpdatesSpareQueuedUpdates(t *testing.T) {
	srv := newServer(t, telegramapi.Options{})
	addChats(srv, userChat, channelChat)
	srv.PushMessage(userChat.ID, ann, "before")
	ups := updates(t, mustCall(t, srv, "getUpdates", url.Values{"allowed_updates": {`["channel_post"]`}}))
	if len(ups) != 1 || ups[0].kind() != "message" {
		t.Errorf("updates = %+v, want the message queued before", ups)
	}
	if id := srv.PushMessage(userChat.ID, ann, "after"); id != 0 {
		t.Errorf("a message after the change was queued as %d", id)
	}
}

// FailNext stands for the network in front of getUpdates, as for any
// method; nothing queued is lost to a fault.
func TestGetUpdatesFaults(t *testing.T) {
	tests := []struct {
		name       string
		fault      telegramapi.Fault
		code       int // of the *tgbotapi.Error, 0 when there is none
		retryAfter int
	}{
		{"429 with retry_after", telegramapi.Fault{Status: 429,
			Body: `{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 5","parameters":{"retry_after":5}}`},
			429, 5},
		{"502 page from the proxy", telegramapi.Fault{Status: 502, ContentType: "text/html",
			Body: "<html><body><h1>502 Bad Gateway</h1></body></html>"}, 0, 0},
		{"default 500", telegramapi.Fault{}, 500, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv := newServer(t, telegramapi.Options{})
			addChats(srv, userChat)
			bot := newBot(t, srv)
			srv.PushMessage(userChat.ID, ann, "hi")
			srv.FailNext("getUpdates", tc.fault)

			_, err := bot.GetUpdates(tgbotapi.NewUpdate(0))
			var apiErr *tgbotapi.Error
			switch {
			case err == nil:
				t.Fatal("faulty getUpdates succeeded")
			case tc.code == 0 && errors.As(err, &apiErr):
				t.Fatalf("error = %+v, want a decoding failure", apiErr)
			case tc.code != 0:
				if apiErr = asAPIError(t, err); apiErr.Code != tc.code || apiErr.RetryAfter != tc.retryAfter {
					t.Fatalf("error = %+v, want %d retry_after %d", apiErr, tc.code, tc.retryAfter)
				}
			}
			ups, err := bot.GetUpdates(tgbotapi.NewUpdate(0))
			if err != nil || len(ups) != 1 {
				t.Errorf("after the fault: %+v, %v", ups, err)
			}
		})
	}
}

// Sending limits are for messages; polling is never refused with 429.
func TestGetUpdatesNotRateLimited(t *testing.T) {
	srv := newServer(t, telegramapi.Options{Limits: telegramapi.Limits{GlobalMessages: 1, PerChatBurst: 1}})
	for i := range 50 {
		if status, a := call(t, srv, "getUpdates", nil); status != http.StatusOK {
			t.Fatalf("call %d: %d %q", i, status, a.Description)
		}
	}
}

func TestGetUpdatesWhileWebhookIsSet(t *testing.T) {
	srv := newServer(t, telegramapi.Options{})
	mustCall(t, srv, "setWebhook", url.Values{"url": {"https://example.com/hook"}})
	status, a := call(t, srv, "getUpdates", nil)
	want := "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"
	if status != http.StatusConflict || a.ErrorCode != 409 || a.Description != want {
		t.Errorf("getUpdates = %d %+v, want 409 %q", status, a, want)
	}
	mustCall(t, srv, "deleteWebhook", nil)
	mustCall(t, srv, "getUpdates", nil)
}

// Clients that send JSON bodies pass numbers and lists as JSON values.
func TestGetUpdatesJSONBody(t *testing.T) {
	srv := newServer(t, telegramapi.Options{})
	addChats(srv, userChat, channelChat)
	srv.PushMessage(userChat.ID, ann, "old")
	srv.PushMessage(userChat.ID, ann, "new")
	body := fmt.Sprintf(`{"offset":%d,"limit":10,"timeout":0,"allowed_updates":["channel_post"]}`, firstUpdate+1)
	resp, err := http.Post(srv.URL()+"/bot"+token+"/getUpdates", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var a answer
	if err := json.NewDecoder(resp.Body).Decode(&a); err != nil {
		t.Fatal(err)
	}
	if ups := updates(t, a); len(ups) != 1 || ups[0].UpdateID != firstUpdate+1 {
		t.Errorf("updates = %+v, want only the second", ups)
	}
	if id := srv.PushMessage(userChat.ID, ann, "filtered"); id != 0 {
		t.Errorf("allowed_updates from the JSON body ignored: message queued as %d", id)
	}
}
