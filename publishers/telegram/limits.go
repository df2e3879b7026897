package telegram

import (
	"context"
	"slices"
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
	// Slack is added to the windows. A message's place in a window is
	// dated when Telegram's answer arrives, which is after Telegram counted
	// it, so the network's jitter needs no slack there: only clock
	// rounding does. Negative means none.
	Slack time.Duration
}

// DefaultLimits are Telegram's published limits.
var DefaultLimits = Limits{
	PerChatInterval: time.Second, PerChatBurst: 2,
	GroupMessages: 20, GroupWindow: time.Minute,
	GlobalMessages: 30, GlobalWindow: time.Second,
	Slack: 5 * time.Millisecond,
}

// sharedJitter is the slack of the rates shared through the store between
// replicas: their places are dated when reserved, before sending, so the
// network's jitter must fit in it (with 15 ms the fake answered 429 eleven
// times in 1,000 posts).
const sharedJitter = 50 * time.Millisecond

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
//
// The windows (the bot's 30 a second, a group's 20 a minute) date each
// message twice: when it is let go, and again when Telegram's answer
// arrives (sent). Telegram counted the message somewhere in between, so a
// window reckoned from the answer never lets a message in early, whatever
// the network did; a fixed slack on send times would have to cover the
// jitter, and cost that share of the rate.
//
// Messages waiting only for the bot's window go in the order they began
// waiting: when 100 chats share 30 places a second, every chat gets its turn
// and all finish together, instead of the luckiest first and a tail of
// chats held to one a second at the end.
type limiter struct {
	lim Limits
	now func() time.Time

	mu     sync.Mutex
	chats  map[string]*chatPace
	global paceLog
	seq    uint64              // the last ticket and message id given out
	queue  map[uint64]struct{} // tickets waiting for the bot's window alone
}

type chatPace struct {
	tokens  float64
	at      time.Time
	log     paceLog   // groups only
	blocked time.Time // Telegram's retry_after for this chat
}

// receipt names a message let go, so that its answer can date it.
type receipt struct {
	id   uint64
	chat string
}

func newLimiter(l Limits, now func() time.Time) *limiter {
	if now == nil {
		now = time.Now
	}
	return &limiter{lim: l.withDefaults(), now: now, chats: map[string]*chatPace{}, queue: map[uint64]struct{}{}}
}

// yield is how long a message whose place is free waits for an earlier
// waiter to take it first.
const yield = time.Millisecond

// wait blocks until a message may go to chat and counts it as sent. A
// wait that would pass ctx's deadline is not begun: a *model.PaceError says
// when the message could go.
func (l *limiter) wait(ctx context.Context, chat string) (receipt, error) {
	l.mu.Lock()
	l.seq++
	ticket := l.seq
	l.mu.Unlock()
	defer func() {
		l.mu.Lock()
		delete(l.queue, ticket)
		l.mu.Unlock()
	}()
	group := isGroupChat(chat)
	for {
		d, r := l.take(chat, group, ticket, true)
		if d <= 0 {
			return r, nil
		}
		if d > model.PaceDeadline(ctx) {
			return receipt{}, &model.PaceError{Wait: d}
		}
		t := time.NewTimer(d)
		select {
		case <-ctx.Done():
			t.Stop()
			return receipt{}, ctx.Err()
		case <-t.C:
		}
	}
}

// ahead is how long a message to chat would wait now; nothing is counted.
func (l *limiter) ahead(chat string) time.Duration {
	d, _ := l.take(chat, isGroupChat(chat), 0, false)
	return d
}

// take lets a message go and counts it (returning 0 and its receipt), or
// returns how long to wait; with count false it only looks. ticket orders
// the waiters for the bot's window (0: no place in the order).
func (l *limiter) take(chat string, group bool, ticket uint64, count bool) (time.Duration, receipt) {
	l.mu.Lock()
	defer l.mu.Unlock()
	queued := ticket != 0 && count
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
		wait = max(wait, c.log.wait(now, l.lim.GroupWindow+l.lim.Slack, l.lim.GroupMessages))
	}
	if queued {
		// Ready but for the bot's window: in the queue.
		if wait <= 0 {
			l.queue[ticket] = struct{}{}
		} else {
			delete(l.queue, ticket)
		}
	}
	wait = max(wait, l.global.wait(now, l.lim.GlobalWindow+l.lim.Slack, l.lim.GlobalMessages))
	if wait <= 0 && queued {
		for t := range l.queue {
			if t < ticket {
				wait = yield // an earlier waiter takes this place
				break
			}
		}
	}
	if wait > 0 || !count {
		return wait, receipt{}
	}
	delete(l.queue, ticket)
	l.seq++
	r := receipt{id: l.seq, chat: chat}
	c.tokens--
	if group {
		c.log.add(now, r.id)
	}
	l.global.add(now, r.id)
	return 0, r
}

// sent dates a message's places in the windows at the arrival of
// Telegram's answer (or of the error that ended the request).
func (l *limiter) sent(r receipt) {
	if r.id == 0 {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	l.global.redate(r.id, now)
	if c := l.chats[r.chat]; c != nil {
		c.log.redate(r.id, now)
	}
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

// paceLog is a sliding window: at most n events in any span of size. An
// event is dated when its message is let go and again when the answer
// arrives; until then (in flight) it may be counted by Telegram at any
// moment, so it stands at now, for at most inFlightMax (a message let go
// but never sent must not hold a place for ever). Events are kept in the
// order they were let go.
type paceLog struct {
	events []paceEvent
	dates  []time.Time // wait's scratch space
}

type paceEvent struct {
	at   time.Time
	id   uint64
	open bool // let go, no answer yet
}

// inFlightMax bounds how long an unanswered message stands at now: longer
// than any send's timeout.
const inFlightMax = time.Minute

func (e paceEvent) date(now time.Time) time.Time {
	switch {
	case !e.open:
		return e.at
	case now.Sub(e.at) < inFlightMax:
		return now
	}
	return e.at.Add(inFlightMax)
}

func (p *paceLog) wait(now time.Time, size time.Duration, n int) time.Duration {
	kept := p.events[:0]
	for _, e := range p.events {
		if e.date(now).After(now.Add(-size)) {
			kept = append(kept, e)
		}
	}
	clear(p.events[len(kept):])
	p.events = kept
	if len(p.events) < n {
		return 0
	}
	p.dates = p.dates[:0]
	for _, e := range p.events {
		p.dates = append(p.dates, e.date(now))
	}
	slices.SortFunc(p.dates, time.Time.Compare)
	return p.dates[len(p.dates)-n].Add(size).Sub(now)
}

func (p *paceLog) add(now time.Time, id uint64) {
	p.events = append(p.events, paceEvent{at: now, id: id, open: true})
}

// redate dates event id at its answer.
func (p *paceLog) redate(id uint64, at time.Time) {
	for i := len(p.events) - 1; i >= 0; i-- {
		if p.events[i].id == id {
			if at.After(p.events[i].at) {
				p.events[i].at = at
			}
			p.events[i].open = false
			return
		}
	}
}
