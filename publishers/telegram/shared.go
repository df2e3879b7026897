package telegram

import (
	"context"
	"time"

	"github.com/crierhq/crier/internal/model"
)

// SharedPace keeps one bot token's pace across processes (replicas sharing a
// store): each send reserves its place in the token's rates there first.
// Telegram counts per token, whatever process sends.
type SharedPace interface {
	// ReserveRate takes the next place in the rate called key (one message
	// per interval, bursts of up to burst) and returns how long to wait
	// before using it. A place more than maxWait ahead is not taken: the
	// wait it would need is returned.
	ReserveRate(ctx context.Context, key string, interval time.Duration, burst int, maxWait time.Duration) (time.Duration, error)
	// HoldRate pushes the rate's next place to until (Telegram's
	// retry_after).
	HoldRate(ctx context.Context, key string, until time.Time, interval time.Duration, burst int) error
}

// sharedTimeout bounds one reservation: a store that does not answer must
// not hold the posts up.
const sharedTimeout = 2 * time.Second

type sharedRate struct {
	key      string
	interval time.Duration
	burst    int
}

// sharedWait reserves the message's places in the shared rates, in the order
// slowest first, waiting for each: the chat's, the group's (Telegram's "N
// per window" as one message every window/N), then the bot's, whose place
// is so used on time. A place that would come after ctx's deadline is not
// reserved (a *model.PaceError says when it would come): a reservation the
// caller abandons would push every process's next message back, and a
// caller retrying that way would never catch up. A store that errs or does
// not answer within sharedTimeout leaves the message to the process's own
// pace: with N replicas, up to N times the token's rate until it is back
// (Telegram then answers 429, which is waited out).
func (c *Client) sharedWait(ctx context.Context, chat string) error {
	if c.shared == nil {
		return nil
	}
	l := c.limiter.lim
	slack := max(l.Slack, sharedJitter)
	rates := []sharedRate{{"telegram:chat:" + chat, l.PerChatInterval, l.PerChatBurst}}
	if isGroupChat(chat) {
		rates = append(rates, sharedRate{"telegram:group:" + chat, (l.GroupWindow + slack) / time.Duration(l.GroupMessages), 1})
	}
	rates = append(rates, sharedRate{"telegram:bot", (l.GlobalWindow + slack) / time.Duration(l.GlobalMessages), 1})
	for _, r := range rates {
		rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), sharedTimeout)
		maxWait := model.PaceDeadline(ctx)
		wait, err := c.shared.ReserveRate(rctx, r.key, r.interval, r.burst, maxWait)
		cancel()
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return nil // the process's own pace still holds
		}
		if wait > maxWait {
			return &model.PaceError{Wait: wait}
		}
		if wait <= 0 {
			continue
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
	}
	return nil
}

// sharedHold tells the other processes that Telegram asked this chat to
// wait.
func (c *Client) sharedHold(ctx context.Context, chat string, until time.Time) {
	if c.shared != nil {
		l := c.limiter.lim
		ctx, cancel := context.WithTimeout(ctx, sharedTimeout)
		defer cancel()
		_ = c.shared.HoldRate(ctx, "telegram:chat:"+chat, until, l.PerChatInterval, l.PerChatBurst)
	}
}
