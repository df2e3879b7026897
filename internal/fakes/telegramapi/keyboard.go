package telegramapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// maxCallbackData is the most bytes a button's callback_data may hold.
// Specs: https://core.telegram.org/bots/api#inlinekeyboardbutton
const maxCallbackData = 64

// buttonActions are the fields that give an inline button its action, in
// the order the Bot API reads them: when a button has several, Telegram keeps
// the first (this fake refuses such a button, see parseButton).
var buttonActions = []string{
	"url", "callback_data", "callback_game", "pay", "switch_inline_query", "switch_inline_query_chosen_chat",
	"switch_inline_query_current_chat", "login_url", "web_app", "copy_text",
}

// Button is one button of an inline keyboard, as Telegram keeps it: its
// label and its one action.
type Button struct {
	Text string
	// Action names the action by its field: "callback_data", "url",
	// "web_app", "switch_inline_query" and so on.
	Action string
	// CallbackData is the data of a callback_data button: what a
	// callback query for it carries (see PushCallbackQuery).
	CallbackData string
	// URL is the link of a url button.
	URL string
}

// Buttons returns the message's inline keyboard, row by row, or nil when
// it has none (a reply keyboard is not the message's).
func (m Message) Buttons() [][]Button {
	rows, _ := parseReplyMarkup(m.ReplyMarkup)
	var out [][]Button
	for _, row := range rows {
		r := make([]Button, len(row))
		for i, b := range row {
			r[i] = b.Button
		}
		out = append(out, r)
	}
	return out
}

// inlineButton is a Button with its action's value as JSON, so that the
// keyboard can be given back as Telegram gives it.
type inlineButton struct {
	Button
	value json.RawMessage
}

// parseReplyMarkup reads a reply_markup argument the way the Bot API does
// before it sends anything to Telegram, and returns its inline keyboard:
// nil when there is no argument, when the markup is another kind (a reply
// keyboard, remove_keyboard, force_reply) or when every row is empty.
// Errors are the Bot API's; the errors Telegram's servers add are
// checkButtons'.
func parseReplyMarkup(raw string) ([][]inlineButton, *apiError) {
	if raw == "" {
		return nil, nil
	}
	v, err := decodeJSON(raw)
	if err != nil {
		return nil, badRequest("can't parse reply keyboard markup JSON object")
	}
	markup, ok := v.(map[string]any)
	if !ok {
		return nil, badRequest("object expected as reply markup")
	}
	keyboard, ok := markup["inline_keyboard"]
	if !ok {
		return nil, nil
	}
	rows, ok := keyboard.([]any)
	if !ok {
		return nil, badRequest(`field "inline_keyboard" must be of type Array`)
	}
	var out [][]inlineButton
	for _, row := range rows {
		buttons, ok := row.([]any)
		if !ok {
			return nil, badRequest(`field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays`)
		}
		var r []inlineButton
		for _, b := range buttons {
			button, err := parseButton(b)
			if err != nil {
				return nil, badRequest("can't parse InlineKeyboardButton: %s", err)
			}
			r = append(r, button)
		}
		if len(r) > 0 { // Telegram drops empty rows
			out = append(out, r)
		}
	}
	return out, nil
}

// parseButton reads one InlineKeyboardButton. Like the Bot API it takes a
// number where a string is expected, and an empty url or callback_data as
// no action at all. Unlike it, it refuses a button with several actions,
// which the docs forbid but Telegram takes as the first of them.
func parseButton(v any) (inlineButton, error) {
	object, ok := v.(map[string]any)
	if !ok {
		return inlineButton{}, errors.New("InlineKeyboardButton must be an Object")
	}
	text, problem := stringField(object, "text")
	if problem != "" {
		return inlineButton{}, errors.New(problem)
	}
	var found []inlineButton
	for _, action := range buttonActions {
		value, present := object[action]
		if !present || value == nil || value == false {
			continue
		}
		b := inlineButton{Button: Button{Text: text, Action: action}}
		switch action {
		case "url", "callback_data", "switch_inline_query", "switch_inline_query_current_chat":
			s, problem := stringField(object, action)
			if problem != "" {
				return inlineButton{}, errors.New(problem)
			}
			if s == "" && (action == "url" || action == "callback_data") {
				continue
			}
			switch action {
			case "url":
				b.URL = s
			case "callback_data":
				b.CallbackData = s
			}
			b.value, _ = json.Marshal(s)
		default:
			b.value, _ = json.Marshal(value)
		}
		found = append(found, b)
	}
	switch len(found) {
	case 0:
		return inlineButton{}, errors.New("Text buttons are not allowed in the inline keyboard")
	case 1:
		return found[0], nil
	}
	names := make([]string, len(found))
	for i, b := range found {
		names[i] = b.Action
	}
	return inlineButton{}, fmt.Errorf("telegramapi fake: a button must have exactly one action, not %s",
		strings.Join(names, " and "))
}

// checkButtons refuses what Telegram's servers refuse in a keyboard the
// Bot API could read: a blank label, callback data that is not 1-64 bytes.
func checkButtons(rows [][]inlineButton) *apiError {
	for _, row := range rows {
		for _, b := range row {
			if strings.TrimSpace(b.Text) == "" {
				return badRequest("BUTTON_TEXT_INVALID")
			}
			if b.Action == "callback_data" && len(b.CallbackData) > maxCallbackData {
				return badRequest("BUTTON_DATA_INVALID")
			}
		}
	}
	return nil
}

// markupJSON is an inline keyboard as Telegram gives it back in a Message:
// each button with its label and the one action it kept. It is nil for no
// keyboard, and equal for keyboards Telegram holds the same.
func markupJSON(rows [][]inlineButton) json.RawMessage {
	if len(rows) == 0 {
		return nil
	}
	var b bytes.Buffer
	b.WriteString(`{"inline_keyboard":[`)
	for i, row := range rows {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('[')
		for j, button := range row {
			if j > 0 {
				b.WriteByte(',')
			}
			text, _ := json.Marshal(button.Text)
			fmt.Fprintf(&b, `{"text":%s,"%s":%s}`, text, button.Action, button.value)
		}
		b.WriteByte(']')
	}
	b.WriteString("]}")
	return b.Bytes()
}
