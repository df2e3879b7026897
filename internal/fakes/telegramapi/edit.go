package telegramapi

import (
	"bytes"
	"math"
)

// Specs: https://core.telegram.org/bots/api#editmessagereplymarkup
func (s *Server) editMessageReplyMarkup(p params) (any, *apiError) {
	raw := p.get("reply_markup")
	rows, aerr := parseReplyMarkup(raw)
	if aerr != nil {
		return nil, aerr
	}
	chatID, messageID := p.get("chat_id"), intArg(p.get("message_id"), 0, 0, math.MaxInt32)
	if chatID == "" && messageID == 0 {
		// Then the message must be an inline one, and this fake has none.
		if p.get("inline_message_id") == "" {
			return nil, badRequest("message identifier is not specified")
		}
		return nil, badRequest("MESSAGE_ID_INVALID")
	}
	chat, aerr := s.findChat(chatID)
	if aerr != nil {
		return nil, aerr
	}
	m, aerr := s.messageToEdit(chat.ID, messageID)
	if aerr != nil {
		return nil, aerr
	}
	if aerr := checkButtons(rows); aerr != nil {
		return nil, aerr
	}
	current, _ := parseReplyMarkup(m.ReplyMarkup)
	if bytes.Equal(markupJSON(rows), markupJSON(current)) {
		return nil, badRequest("message is not modified: specified new message content and reply markup are " +
			"exactly the same as a current content and reply markup of the message")
	}
	m.ReplyMarkup = raw
	return s.messageJSON(chat, *m), nil
}

// messageToEdit finds the message the bot sent with id in a chat; s.mu must
// be held. Other messages of the chat, those that its users sent, exist but
// are not the bot's to edit.
func (s *Server) messageToEdit(chatID int64, id int) (*Message, *apiError) {
	if m := s.botMessage(chatID, id); m != nil {
		return m, nil
	}
	if id > 0 && id <= s.lastMsgID[chatID] {
		return nil, badRequest("message can't be edited")
	}
	return nil, badRequest("message to edit not found")
}

// botMessage is the message the bot sent with id in a chat, or nil; s.mu
// must be held, and the pointer is good until it is released.
func (s *Server) botMessage(chatID int64, id int) *Message {
	for i := range s.messages {
		if m := &s.messages[i]; m.ChatID == chatID && m.MessageID == id {
			return m
		}
	}
	return nil
}
