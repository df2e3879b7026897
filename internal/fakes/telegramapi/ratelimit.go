package telegramapi

import "time"

// rateLimiter applies Limits; the server's mutex guards it.
type rateLimiter struct {
	limits  Limits
	chats   map[int64]*bucket
	groups  map[int64]*window
	overall window
}

func newRateLimiter(l Limits) *rateLimiter {
	return &rateLimiter{limits: l, chats: map[int64]*bucket{}, groups: map[int64]*window{}}
}

// admit records a message to chat at now and returns 0, or returns how long
// to wait when a limit is reached. A refused message uses up no allowance, so
// a client that waits as told gets through.
func (r *rateLimiter) admit(chat *Chat, now time.Time) time.Duration {
	l := r.limits
	if l.Disabled {
		return 0
	}
	b := r.chats[chat.ID]
	if b == nil {
		b = &bucket{tokens: float64(l.PerChatBurst), at: now}
		r.chats[chat.ID] = b
	}
	g := r.groups[chat.ID]
	if g == nil {
		g = &window{}
		r.groups[chat.ID] = g
	}
	isGroup := chat.Type != Private

	var wait time.Duration
	if l.PerChatBurst > 0 {
		wait = max(wait, b.wait(now, l.PerChatInterval, l.PerChatBurst))
	}
	if isGroup && l.GroupMessages > 0 {
		wait = max(wait, g.wait(now, l.GroupWindow, l.GroupMessages))
	}
	if l.GlobalMessages > 0 {
		wait = max(wait, r.overall.wait(now, l.GlobalWindow, l.GlobalMessages))
	}
	if wait > 0 {
		return wait
	}
	b.tokens--
	if isGroup {
		g.add(now)
	}
	r.overall.add(now)
	return 0
}

// bucket is a token bucket: one token per interval, at most burst tokens.
type bucket struct {
	tokens float64
	at     time.Time
}

func (b *bucket) wait(now time.Time, interval time.Duration, burst int) time.Duration {
	if now.After(b.at) {
		b.tokens = min(float64(burst), b.tokens+float64(now.Sub(b.at))/float64(interval))
		b.at = now
	}
	if b.tokens >= 1 {
		return 0
	}
	return time.Duration((1 - b.tokens) * float64(interval))
}

// window is a sliding window log: at most n events in any span of size.
type window struct {
	events []time.Time
}

func (w *window) wait(now time.Time, size time.Duration, n int) time.Duration {
	cut := 0
	for cut < len(w.events) && !w.events[cut].After(now.Add(-size)) {
		cut++
	}
	w.events = w.events[cut:]
	if len(w.events) < n {
		return 0
	}
	return w.events[len(w.events)-n].Add(size).Sub(now)
}

func (w *window) add(now time.Time) { w.events = append(w.events, now) }
