package telegramapi

import (
	"strconv"
	"strings"
)

// Chat types, as the Bot API names them.
const (
	Private    = "private"
	Group      = "group"
	Supergroup = "supergroup"
	Channel    = "channel"
)

// Chat is a chat the bot can be asked to post to.
type Chat struct {
	ID int64
	// Username without '@'. Requests may name channels and supergroups by
	// "@username"; like the real API, a private chat cannot be found that way.
	Username string
	// Type is Private, Group, Supergroup or Channel. When empty it is guessed
	// from the ID: positive is private, below -10^12 supergroup, else group.
	Type string
	// Title is the group or channel title, or the user's first name.
	Title string

	// BotBlocked: the user blocked the bot (private chats only).
	BotBlocked bool
	// BotNotMember: the bot was removed from the group or channel, or never
	// talked to the user.
	BotNotMember bool
	// MigrateToChatID: the group was upgraded to this supergroup.
	MigrateToChatID int64
	// NoPhotos: the group's permissions forbid members (the bot) to send
	// photos.
	NoPhotos bool
}

// AddChat adds or replaces a chat.
func (s *Server) AddChat(c Chat) {
	if c.Type == "" {
		c.Type = guessChatType(c.ID)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.chats[c.ID] = &c
}

// UpdateChat changes a known chat in place, e.g. to block the bot midway
// through a test, and reports whether the chat exists.
func (s *Server) UpdateChat(id int64, update func(*Chat)) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.chats[id]
	if ok {
		update(c)
	}
	return ok
}

func guessChatType(id int64) string {
	switch {
	case id > 0:
		return Private
	case id < -1_000_000_000_000:
		return Supergroup
	default:
		return Group
	}
}

// findChat resolves a chat_id argument; s.mu must be held.
func (s *Server) findChat(chatID string) (*Chat, *apiError) {
	if chatID == "" {
		return nil, badRequest("chat_id is empty")
	}
	if name, ok := strings.CutPrefix(chatID, "@"); ok {
		for _, c := range s.chats {
			if strings.EqualFold(c.Username, name) && (c.Type == Channel || c.Type == Supergroup) {
				return c, nil
			}
		}
		return nil, badRequest("chat not found")
	}
	id, err := strconv.ParseInt(chatID, 10, 64)
	if err != nil {
		return nil, badRequest("chat not found")
	}
	c, ok := s.chats[id]
	if !ok {
		return nil, badRequest("chat not found")
	}
	return c, nil
}

// canPost checks the chat states in which Telegram refuses a message.
func (c *Chat) canPost() *apiError {
	switch {
	case c.MigrateToChatID != 0:
		e := badRequest("group chat was upgraded to a supergroup chat")
		e.migrateTo = c.MigrateToChatID
		return e
	case c.Type == Private && c.BotBlocked:
		return forbidden("bot was blocked by the user")
	case c.Type == Private && c.BotNotMember:
		return forbidden("bot can't initiate conversation with a user")
	case c.BotNotMember:
		return forbidden("bot is not a member of the " + c.Type + " chat")
	}
	return nil
}
