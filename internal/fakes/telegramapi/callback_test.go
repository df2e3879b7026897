package telegramapi_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"testing"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/crierhq/crier/internal/fakes/telegramapi"
)

const (
	errQueryInvalid = "Bad Request: query is too old and response timeout expired or query ID is invalid"
	errNotModified  = "Bad Request: message is not modified: specified new message content and reply markup " +
		"are exactly the same as a current content and reply markup of the message"
)

// sendWithKeyboard has the bot send text with reply_markup markup to chatID
// and returns the message_id.
func sendWithKeyboard(t *testing.T, srv *telegramapi.Server, chatID int64, text, markup string) int {
	t.Helper()
	args := url.Values{"chat_id": {strconv.FormatInt(chatID, 10)}, "text": {text}}
	if markup != "" {
		args.Set("reply_markup", markup)
	}
	var m struct {
		MessageID int `json:"message_id"`
	}
	if err := json.Unmarshal(mustCall(t, srv, "sendMessage", args).Result, &m); err != nil {
		t.Fatal(err)
	}
	return m.MessageID
}

// The exact JSON of a callback query: the message comes as the bot sent
// it, keyboard included.
func TestCallbackQueryJSON(t *testing.T) {
	clk := newClock()
	date := clk.Now().Unix()
	markup := `{"inline_keyboard":[[{"text":"Yes","callback_data":"y"},{"text":"Site","url":"https://e.com"}]]}`
	tests := []struct {
		name string
		chat telegramapi.Chat
		from telegramapi.User
		want string // with %d for the date and %s for chat_instance
	}{
		{"private chat", userChat, ann, `{"update_id":100000001,"callback_query":{"id":"4382000000000000001",` +
			`"from":{"id":1001,"is_bot":false,"first_name":"Ann","username":"ann","language_code":"en"},` +
			`"message":{"message_id":1,"from":{"id":123456,"is_bot":true,"first_name":"Crier","username":"crier_fake_bot"},` +
			`"date":%d,"chat":{"id":1001,"type":"private","username":"ann","first_name":"Ann"},"text":"pick",` +
			`"reply_markup":{"inline_keyboard":[[{"text":"Yes","callback_data":"y"},{"text":"Site","url":"https://e.com"}]]}},` +
			`"chat_instance":"%s","data":"y"}}`},
		{"channel post", channelChat, bob, `{"update_id":100000001,"callback_query":{"id":"4382000000000000001",` +
			`"from":{"id":1002,"is_bot":false,"first_name":"Bob"},` +
			`"message":{"message_id":1,"sender_chat":{"id":-1001234567890,"type":"channel","title":"News","username":"crier_news"},` +
			`"date":%d,"chat":{"id":-1001234567890,"type":"channel","title":"News","username":"crier_news"},"text":"pick",` +
			`"reply_markup":{"inline_keyboard":[[{"text":"Yes","callback_data":"y"},{"text":"Site","url":"https://e.com"}]]}},` +
			`"chat_instance":"%s","data":"y"}}`},
	}
	instances := map[string]bool{}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv := newServer(t, telegramapi.Options{Now: clk.Now})
			addChats(srv, tc.chat)
			msgID := sendWithKeyboard(t, srv, tc.chat.ID, "pick", markup)
			id := srv.PushCallbackQuery(tc.chat.ID, tc.from, msgID, "y")
			if id != "4382000000000000001" {
				t.Errorf("query id = %q", id)
			}
			var ups []struct {
				CallbackQuery struct {
					ChatInstance string `json:"chat_instance"`
				} `json:"callback_query"`
			}
			a := mustCall(t, srv, "getUpdates", nil)
			if err := json.Unmarshal(a.Result, &ups); err != nil || len(ups) != 1 {
				t.Fatalf("getUpdates = %s, %v", a.Result, err)
			}
			instance := ups[0].CallbackQuery.ChatInstance
			if want := fmt.Sprintf("["+tc.want+"]", date, instance); string(a.Result) != want {
				t.Errorf("result =\n%s\nwant\n%s", a.Result, want)
			}
			if instance == "" || instances[instance] {
				t.Errorf("chat_instance %q is empty or another chat's", instance)
			}
			instances[instance] = true

			// The chat_instance is the chat's, whoever presses.
			srv.PushCallbackQuery(tc.chat.ID, tc.from, msgID, "y")
			ups = nil
			if err := json.Unmarshal(mustCall(t, srv, "getUpdates", url.Values{"offset": {"-1"}}).Result, &ups); err != nil ||
				len(ups) != 1 || ups[0].CallbackQuery.ChatInstance != instance {
				t.Errorf("second query: %+v, %v; want chat_instance %q", ups, err, instance)
			}
		})
	}
}

func TestAnswerCallbackQuery(t *testing.T) {
	type try struct {
		args url.Values // "{id}" stands for the pushed query's id
		desc string     // "" for success
	}
	long := strings.Repeat("я", 200)
	tests := []struct {
		name  string
		tries []try
		want  []telegramapi.CallbackAnswer // QueryID "{id}" too
	}{
		{"answer", []try{{url.Values{"callback_query_id": {"{id}"}, "text": {"Saved"}}, ""}},
			[]telegramapi.CallbackAnswer{{QueryID: "{id}", Text: "Saved"}}},
		{"no text", []try{{url.Values{"callback_query_id": {"{id}"}}, ""}},
			[]telegramapi.CallbackAnswer{{QueryID: "{id}"}}},
		{"alert, url and cache time", []try{{url.Values{"callback_query_id": {"{id}"}, "text": {"Careful"},
			"show_alert": {"true"}, "url": {"https://t.me/crier_fake_bot?start=x"}, "cache_time": {"30"}}, ""}},
			[]telegramapi.CallbackAnswer{{QueryID: "{id}", Text: "Careful", ShowAlert: true,
				URL: "https://t.me/crier_fake_bot?start=x", CacheTime: 30}}},
		{"200 characters", []try{{url.Values{"callback_query_id": {"{id}"}, "text": {long}}, ""}},
			[]telegramapi.CallbackAnswer{{QueryID: "{id}", Text: long}}},
		{"201 characters, then a shorter answer", []try{
			{url.Values{"callback_query_id": {"{id}"}, "text": {long + "я"}}, "Bad Request: MESSAGE_TOO_LONG"},
			{url.Values{"callback_query_id": {"{id}"}, "text": {"ok"}}, ""},
		}, []telegramapi.CallbackAnswer{{QueryID: "{id}", Text: "ok"}}},
		{"answered twice", []try{
			{url.Values{"callback_query_id": {"{id}"}, "text": {"first"}}, ""},
			{url.Values{"callback_query_id": {"{id}"}, "text": {"second"}}, errQueryInvalid},
		}, []telegramapi.CallbackAnswer{{QueryID: "{id}", Text: "first"}}},
		{"unknown id", []try{{url.Values{"callback_query_id": {"4382000000000000002"}}, errQueryInvalid}}, nil},
		{"no id", []try{{url.Values{"text": {"hi"}}, errQueryInvalid}}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv := newServer(t, telegramapi.Options{})
			addChats(srv, userChat)
			msgID := sendWithKeyboard(t, srv, userChat.ID, "pick", keyboard("a"))
			id := srv.PushCallbackQuery(userChat.ID, ann, msgID, "a")
			for i, try := range tc.tries {
				args := url.Values{}
				for k, v := range try.args {
					args.Set(k, strings.ReplaceAll(v[0], "{id}", id))
				}
				status, a := call(t, srv, "answerCallbackQuery", args)
				switch {
				case try.desc == "" && (status != http.StatusOK || string(a.Result) != "true"):
					t.Errorf("answer %d = %d %q %s, want true", i, status, a.Description, a.Result)
				case try.desc != "" && (status != http.StatusBadRequest || a.Description != try.desc):
					t.Errorf("answer %d = %d %q, want 400 %q", i, status, a.Description, try.desc)
				}
			}
			want := tc.want
			for i := range want {
				want[i].QueryID = id
			}
			if got := srv.CallbackAnswers(); !reflect.DeepEqual(got, want) {
				t.Errorf("CallbackAnswers = %+v, want %+v", got, want)
			}
		})
	}
}

// A callback query is an update like any other: allowed_updates may leave
// it out, and then there is no query to answer.
func TestCallbackQueryAllowedUpdates(t *testing.T) {
	srv := newServer(t, telegramapi.Options{})
	addChats(srv, userChat)
	msgID := sendWithKeyboard(t, srv, userChat.ID, "pick", keyboard("a"))
	mustCall(t, srv, "getUpdates", url.Values{"allowed_updates": {`["message"]`}})
	if id := srv.PushCallbackQuery(userChat.ID, ann, msgID, "a"); id != "" || srv.PendingUpdates() != 0 {
		t.Errorf("filtered query = %q, %d pending; want none", id, srv.PendingUpdates())
	}
	mustCall(t, srv, "getUpdates", url.Values{"allowed_updates": {`["callback_query"]`}})
	id := srv.PushCallbackQuery(userChat.ID, ann, msgID, "a")
	ups := updates(t, mustCall(t, srv, "getUpdates", nil))
	if id == "" || len(ups) != 1 || ups[0].kind() != "callback_query" {
		t.Errorf("query %q, updates %+v", id, ups)
	}
}

// Presses that no Telegram chat could produce are mistakes in the test.
func TestPushCallbackQueryMistakesPanic(t *testing.T) {
	tests := []struct {
		name string
		push func(srv *telegramapi.Server, botMsg, userMsg int)
	}{
		{"unknown chat", func(srv *telegramapi.Server, m, _ int) { srv.PushCallbackQuery(42, ann, m, "a") }},
		{"someone else's private chat", func(srv *telegramapi.Server, m, _ int) {
			srv.PushCallbackQuery(userChat.ID, bob, m, "a")
		}},
		{"no such message", func(srv *telegramapi.Server, m, _ int) { srv.PushCallbackQuery(userChat.ID, ann, m+5, "a") }},
		{"the bot's message in another chat", func(srv *telegramapi.Server, m, _ int) {
			srv.PushCallbackQuery(groupChat.ID, ann, m, "a")
		}},
		{"the user's own message", func(srv *telegramapi.Server, _, u int) {
			srv.PushCallbackQuery(userChat.ID, ann, u, "a")
		}},
		{"data of no button", func(srv *telegramapi.Server, m, _ int) { srv.PushCallbackQuery(userChat.ID, ann, m, "b") }},
		{"a URL button's link", func(srv *telegramapi.Server, m, _ int) {
			srv.PushCallbackQuery(userChat.ID, ann, m, "https://e.com")
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv := newServer(t, telegramapi.Options{})
			addChats(srv, userChat, groupChat)
			botMsg := sendWithKeyboard(t, srv, userChat.ID, "pick",
				`{"inline_keyboard":[[{"text":"A","callback_data":"a"},{"text":"Site","url":"https://e.com"}]]}`)
			srv.PushMessage(userChat.ID, ann, "hello")
			defer func() {
				if recover() == nil {
					t.Error("no panic")
				}
				if n := srv.PendingUpdates(); n != 1 { // and the server is still usable
					t.Errorf("%d updates queued, want only the user's message", n)
				}
			}()
			tc.push(srv, botMsg, botMsg+1)
		})
	}
}

func TestEditMessageReplyMarkup(t *testing.T) {
	original := keyboard("a", "b")
	tests := []struct {
		name string
		args url.Values
		desc string // "" for success
		// want is the first message's reply_markup in the result, "" for
		// none; markup is its ReplyMarkup afterwards.
		want, markup string
	}{
		{"new keyboard", url.Values{"chat_id": {"1001"}, "message_id": {"1"}, "reply_markup": {keyboard("c")}}, "",
			`{"inline_keyboard":[[{"text":"c","callback_data":"c"}]]}`, keyboard("c")},
		{"keyboard removed", url.Values{"chat_id": {"1001"}, "message_id": {"1"}, "reply_markup": {`{"inline_keyboard":[]}`}},
			"", "", `{"inline_keyboard":[]}`},
		{"no reply_markup removes it too", url.Values{"chat_id": {"1001"}, "message_id": {"1"}}, "", "", ""},
		{"same keyboard", url.Values{"chat_id": {"1001"}, "message_id": {"1"}, "reply_markup": {original}},
			errNotModified, "", original},
		{"same keyboard written otherwise", url.Values{"chat_id": {"1001"}, "message_id": {"1"}, "reply_markup": {
			` { "inline_keyboard" : [[{"callback_data":"a","text":"a"},{"text":"b","callback_data":"b","url":""}],[]]}`}},
			errNotModified, "", original},
		{"unknown message", url.Values{"chat_id": {"1001"}, "message_id": {"9"}, "reply_markup": {keyboard("c")}},
			"Bad Request: message to edit not found", "", original},
		{"no message_id", url.Values{"chat_id": {"1001"}, "reply_markup": {keyboard("c")}},
			"Bad Request: message to edit not found", "", original},
		{"the user's message", url.Values{"chat_id": {"1001"}, "message_id": {"2"}, "reply_markup": {keyboard("c")}},
			"Bad Request: message can't be edited", "", original},
		{"unknown chat", url.Values{"chat_id": {"42"}, "message_id": {"1"}, "reply_markup": {keyboard("c")}},
			"Bad Request: chat not found", "", original},
		{"no chat or message", url.Values{"reply_markup": {keyboard("c")}},
			"Bad Request: message identifier is not specified", "", original},
		{"inline message", url.Values{"inline_message_id": {"AAAA"}, "reply_markup": {keyboard("c")}},
			"Bad Request: MESSAGE_ID_INVALID", "", original},
		{"bad JSON", url.Values{"chat_id": {"1001"}, "message_id": {"1"}, "reply_markup": {"{"}},
			"Bad Request: can't parse reply keyboard markup JSON object", "", original},
		{"65 bytes of data", url.Values{"chat_id": {"1001"}, "message_id": {"1"},
			"reply_markup": {keyboard(strings.Repeat("d", 65))}}, "Bad Request: BUTTON_DATA_INVALID", "", original},
		{"text button", url.Values{"chat_id": {"1001"}, "message_id": {"1"},
			"reply_markup": {`{"inline_keyboard":[[{"text":"a"}]]}`}},
			"Bad Request: can't parse InlineKeyboardButton: Text buttons are not allowed in the inline keyboard", "", original},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv := newServer(t, telegramapi.Options{})
			addChats(srv, userChat)
			sendWithKeyboard(t, srv, userChat.ID, "pick", original) // message 1
			srv.PushMessage(userChat.ID, ann, "hello")              // message 2

			status, a := call(t, srv, "editMessageReplyMarkup", tc.args)
			if tc.desc != "" {
				if status != http.StatusBadRequest || a.Description != tc.desc {
					t.Errorf("answer = %d %q, want 400 %q", status, a.Description, tc.desc)
				}
			} else {
				var m struct {
					MessageID   int             `json:"message_id"`
					Text        string          `json:"text"`
					ReplyMarkup json.RawMessage `json:"reply_markup"`
				}
				if err := json.Unmarshal(a.Result, &m); status != http.StatusOK || err != nil {
					t.Fatalf("answer = %d %q %s, %v", status, a.Description, a.Result, err)
				}
				if m.MessageID != 1 || m.Text != "pick" || string(m.ReplyMarkup) != tc.want {
					t.Errorf("result = %s, want message 1 with reply_markup %s", a.Result, tc.want)
				}
			}
			msgs := srv.Messages(userChat.ID)
			if len(msgs) != 1 || msgs[0].ReplyMarkup != tc.markup {
				t.Fatalf("Messages = %+v, want one with ReplyMarkup %s", msgs, tc.markup)
			}
		})
	}
}

// Adding a keyboard to a message without one, and taking away one it does
// not have.
func TestEditMessageWithoutKeyboard(t *testing.T) {
	srv := newServer(t, telegramapi.Options{})
	addChats(srv, userChat)
	id := strconv.Itoa(sendWithKeyboard(t, srv, userChat.ID, "plain", ""))
	status, a := call(t, srv, "editMessageReplyMarkup", url.Values{"chat_id": {"1001"}, "message_id": {id},
		"reply_markup": {`{"inline_keyboard":[]}`}})
	if status != http.StatusBadRequest || a.Description != errNotModified {
		t.Errorf("removing no keyboard = %d %q, want 400 %q", status, a.Description, errNotModified)
	}
	mustCall(t, srv, "editMessageReplyMarkup", url.Values{"chat_id": {"1001"}, "message_id": {id},
		"reply_markup": {keyboard("a")}})
	if b := srv.Messages(userChat.ID)[0].Buttons(); len(b) != 1 || b[0][0].CallbackData != "a" {
		t.Errorf("Buttons = %+v after adding a keyboard", b)
	}
}

// Users press the buttons a message has now: a callback query carries the
// edited keyboard, and the old buttons are gone.
func TestCallbackQueryAfterEdit(t *testing.T) {
	srv := newServer(t, telegramapi.Options{})
	addChats(srv, userChat)
	msgID := sendWithKeyboard(t, srv, userChat.ID, "pick", keyboard("a"))
	mustCall(t, srv, "editMessageReplyMarkup", url.Values{"chat_id": {"1001"}, "message_id": {strconv.Itoa(msgID)},
		"reply_markup": {keyboard("b")}})
	srv.PushCallbackQuery(userChat.ID, ann, msgID, "b")
	ups := updates(t, mustCall(t, srv, "getUpdates", nil))
	if len(ups) != 1 || !strings.Contains(string(ups[0].CallbackQuery),
		`"reply_markup":{"inline_keyboard":[[{"text":"b","callback_data":"b"}]]}`) {
		t.Errorf("updates = %s", ups[0].CallbackQuery)
	}
	defer func() {
		if recover() == nil {
			t.Error("pressing a button the edit took away did not panic")
		}
	}()
	srv.PushCallbackQuery(userChat.ID, ann, msgID, "a")
}

// The whole round with go-telegram-bot-api: a keyboard sent, a button
// pressed, the press answered, the keyboard edited. Answers and edits do
// not count against the sending limits.
func TestKeyboardRoundWithTgbotapi(t *testing.T) {
	clk := newClock()
	srv := newServer(t, telegramapi.Options{Now: clk.Now, Limits: telegramapi.Limits{PerChatBurst: 2}})
	addChats(srv, userChat)
	bot := newBot(t, srv)

	msg := tgbotapi.NewMessage(userChat.ID, "Subscribe?")
	msg.ReplyMarkup = tgbotapi.NewInlineKeyboardMarkup(tgbotapi.NewInlineKeyboardRow(
		tgbotapi.NewInlineKeyboardButtonData("Yes", "sub:yes"),
		tgbotapi.NewInlineKeyboardButtonURL("About", "https://example.com/about"),
	))
	sent, err := bot.Send(msg)
	if err != nil {
		t.Fatalf("Send: %v", err)
	}
	if b := srv.Messages(userChat.ID)[0].Buttons(); len(b) != 1 || len(b[0]) != 2 ||
		b[0][0] != (telegramapi.Button{Text: "Yes", Action: "callback_data", CallbackData: "sub:yes"}) ||
		b[0][1] != (telegramapi.Button{Text: "About", Action: "url", URL: "https://example.com/about"}) {
		t.Errorf("Buttons = %+v", b)
	}

	id := srv.PushCallbackQuery(userChat.ID, ann, sent.MessageID, "sub:yes")
	ups, err := bot.GetUpdates(tgbotapi.NewUpdate(0))
	if err != nil || len(ups) != 1 || ups[0].CallbackQuery == nil {
		t.Fatalf("GetUpdates = %+v, %v", ups, err)
	}
	cq := ups[0].CallbackQuery
	if cq.ID != id || cq.Data != "sub:yes" || cq.From.ID != ann.ID || cq.ChatInstance == "" || cq.Message == nil ||
		cq.Message.MessageID != sent.MessageID || cq.Message.Chat.ID != userChat.ID || cq.Message.ReplyMarkup == nil ||
		*cq.Message.ReplyMarkup.InlineKeyboard[0][0].CallbackData != "sub:yes" {
		t.Errorf("callback query = %+v, message %+v", cq, cq.Message)
	}

	if _, err := bot.Request(tgbotapi.NewCallback(cq.ID, "Subscribed")); err != nil {
		t.Errorf("answer: %v", err)
	}
	_, err = bot.Request(tgbotapi.NewCallback(cq.ID, "Again"))
	if e := asAPIError(t, err); e.Code != 400 || e.Message != errQueryInvalid {
		t.Errorf("second answer: %d %q", e.Code, e.Message)
	}
	want := []telegramapi.CallbackAnswer{{QueryID: id, Text: "Subscribed"}}
	if got := srv.CallbackAnswers(); !reflect.DeepEqual(got, want) {
		t.Errorf("CallbackAnswers = %+v, want %+v", got, want)
	}

	done := tgbotapi.NewInlineKeyboardMarkup(tgbotapi.NewInlineKeyboardRow(
		tgbotapi.NewInlineKeyboardButtonData("Unsubscribe", "sub:no")))
	resp, err := bot.Request(tgbotapi.NewEditMessageReplyMarkup(userChat.ID, sent.MessageID, done))
	if err != nil {
		t.Fatalf("edit: %v", err)
	}
	var edited tgbotapi.Message
	if err := json.Unmarshal(resp.Result, &edited); err != nil || edited.MessageID != sent.MessageID ||
		edited.Text != "Subscribe?" || edited.ReplyMarkup == nil ||
		*edited.ReplyMarkup.InlineKeyboard[0][0].CallbackData != "sub:no" {
		t.Errorf("edited message = %+v, %v", edited, err)
	}
	_, err = bot.Request(tgbotapi.NewEditMessageReplyMarkup(userChat.ID, sent.MessageID, done))
	if e := asAPIError(t, err); e.Code != 400 || e.Message != errNotModified {
		t.Errorf("same edit again: %d %q", e.Code, e.Message)
	}
	if b := srv.Messages(userChat.ID)[0].Buttons(); len(b) != 1 || b[0][0].CallbackData != "sub:no" {
		t.Errorf("Buttons after the edit = %+v", b)
	}
	// tgbotapi writes a keyboard of no rows as null, which Telegram refuses;
	// an empty list of rows removes the keyboard.
	_, err = bot.Request(tgbotapi.NewEditMessageReplyMarkup(userChat.ID, sent.MessageID, tgbotapi.NewInlineKeyboardMarkup()))
	if e := asAPIError(t, err); e.Message != `Bad Request: field "inline_keyboard" must be of type Array` {
		t.Errorf("null keyboard: %d %q", e.Code, e.Message)
	}
	none := tgbotapi.InlineKeyboardMarkup{InlineKeyboard: [][]tgbotapi.InlineKeyboardButton{}}
	if _, err := bot.Request(tgbotapi.NewEditMessageReplyMarkup(userChat.ID, sent.MessageID, none)); err != nil {
		t.Errorf("removing the keyboard: %v", err)
	}
	if b := srv.Messages(userChat.ID)[0].Buttons(); b != nil {
		t.Errorf("Buttons after removal = %+v", b)
	}

	// The clock has not moved: the burst of two has one message left,
	// whatever the answers and edits did.
	if _, err := bot.Send(tgbotapi.NewMessage(userChat.ID, "second")); err != nil {
		t.Errorf("second message: %v", err)
	}
	_, err = bot.Send(tgbotapi.NewMessage(userChat.ID, "third"))
	if e := asAPIError(t, err); e.Code != http.StatusTooManyRequests {
		t.Errorf("third message: %d %q, want 429", e.Code, e.Message)
	}
}
