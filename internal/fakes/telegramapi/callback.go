package telegramapi

import (
	"fmt"
	"slices"
	"strconv"
	"unicode/utf8"
)

// firstCallbackQueryID is the id of the first callback query. Telegram's
// ids are 64-bit numbers written as strings; this fake counts up from here.
const firstCallbackQueryID = 4_382_000_000_000_000_001

// maxCallbackAnswer is the longest notification answerCallbackQuery takes,
// in characters.
const maxCallbackAnswer = 200

// errQueryInvalid is Telegram's answer for a callback query it does not
// know, or no longer: never sent, answered already, or too old.
var errQueryInvalid = badRequest("query is too old and response timeout expired or query ID is invalid")

// CallbackAnswer is the bot's answer to a callback query.
type CallbackAnswer struct {
	QueryID   string
	Text      string // the notification, if any
	ShowAlert bool   // as an alert rather than a notice at the top
	URL       string
	CacheTime int // seconds
}

// callbackQueries are the callback queries pushed and the answers to them.
// The server's mutex guards them.
type callbackQueries struct {
	nextID   int64
	answered map[string]bool // by query id; false until answered
	answers  []CallbackAnswer
}

func newCallbackQueries() callbackQueries {
	return callbackQueries{nextID: firstCallbackQueryID, answered: map[string]bool{}}
}

// PushCallbackQuery queues a "callback_query" update: from pressed the
// inline button with callback data data under the bot's message messageID
// in the chat chatID. The query carries the message as it is now, keyboard
// included, and the chat's chat_instance.
//
// It returns the query's id, for answerCallbackQuery, or "" when the bot's
// allowed_updates leave callback queries out: Telegram then never creates
// the update, and there is no query to answer. Pressing a button in a chat
// that was never added, in another user's private chat, under a message
// the bot did not send there, or a button the message does not have is a
// mistake in the test, and panics.
func (s *Server) PushCallbackQuery(chatID int64, from User, messageID int, data string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	chat, ok := s.chats[chatID]
	switch {
	case !ok:
		panic(fmt.Sprintf("telegramapi: PushCallbackQuery to chat %d, which was never added with AddChat", chatID))
	case chat.Type == Private && chat.ID != from.ID:
		panic(fmt.Sprintf("telegramapi: PushCallbackQuery from user %d in the private chat of user %d", from.ID, chatID))
	}
	m := s.botMessage(chatID, messageID)
	if m == nil {
		panic(fmt.Sprintf("telegramapi: PushCallbackQuery under message %d of chat %d, which the bot did not send",
			messageID, chatID))
	}
	if !hasCallbackData(m.Buttons(), data) {
		panic(fmt.Sprintf("telegramapi: PushCallbackQuery with data %q, which no button of message %d in chat %d has",
			data, messageID, chatID))
	}
	msg := s.messageJSON(chat, *m)
	q := &s.callbacks
	id := strconv.FormatInt(q.nextID, 10)
	cq := callbackQueryJSON{
		ID: id, Message: &msg, ChatInstance: chatInstance(chatID), Data: data,
		From: userJSON{ID: from.ID, IsBot: from.IsBot, FirstName: from.FirstName, Username: from.Username,
			LanguageCode: from.LanguageCode},
	}
	if s.updates.push("callback_query", updateJSON{CallbackQuery: &cq}) == 0 {
		return ""
	}
	q.nextID++
	q.answered[id] = false
	return id
}

func hasCallbackData(rows [][]Button, data string) bool {
	for _, row := range rows {
		for _, b := range row {
			if b.Action == "callback_data" && b.CallbackData == data {
				return true
			}
		}
	}
	return false
}

// chatInstance is the chat_instance of a chat's callback queries: the same
// for every query from the chat, different for each chat.
func chatInstance(chatID int64) string {
	return strconv.FormatInt(int64(uint64(chatID)*0x9E3779B97F4A7C15), 10)
}

// CallbackAnswers returns the answers the bot gave to callback queries,
// oldest first.
func (s *Server) CallbackAnswers() []CallbackAnswer {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.callbacks.answers)
}

// Specs: https://core.telegram.org/bots/api#answercallbackquery
func (s *Server) answerCallbackQuery(p params) (any, *apiError) {
	id := p.get("callback_query_id")
	q := &s.callbacks
	if answered, ok := q.answered[id]; !ok || answered {
		return nil, errQueryInvalid
	}
	text := p.get("text")
	if utf8.RuneCountInString(text) > maxCallbackAnswer {
		return nil, badRequest("MESSAGE_TOO_LONG")
	}
	q.answered[id] = true
	q.answers = append(q.answers, CallbackAnswer{
		QueryID: id, Text: text, ShowAlert: isTrue(p.get("show_alert")), URL: p.get("url"),
		CacheTime: intArg(p.get("cache_time"), 0, 0, 30*24*60*60),
	})
	return true, nil
}
