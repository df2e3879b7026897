package telegramapi_test

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/crierhq/crier/internal/fakes/telegramapi"
)

func TestGetMe(t *testing.T) {
	srv := newServer(t, telegramapi.Options{Username: "crier_bot", FirstName: "Crier"})
	bot := newBot(t, srv)
	if bot.Self.ID != 123456 || !bot.Self.IsBot || bot.Self.UserName != "crier_bot" || bot.Self.FirstName != "Crier" {
		t.Errorf("Self = %+v", bot.Self)
	}
}

func TestTokens(t *testing.T) {
	tests := []struct{ name, token, desc string }{
		{"wrong token", "123456:wrong", "Unauthorized"},
		{"other bot", "654321:TEST-token_abc", "Unauthorized"},
		{"no colon", "garbage", "Unauthorized: invalid token specified"},
		{"leading zero", "0123:abc", "Unauthorized: invalid token specified"},
		{"bad bot id", "12a:abc", "Unauthorized: invalid token specified"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv := newServer(t, telegramapi.Options{})
			_, err := tgbotapi.NewBotAPIWithClient(tc.token, srv.Endpoint(), &http.Client{Timeout: 5 * time.Second})
			apiErr := asAPIError(t, err)
			if apiErr.Code != 401 || apiErr.Message != tc.desc {
				t.Errorf("error = %d %q, want 401 %q", apiErr.Code, apiErr.Message, tc.desc)
			}
		})
	}
}

func TestMethods(t *testing.T) {
	srv := newServer(t, telegramapi.Options{})
	bot := newBot(t, srv)
	_, err := bot.MakeRequest("sendTelepathy", nil)
	if apiErr := asAPIError(t, err); apiErr.Code != 404 || apiErr.Message != "Not Found" {
		t.Errorf("unknown method: %d %q", apiErr.Code, apiErr.Message)
	}
	if _, err := bot.MakeRequest("GETME", nil); err != nil {
		t.Errorf("method names are case-insensitive, got %v", err)
	}
}

// Raw requests cover what tgbotapi never sends: other paths, JSON bodies,
// query strings and malformed JSON arguments.
func TestRawRequests(t *testing.T) {
	srv := newServer(t, telegramapi.Options{})
	addChats(srv, userChat)
	tests := []struct {
		name, method, path, contentType, body string
		status                                int
		wantBody                              string
	}{
		{"not a bot path", "GET", "/file/x", "", "", 404, `{"ok":false,"error_code":404,"description":"Not Found"}`},
		{"JSON body", "POST", "/bot" + token + "/sendMessage", "application/json",
			`{"chat_id":1001,"text":"<b>hi</b>","parse_mode":"HTML"}`, 200, `"entities":[{"type":"bold","offset":0,"length":2}]`},
		{"query string", "GET", "/bot" + token + "/sendMessage?chat_id=1001&text=hi", "", "", 200, `"text":"hi"`},
		{"bad reply markup", "POST", "/bot" + token + "/sendMessage", "application/x-www-form-urlencoded",
			url.Values{"chat_id": {"1001"}, "text": {"hi"}, "reply_markup": {"{"}}.Encode(), 400,
			`{"ok":false,"error_code":400,"description":"Bad Request: can't parse reply keyboard markup JSON object"}`},
		{"missing chat", "POST", "/bot" + token + "/sendMessage", "application/x-www-form-urlencoded",
			"text=hi", 400, `"description":"Bad Request: chat_id is empty"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req, err := http.NewRequest(tc.method, srv.URL()+tc.path, strings.NewReader(tc.body))
			if err != nil {
				t.Fatal(err)
			}
			if tc.contentType != "" {
				req.Header.Set("Content-Type", tc.contentType)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != tc.status || !strings.Contains(string(body), tc.wantBody) {
				t.Errorf("got %d %s, want %d containing %s", resp.StatusCode, body, tc.status, tc.wantBody)
			}
			if ct := resp.Header.Get("Content-Type"); ct != "application/json" {
				t.Errorf("Content-Type = %q", ct)
			}
		})
	}
}

func TestGetChat(t *testing.T) {
	srv := newServer(t, telegramapi.Options{})
	addChats(srv, channelChat, userChat)
	bot := newBot(t, srv)

	chat, err := bot.GetChat(tgbotapi.ChatInfoConfig{ChatConfig: tgbotapi.ChatConfig{SuperGroupUsername: "@CRIER_news"}})
	if err != nil || chat.ID != channelChat.ID || chat.Title != "News" || chat.Type != "channel" {
		t.Errorf("GetChat(@CRIER_news) = %+v, %v", chat, err)
	}
	chat, err = bot.GetChat(tgbotapi.ChatInfoConfig{ChatConfig: tgbotapi.ChatConfig{ChatID: userChat.ID}})
	if err != nil || chat.FirstName != "Ann" || chat.Type != "private" {
		t.Errorf("GetChat(user) = %+v, %v", chat, err)
	}
	_, err = bot.GetChat(tgbotapi.ChatInfoConfig{ChatConfig: tgbotapi.ChatConfig{ChatID: 7}})
	if apiErr := asAPIError(t, err); apiErr.Code != 400 || apiErr.Message != "Bad Request: chat not found" {
		t.Errorf("GetChat(unknown) = %d %q", apiErr.Code, apiErr.Message)
	}
}

func TestUpdateChat(t *testing.T) {
	srv := newServer(t, telegramapi.Options{})
	addChats(srv, userChat)
	bot := newBot(t, srv)
	if _, err := bot.Send(htmlMessage(userChat.ID, "hi")); err != nil {
		t.Fatalf("Send before block: %v", err)
	}
	if !srv.UpdateChat(userChat.ID, func(c *telegramapi.Chat) { c.BotBlocked = true }) {
		t.Fatal("UpdateChat: chat not found")
	}
	_, err := bot.Send(htmlMessage(userChat.ID, "hi"))
	if apiErr := asAPIError(t, err); apiErr.Code != 403 {
		t.Errorf("Send after block = %d %q", apiErr.Code, apiErr.Message)
	}
	if srv.UpdateChat(99, func(*telegramapi.Chat) {}) {
		t.Error("UpdateChat of an unknown chat reported success")
	}
}

func TestGuessedChatType(t *testing.T) {
	srv := newServer(t, telegramapi.Options{})
	srv.AddChat(telegramapi.Chat{ID: -1001111111111, Title: "Big"})
	chat, err := newBot(t, srv).GetChat(tgbotapi.ChatInfoConfig{ChatConfig: tgbotapi.ChatConfig{ChatID: -1001111111111}})
	if err != nil || chat.Type != "supergroup" {
		t.Errorf("GetChat = %+v, %v; want a supergroup", chat, err)
	}
}

func TestRequestsRecorded(t *testing.T) {
	srv := newServer(t, telegramapi.Options{})
	addChats(srv, userChat)
	bot := newBot(t, srv)
	_, _ = bot.Send(htmlMessage(userChat.ID, "<b>x"))

	reqs := srv.Requests()
	if len(reqs) != 2 {
		t.Fatalf("Requests = %+v, want getMe and sendMessage", reqs)
	}
	r := reqs[1]
	if r.Method != "sendMessage" || r.Status != 400 || r.Params["text"] != "<b>x" || r.Params["chat_id"] != "1001" ||
		!strings.HasPrefix(r.Description, "Bad Request: can't parse entities") {
		t.Errorf("request = %+v", r)
	}
	r.Params["text"] = "changed"
	if srv.Requests()[1].Params["text"] != "<b>x" {
		t.Error("Requests returned shared maps")
	}
}

func TestConcurrentSends(t *testing.T) {
	srv := newServer(t, telegramapi.Options{Limits: telegramapi.Limits{Disabled: true}})
	addChats(srv, channelChat)
	bot := newBot(t, srv)
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			if _, err := bot.Send(htmlMessage(channelChat.ID, "x")); err != nil {
				t.Errorf("Send: %v", err)
			}
			_ = srv.Messages(channelChat.ID)
			_ = srv.Requests()
		})
	}
	wg.Wait()
	seen := map[int]bool{}
	for _, m := range srv.Messages(channelChat.ID) {
		seen[m.MessageID] = true
	}
	if len(seen) != 20 {
		t.Errorf("%d distinct message ids, want 20", len(seen))
	}
}
