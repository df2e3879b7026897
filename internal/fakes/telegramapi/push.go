package telegramapi

import (
	"cmp"
	"fmt"
)

// User is a Telegram user who writes to the bot.
type User struct {
	ID           int64
	Username     string // without '@'
	FirstName    string
	LanguageCode string // the user's app language, e.g. "en"
	IsBot        bool
}

// PushMessage queues a "message" update: text sent by from in the chat
// chatID, which must have been added with AddChat (a private chat's id is
// its user's id). Bot commands in the text get bot_command entities, as
// Telegram adds them. The message takes the chat's next message_id, after
// those the bot sent there.
//
// It returns the update_id, or 0 when the bot's allowed_updates leave
// messages out: Telegram then never creates the update. Pushing to a chat
// that was never added, to a channel (see PushChannelPost), to another
// user's private chat, or pushing an empty text is a mistake in the test,
// and panics.
func (s *Server) PushMessage(chatID int64, from User, text string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	chat := s.pushTarget("PushMessage", chatID, text)
	return s.pushFrom(chat, from, s.incoming(chat, text))
}

// pushFrom queues m as a message from a user, remembered for replies;
// s.mu must be held.
func (s *Server) pushFrom(chat *Chat, from User, m messageJSON) int {
	switch {
	case chat.Type == Channel:
		panic(fmt.Sprintf("telegramapi: a user's message to channel %d; channels get PushChannelPost", chat.ID))
	case chat.Type == Private && chat.ID != from.ID:
		panic(fmt.Sprintf("telegramapi: a message from user %d in the private chat of user %d", from.ID, chat.ID))
	}
	m.From = &userJSON{ID: from.ID, IsBot: from.IsBot, FirstName: from.FirstName, Username: from.Username,
		LanguageCode: from.LanguageCode}
	if chat.Type == Private {
		// The private chat is the user: it shows their names.
		m.Chat.FirstName = cmp.Or(m.Chat.FirstName, from.FirstName)
		m.Chat.Username = cmp.Or(m.Chat.Username, from.Username)
	}
	kept := m
	kept.ReplyToMessage = nil // a reply shows the replied message without its own reply
	s.incomingM[msgKey{chat.ID, m.MessageID}] = kept
	return s.updates.push("message", updateJSON{Message: &m})
}

// PushChannelPost queues a "channel_post" update: text posted in the
// channel chatID, which must have been added with AddChat. A channel post
// has no "from"; its sender_chat is the channel. It returns the update_id,
// or 0 when allowed_updates leave channel posts out, and panics on the same
// mistakes as PushMessage.
func (s *Server) PushChannelPost(chatID int64, text string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	chat := s.pushTarget("PushChannelPost", chatID, text)
	if chat.Type != Channel {
		panic(fmt.Sprintf("telegramapi: PushChannelPost to %s chat %d; only channels have posts", chat.Type, chatID))
	}
	m := s.incoming(chat, text)
	sender := m.Chat
	m.SenderChat = &sender
	return s.updates.push("channel_post", updateJSON{ChannelPost: &m})
}

// pushTarget returns the chat a push goes to; s.mu must be held.
func (s *Server) pushTarget(method string, chatID int64, text string) *Chat {
	chat, ok := s.chats[chatID]
	if !ok {
		panic(fmt.Sprintf("telegramapi: %s to chat %d, which was never added with AddChat", method, chatID))
	}
	if text == "" {
		panic(fmt.Sprintf("telegramapi: %s with an empty text; Telegram has no empty messages", method))
	}
	return chat
}

// incoming is a message someone else wrote in chat, numbered after the
// chat's last message; s.mu must be held.
func (s *Server) incoming(chat *Chat, text string) messageJSON {
	s.lastMsgID[chat.ID]++
	return messageJSON{
		MessageID: s.lastMsgID[chat.ID], Date: s.opts.Now().Unix(), Chat: newChatJSON(chat),
		Text: text, Entities: botCommandEntities(text),
	}
}
