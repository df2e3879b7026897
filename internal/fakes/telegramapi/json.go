package telegramapi

import (
	"encoding/json"
	"fmt"

	"github.com/crierhq/crier/publishers/telegram/tghtml"
)

// JSON shapes of Bot API objects, limited to the fields this fake fills.
// Specs: https://core.telegram.org/bots/api#available-types

type botJSON struct {
	ID                      int64  `json:"id"`
	IsBot                   bool   `json:"is_bot"`
	FirstName               string `json:"first_name"`
	Username                string `json:"username"`
	CanJoinGroups           bool   `json:"can_join_groups"`
	CanReadAllGroupMessages bool   `json:"can_read_all_group_messages"`
	SupportsInlineQueries   bool   `json:"supports_inline_queries"`
}

type userJSON struct {
	ID           int64  `json:"id"`
	IsBot        bool   `json:"is_bot"`
	FirstName    string `json:"first_name"`
	Username     string `json:"username,omitempty"`
	LanguageCode string `json:"language_code,omitempty"`
}

// updateJSON is an Update: its id and exactly one of the optional fields.
type updateJSON struct {
	UpdateID      int                `json:"update_id"`
	Message       *messageJSON       `json:"message,omitempty"`
	ChannelPost   *messageJSON       `json:"channel_post,omitempty"`
	CallbackQuery *callbackQueryJSON `json:"callback_query,omitempty"`
}

// callbackQueryJSON is a CallbackQuery from a button under a message.
type callbackQueryJSON struct {
	ID           string       `json:"id"`
	From         userJSON     `json:"from"`
	Message      *messageJSON `json:"message,omitempty"`
	ChatInstance string       `json:"chat_instance"`
	Data         string       `json:"data,omitempty"`
}

type chatJSON struct {
	ID        int64  `json:"id"`
	Type      string `json:"type"`
	Title     string `json:"title,omitempty"`
	Username  string `json:"username,omitempty"`
	FirstName string `json:"first_name,omitempty"`
}

func newChatJSON(c *Chat) chatJSON {
	j := chatJSON{ID: c.ID, Type: c.Type, Username: c.Username}
	if c.Type == Private {
		j.FirstName = c.Title
	} else {
		j.Title = c.Title
	}
	return j
}

type entityJSON struct {
	Type           string    `json:"type"`
	Offset         int       `json:"offset"`
	Length         int       `json:"length"`
	URL            string    `json:"url,omitempty"`
	User           *userJSON `json:"user,omitempty"`
	Language       string    `json:"language,omitempty"`
	CustomEmojiID  string    `json:"custom_emoji_id,omitempty"`
	UnixTime       *int64    `json:"unix_time,omitempty"`
	DateTimeFormat string    `json:"date_time_format,omitempty"`
}

func newEntitiesJSON(es []tghtml.Entity) []entityJSON {
	var out []entityJSON
	for _, e := range es {
		j := entityJSON{Type: e.Type, Offset: e.Offset, Length: e.Length, URL: e.URL,
			Language: e.Language, CustomEmojiID: e.CustomEmojiID}
		switch e.Type {
		case tghtml.TextMention:
			j.User = &userJSON{ID: e.UserID, FirstName: "User"}
		case tghtml.DateTime:
			j.UnixTime, j.DateTimeFormat = &e.UnixTime, e.DateTimeFormat
		}
		out = append(out, j)
	}
	return out
}

type photoSizeJSON struct {
	FileID       string `json:"file_id"`
	FileUniqueID string `json:"file_unique_id"`
	Width        int    `json:"width"`
	Height       int    `json:"height"`
}

type messageJSON struct {
	MessageID       int             `json:"message_id"`
	From            *userJSON       `json:"from,omitempty"`
	SenderChat      *chatJSON       `json:"sender_chat,omitempty"`
	Date            int64           `json:"date"`
	Chat            chatJSON        `json:"chat"`
	Text            string          `json:"text,omitempty"`
	Entities        []entityJSON    `json:"entities,omitempty"`
	Photo           []photoSizeJSON `json:"photo,omitempty"`
	Document        *documentJSON   `json:"document,omitempty"`
	Caption         string          `json:"caption,omitempty"`
	CaptionEntities []entityJSON    `json:"caption_entities,omitempty"`
	ReplyMarkup     json.RawMessage `json:"reply_markup,omitempty"`
	ReplyToMessage  *messageJSON    `json:"reply_to_message,omitempty"`
}

// photoSizes are the sizes Telegram makes of every photo; their file_ids can
// be sent again.
func photoSizes(chatID int64, messageID int) []photoSizeJSON {
	var out []photoSizeJSON
	for _, side := range []int{90, 320, 800} {
		id := fmt.Sprintf("fake-photo-%d-%d-%d", chatID, messageID, side)
		out = append(out, photoSizeJSON{FileID: id, FileUniqueID: id, Width: side, Height: side})
	}
	return out
}

// messageJSON is the Message object returned by a send method. Channel posts
// come from the channel itself, others from the bot, as on Telegram.
func (s *Server) messageJSON(c *Chat, m Message) messageJSON {
	chat := newChatJSON(c)
	j := messageJSON{MessageID: m.MessageID, Date: m.Date.Unix(), Chat: chat}
	if c.Type == Channel {
		j.SenderChat = &chat
	} else {
		j.From = &userJSON{ID: s.opts.BotID, IsBot: true, FirstName: s.opts.FirstName, Username: s.opts.Username}
	}
	switch m.Method {
	case "sendPhoto":
		j.Photo = photoSizes(c.ID, m.MessageID)
		j.Caption, j.CaptionEntities = m.Text, newEntitiesJSON(m.Entities)
	case "sendDocument":
		j.Document = m.documentJSON
		j.Caption, j.CaptionEntities = m.Text, newEntitiesJSON(m.Entities)
	default:
		j.Text, j.Entities = m.Text, newEntitiesJSON(m.Entities)
	}
	// Only inline keyboards belong to the message; reply keyboards do not.
	rows, _ := parseReplyMarkup(m.ReplyMarkup)
	j.ReplyMarkup = markupJSON(rows)
	return j
}
