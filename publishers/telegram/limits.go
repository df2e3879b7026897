package telegram

import (
	"context"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/crierhq/crier/internal/model"
)

// Limits are the sending rates crier keeps to, so that Telegram never has to
// enforce them. The defaults follow Telegram's guidance
// (https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this):
// about one message per second in a chat with short bursts, at most 20 per
// minute in a group or channel, about 30 per second for the whole bot.
type Limits struct {
	// Per chat: a token bucket, one message per PerChatInterval, bursts of
	// up to PerChatBurst. Keep the burst one below what Telegram tolerates:
	// the spare token absorbs the network's jitter at full speed.
	PerChatInterval time.Duration
	PerChatBurst    int
	// Per group, supergroup or channel: at most GroupMessages in any
	// GroupWindow.
	GroupMessages int
	GroupWindow   time.Duration
	// Per bot: at most GlobalMessages in any GlobalWindow.
	GlobalMessages int
	GlobalWindow   time.Duration
	// Slack is added to the windows: crier counts a message when it sends
	// it, Telegram when it arrives, and the network does not keep the
	// spacing exact. Negative means none.
	Slack time.Duration
}

// DefaultLimits are Telegram's published limits.
var DefaultLimits = Limits{
	PerChatInterval: time.Second, PerChatBurst: 2,
	GroupMessages: 20, GroupWindow: time.Minute,
	GlobalMessages: 30, GlobalWindow: time.Second,
	Slack: 50 * time.Millisecond,
}

func (l Limits) withDefaults() Limits {
	d := DefaultLimits
	if l.PerChatInterval <= 0 {
		l.PerChatInterval = d.PerChatInterval
	}
	if l.PerChatBurst <= 0 {
		l.PerChatBurst = d.PerChatBurst
	}
	if l.GroupMessages <= 0 {
		l.GroupMessages = d.GroupMessages
	}
	if l.GroupWindow <= 0 {
		l.GroupWindow = d.GroupWindow
	}
	if l.GlobalMessages <= 0 {
		l.GlobalMessages = d.GlobalMessages
	}
	if l.GlobalWindow <= 0 {
		l.GlobalWindow = d.GlobalWindow
	}
	if l.Slack < 0 {
		l.Slack = 0
	} else if l.Slack == 0 {
		l.Slack = d.Slack
	}
	l.GroupWindow += l.Slack
	l.GlobalWindow += l.Slack
	return l
}

// isGroupChat tells a group, supergroup or channel from a private chat:
// "@name" is a channel or public group, and their numeric ids are negative
// where users' are positive.
func isGroupChat(chat string) bool {
	if strings.HasPrefix(chat, "@") {
		return true
	}
	id, err := strconv.ParseInt(chat, 10, 64)
	return err != nil || id < 0
}

// limiter paces one bot's messages. It is shared by every chat of the bot.
type limiter struct {
	lim Limits
	now func() time.Time

	mu     sync.Mutex
	chats  map[string]*chatPace
	global paceLog
}

type chatPace struct {
	tokens  float64
	at      time.Time
	log     paceLog   // groups only
	blocked time.Time // Telegram's retry_after for this chat
}

func newLimiter(l Limits, now func() time.Time) *limiter {
	if now == nil {
		now = time.Now
	}
	return &limiter{lim: l.withDefaults(), now: now, chats: map[string]*chatPace{}}
}

// wait blocks until a message may go to chat and counts it as sent. A
// wait that would pass ctx's deadline is not begun: a *model.PaceError says
// when the message could go.
func (l *limiter) wait(ctx context.Context, chat string) error {
	for {
		d := l.admit(chat, isGroupChat(chat))
		if d <= 0 {
			return nil
		}
		if d > model.PaceDeadline(ctx) {
			return &model.PaceError{Wait: d}
		}
		t := time.NewTimer(d)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
	}
}

// admit counts a message to chat now and returns 0, or returns how long to
// wait before asking again; a refused message counts for nothing.
func (l *limiter) admit(chat string, group bool) time.Duration {
	return l.take(chat, group, true)
}

// ahead is how long a message to chat would wait now; nothing is counted.
func (l *limiter) ahead(chat string) time.Duration {
	return l.take(chat, isGroupChat(chat), false)
}

func (l *limiter) take(chat string, group, count bool) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	c := l.chats[chat]
	if c == nil {
		c = &chatPace{tokens: float64(l.lim.PerChatBurst), at: now}
		l.chats[chat] = c
	}
	wait := c.blocked.Sub(now)
	if now.After(c.at) {
		c.tokens = min(float64(l.lim.PerChatBurst), c.tokens+float64(now.Sub(c.at))/float64(l.lim.PerChatInterval))
		c.at = now
	}
	if c.tokens < 1 {
		wait = max(wait, time.Duration((1-c.tokens)*float64(l.lim.PerChatInterval)))
	}
	if group {
		wait = max(wait, c.log.wait(now, l.lim.GroupWindow, l.lim.GroupMessages))
	}
	wait = max(wait, l.global.wait(now, l.lim.GlobalWindow, l.lim.GlobalMessages))
	if wait > 0 || !count {
		return wait
	}
	c.tokens--
	if group {
		c.log.add(now)
	}
	l.global.add(now)
	return 0
}

// block holds chat back until until, as Telegram asked with retry_after.
func (l *limiter) block(chat string, until time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	c := l.chats[chat]
	if c == nil {
		c = &chatPace{tokens: 0, at: l.now()}
		l.chats[chat] = c
	}
	if until.After(c.blocked) {
		c.blocked = until
	}
}

// paceLog is a sliding window: at most n events in any span of size.
type paceLog struct{ events []time.Time }

func (p *paceLog) wait(now time.Time, size time.Duration, n int) time.Duration {
	cut := 0
	for cut < len(p.events) && !p.events[cut].After(now.Add(-size)) {
		cut++
	}
	p.events = p.events[cut:]
	if len(p.events) < n {
		return 0
	}
	return p.events[len(p.events)-n].Add(size).Sub(now)
}

func (p *paceLog) add(now time.Time) { p.events = append(p.events, now) }
