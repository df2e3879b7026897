package bot

import (
	"context"
	"errors"
	"time"

	"github.com/crierhq/crier/internal/model"
)

// Source is where updates come from and replies go: Telegram's getUpdates
// and sendMessage.
type Source interface {
	// Updates long-polls for the updates from offset on, waiting up to wait.
	Updates(ctx context.Context, offset int64, wait time.Duration) ([]Update, error)
	Replier
}

// Offsets persist the next update id to ask for.
type Offsets interface {
	BotOffset(ctx context.Context) (int64, error)
	// SetBotOffset reports whether the offset moved: false means the
	// update was taken already, by this process or another.
	SetBotOffset(ctx context.Context, offset int64) (bool, error)
}

// IntakeOptions tune the long-polling loop.
type IntakeOptions struct {
	Wait       time.Duration // how long one getUpdates waits for an update (default 25s)
	MaxBackoff time.Duration // cap of the wait after errors (default 1m)
	// Conflict is returned by Updates when another process polls the
	// same token (Telegram's 409).
	Conflict error
}

// RunPolling answers updates until ctx ends. Each update's offset is stored
// before it is handled, so a restart never runs a command twice (a crash
// in between loses that one command, which its sender can repeat; running
// "/retry" or "/pause" twice unasked would be worse). Telegram's
// retry_after is obeyed; other errors back off, doubling up to a cap.
func (b *Bot) RunPolling(ctx context.Context, src Source, offsets Offsets, o IntakeOptions) {
	if o.Wait <= 0 {
		o.Wait = 25 * time.Second
	}
	if o.MaxBackoff <= 0 {
		o.MaxBackoff = time.Minute
	}
	offset, err := offsets.BotOffset(ctx)
	if err != nil {
		b.d.Log.Error("bot: read the update offset", "err", err)
	}
	backoff := time.Second
	for ctx.Err() == nil {
		ups, err := src.Updates(ctx, offset, o.Wait)
		if err != nil {
			if ctx.Err() != nil {
				return
			}
			wait := backoff
			var pe *model.PublishError
			switch {
			case o.Conflict != nil && errors.Is(err, o.Conflict):
				b.d.Log.Error("bot: another instance is polling this token (or a webhook is set); retrying", "in", wait)
			case errors.As(err, &pe) && pe.RetryAfter > 0:
				wait = pe.RetryAfter
				b.d.Log.Warn("bot: Telegram asked to wait", "retry_after", wait)
			default:
				b.d.Log.Warn("bot: getUpdates failed", "err", err, "retry_in", wait)
			}
			backoff = min(2*backoff, o.MaxBackoff)
			sleep(ctx, wait)
			continue
		}
		backoff = time.Second
		for _, u := range ups {
			moved, err := offsets.SetBotOffset(ctx, u.ID+1)
			if err != nil {
				// Unrecorded, it could be handled twice (by a process
				// that takes over): ask again later.
				b.d.Log.Error("bot: record the update offset; retrying", "err", err)
				sleep(ctx, backoff)
				break
			}
			if !moved {
				continue // taken already, by this process or another
			}
			offset = u.ID + 1
			for _, r := range b.Handle(ctx, u) {
				if err := src.Send(ctx, r); err != nil {
					b.d.Log.Warn("bot: reply not sent", "chat", r.ChatID, "err", err)
				}
			}
		}
	}
}

func sleep(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}
