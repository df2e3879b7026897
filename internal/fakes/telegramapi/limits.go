package telegramapi

import "time"

// Limits are the sending rate limits. A zero field takes the default; a
// negative count turns that limit off.
//
// The defaults model Telegram's published guidance
// (https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this):
// about one message per second in a chat, with short bursts tolerated; no
// more than 20 messages per minute in a group, supergroup or channel; about
// 30 messages per second for the bot as a whole. Telegram does not publish
// its exact algorithm, so these are the shapes its 429s suggest, not a copy.
type Limits struct {
	// Disabled turns all rate limiting off.
	Disabled bool

	// Per chat: a token bucket refilled with one message every
	// PerChatInterval (default 1s) and holding at most PerChatBurst (3).
	PerChatInterval time.Duration
	PerChatBurst    int

	// Per group, supergroup or channel: at most GroupMessages (20) in any
	// GroupWindow (1 minute).
	GroupMessages int
	GroupWindow   time.Duration

	// Per bot: at most GlobalMessages (30) in any GlobalWindow (1 second).
	GlobalMessages int
	GlobalWindow   time.Duration
}

func (l Limits) withDefaults() Limits {
	if l.PerChatInterval <= 0 {
		l.PerChatInterval = time.Second
	}
	if l.PerChatBurst == 0 {
		l.PerChatBurst = 3
	}
	if l.GroupMessages == 0 {
		l.GroupMessages = 20
	}
	if l.GroupWindow <= 0 {
		l.GroupWindow = time.Minute
	}
	if l.GlobalMessages == 0 {
		l.GlobalMessages = 30
	}
	if l.GlobalWindow <= 0 {
		l.GlobalWindow = time.Second
	}
	return l
}
