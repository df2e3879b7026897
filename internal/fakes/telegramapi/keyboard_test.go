package telegramapi_test

import (
	"cmp"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/crierhq/crier/internal/fakes/telegramapi"
)

// keyboard is a reply_markup with one row of callback buttons, labels and
// data alike.
func keyboard(data ...string) string {
	var buttons []string
	for _, d := range data {
		buttons = append(buttons, `{"text":"`+d+`","callback_data":"`+d+`"}`)
	}
	return `{"inline_keyboard":[[` + strings.Join(buttons, ",") + `]]}`
}

// sendKeyboard sends a message with reply_markup to the user's chat, as a
// form, and returns the answer.
func sendKeyboard(t *testing.T, srv *telegramapi.Server, method, markup string) (int, answer) {
	t.Helper()
	args := url.Values{"chat_id": {"1001"}, "reply_markup": {markup}}
	if method == "sendPhoto" {
		args.Set("photo", images(t).URL+"/p.jpg")
	} else {
		args.Set("text", "pick")
	}
	return call(t, srv, method, args)
}

func TestInlineKeyboardValidation(t *testing.T) {
	data64 := strings.Repeat("d", 64)
	cyrillic32 := strings.Repeat("я", 32) // 64 bytes
	const textButtons = "Bad Request: can't parse InlineKeyboardButton: Text buttons are not allowed in the inline keyboard"
	tests := []struct {
		name, method, markup string
		desc                 string     // the error; "" for success
		buttons              [][]string // text and callback_data of each, on success
	}{
		{"callback buttons", "sendMessage", `{"inline_keyboard":[[{"text":"Yes","callback_data":"y"},` +
			`{"text":"No","callback_data":"n"}],[{"text":"More","callback_data":"more"}]]}`, "",
			[][]string{{"Yes", "y", "No", "n"}, {"More", "more"}}},
		{"64 bytes of data", "sendMessage", keyboard(data64), "", [][]string{{data64, data64}}},
		{"64 bytes of Cyrillic data", "sendMessage", keyboard(cyrillic32), "", [][]string{{cyrillic32, cyrillic32}}},
		{"a number as a string", "sendMessage", `{"inline_keyboard":[[{"text":1,"callback_data":2}]]}`, "",
			[][]string{{"1", "2"}}},
		{"empty rows are dropped", "sendMessage", `{"inline_keyboard":[[],[{"text":"a","callback_data":"a"}],[]]}`, "",
			[][]string{{"a", "a"}}},
		{"no rows at all", "sendMessage", `{"inline_keyboard":[]}`, "", nil},
		{"a reply keyboard is no inline keyboard", "sendMessage", `{"keyboard":[["a"]],"resize_keyboard":true}`, "", nil},
		{"keyboard on a photo", "sendPhoto", keyboard("a"), "", [][]string{{"a", "a"}}},

		{"bad JSON", "sendMessage", `{"inline_keyboard":`, "Bad Request: can't parse reply keyboard markup JSON object", nil},
		{"not an object", "sendMessage", `[[{"text":"a","callback_data":"a"}]]`,
			"Bad Request: object expected as reply markup", nil},
		{"keyboard is null", "sendMessage", `{"inline_keyboard":null}`,
			`Bad Request: field "inline_keyboard" must be of type Array`, nil},
		{"row is no array", "sendMessage", `{"inline_keyboard":[{"text":"a","callback_data":"a"}]}`,
			`Bad Request: field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays`, nil},
		{"button is no object", "sendMessage", `{"inline_keyboard":[["a"]]}`,
			"Bad Request: can't parse InlineKeyboardButton: InlineKeyboardButton must be an Object", nil},
		{"no text", "sendMessage", `{"inline_keyboard":[[{"callback_data":"a"}]]}`,
			`Bad Request: can't parse InlineKeyboardButton: Can't find field "text"`, nil},
		{"text not a string", "sendMessage", `{"inline_keyboard":[[{"text":true,"callback_data":"a"}]]}`,
			`Bad Request: can't parse InlineKeyboardButton: Field "text" must be of type String`, nil},
		{"text only", "sendMessage", `{"inline_keyboard":[[{"text":"a"}]]}`, textButtons, nil},
		{"empty callback_data", "sendMessage", `{"inline_keyboard":[[{"text":"a","callback_data":""}]]}`, textButtons, nil},
		{"two actions", "sendMessage", `{"inline_keyboard":[[{"text":"a","callback_data":"a","url":"https://e.com"}]]}`,
			"Bad Request: can't parse InlineKeyboardButton: telegramapi fake: a button must have exactly one action, " +
				"not url and callback_data", nil},
		{"blank text", "sendMessage", `{"inline_keyboard":[[{"text":" ","callback_data":"a"}]]}`,
			"Bad Request: BUTTON_TEXT_INVALID", nil},
		{"65 bytes of data", "sendMessage", keyboard(data64 + "d"), "Bad Request: BUTTON_DATA_INVALID", nil},
		{"66 bytes of Cyrillic data", "sendMessage", keyboard(cyrillic32 + "я"), "Bad Request: BUTTON_DATA_INVALID", nil},
		{"bad data in the second row", "sendMessage",
			`{"inline_keyboard":[[{"text":"a","callback_data":"a"}],[{"text":"b","callback_data":"` + data64 + `b"}]]}`,
			"Bad Request: BUTTON_DATA_INVALID", nil},
		{"bad data on a photo", "sendPhoto", keyboard(data64 + "d"), "Bad Request: BUTTON_DATA_INVALID", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv := newServer(t, telegramapi.Options{})
			addChats(srv, userChat)
			status, a := sendKeyboard(t, srv, tc.method, tc.markup)
			msgs := srv.Messages(userChat.ID)
			if tc.desc != "" {
				if status != http.StatusBadRequest || a.ErrorCode != 400 || a.Description != tc.desc {
					t.Errorf("answer = %d %d %q, want 400 %q", status, a.ErrorCode, a.Description, tc.desc)
				}
				if len(msgs) != 0 {
					t.Errorf("%d messages recorded for a refused send", len(msgs))
				}
				return
			}
			if status != http.StatusOK || len(msgs) != 1 {
				t.Fatalf("answer = %d %q, %d messages; want success", status, a.Description, len(msgs))
			}
			if msgs[0].ReplyMarkup != tc.markup {
				t.Errorf("ReplyMarkup = %s, want it as sent", msgs[0].ReplyMarkup)
			}
			var got [][]string
			for _, row := range msgs[0].Buttons() {
				var r []string
				for _, b := range row {
					if b.Action != "callback_data" || b.URL != "" {
						t.Errorf("button %+v", b)
					}
					r = append(r, b.Text, b.CallbackData)
				}
				got = append(got, r)
			}
			if !reflect.DeepEqual(got, tc.buttons) {
				t.Errorf("Buttons = %q, want %q", got, tc.buttons)
			}
		})
	}
}

// A sent message shows its keyboard as Telegram keeps it: each button with
// the action it kept, empty rows gone, reply keyboards not at all.
func TestSentKeyboardJSON(t *testing.T) {
	tests := []struct{ name, markup, want string }{
		{"callback and url buttons",
			`{"inline_keyboard": [[{"text":"A","callback_data":"a","url":""}],[],` +
				`[{"url":"https://e.com","text":"B","pay":false},{"text":"C","web_app":{"url":"https://e.com/app"}}]]}`,
			`"reply_markup":{"inline_keyboard":[[{"text":"A","callback_data":"a"}],` +
				`[{"text":"B","url":"https://e.com"},{"text":"C","web_app":{"url":"https://e.com/app"}}]]}`},
		{"no rows", `{"inline_keyboard":[[]]}`, ""},
		{"reply keyboard", `{"keyboard":[["a"]]}`, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv := newServer(t, telegramapi.Options{})
			addChats(srv, userChat)
			status, a := sendKeyboard(t, srv, "sendMessage", tc.markup)
			if status != http.StatusOK {
				t.Fatalf("sendMessage = %d %q", status, a.Description)
			}
			got := string(a.Result)
			if tc.want == "" && strings.Contains(got, "reply_markup") || !strings.Contains(got, tc.want) {
				t.Errorf("result = %s, want %s", got, cmp.Or(tc.want, "no reply_markup"))
			}
			b := srv.Messages(userChat.ID)[0].Buttons()
			if tc.want == "" && b != nil {
				t.Errorf("Buttons = %+v, want none", b)
			}
			if tc.want != "" && (len(b) != 2 || b[1][0] != (telegramapi.Button{Text: "B", Action: "url", URL: "https://e.com"}) ||
				b[1][1].Action != "web_app") {
				t.Errorf("Buttons = %+v", b)
			}
		})
	}
}
