// Package dispatch is the outbox worker: it claims due deliveries from the
// store, renders each for its target, publishes it and records the outcome.
// Nothing is posted without a delivery row, and a row is marked sent only
// after the platform accepted the post.
package dispatch

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"time"

	"github.com/crierhq/crier/internal/hashtag"
	"github.com/crierhq/crier/internal/model"
	"github.com/crierhq/crier/templates"
)

// Publisher is one target's platform client.
type Publisher interface {
	// Fits returns the platform's length check for this target (nil: no
	// limit). It may ask the platform once.
	Fits(ctx context.Context) func(text string) bool
	// Publish posts the message and returns the platform's id for it.
	// Failures are *model.PublishError.
	Publish(ctx context.Context, msg model.Message) (remoteID string, err error)
}

// Store is the part of the store the dispatcher uses.
type Store interface {
	ClaimDeliveries(ctx context.Context, targets []string, limit, perTarget int, lease time.Duration) ([]model.Delivery, error)
	MarkSent(ctx context.Context, d model.Delivery, remoteID string) error
	MarkRetry(ctx context.Context, d model.Delivery, next time.Time, reason string, countAttempt bool) error
	MarkFailed(ctx context.Context, d model.Delivery, reason string) error
	Release(ctx context.Context, ds []model.Delivery) error
	PauseTarget(ctx context.Context, id, reason string) error
	MoveTarget(ctx context.Context, id, from, to string) error
}

// Mover is a Publisher whose address can change under it (a Telegram group
// upgraded to a supergroup): Move switches to the new address and returns
// the old one.
type Mover interface {
	Move(to string) (from string)
}

// Notifier tells the admins about what needs them (a paused target).
type Notifier interface {
	Notify(ctx context.Context, text string) error
}

// Pacer is a Publisher that keeps to the platform's rate limits: Wait
// blocks until one more message may go and counts it. The wait is outside
// the send's timeout, and a stop interrupts it.
type Pacer interface {
	Wait(ctx context.Context) error
}

// Renderer turns a post into a target's message.
type Renderer interface {
	Render(template string, post model.Post, lim templates.Limits) (model.Message, error)
}

// Target is a configured destination with its publisher.
type Target struct {
	ID       string
	Template string
	// SummaryChars and SummarySentences cap the summary (0: no cap).
	SummaryChars, SummarySentences int
	// Images: posts carry their item's lead image.
	Images bool
	// Hashtags end the target's posts (zero: none).
	Hashtags  hashtag.Options
	Publisher Publisher
}

// Captioner is a publisher that may send a post as the caption of its
// image, under a limit of its own (Telegram's 1,024 characters).
type Captioner interface {
	// CaptionFits returns the caption's length check; nil: the publisher
	// never sends captions.
	CaptionFits(ctx context.Context) func(text string) bool
}

// Options tune the worker.
type Options struct {
	Batch       int           // deliveries claimed per round
	PerTarget   int           // of which at most this many per target
	Parallel    int           // targets served at once (default 256)
	Lease       time.Duration // how long a claim holds (default 5m); sends that could outlive it are given back
	SendTimeout time.Duration // one platform request
	MaxAttempts int           // transient failures before giving up
	BaseBackoff time.Duration
	MaxBackoff  time.Duration
	Poll        time.Duration  // how often Run looks for due retries
	Location    *time.Location // for dates in templates
	Notifier    Notifier       // nil: admins are told through the log only
	// Dynamic lists targets created at run time (subscriber chats), claimed
	// for along with the configured ones, and Resolve builds the target of
	// such an id. Both nil: configured targets only.
	Dynamic func(ctx context.Context) ([]string, error)
	Resolve func(id string) (Target, bool)
	// Observer is told of every attempt and wait (metrics); nil: no one.
	Observer Observer
}

// Observer watches deliveries: each attempt's outcome (sent, retry,
// failed, paused), a short reason (see Reason) and the platform's answer
// time; and the time posts waited for rate limits.
type Observer interface {
	Delivery(target, outcome, reason string, took time.Duration)
	Waited(target string, d time.Duration)
}

// Reason sums up a publish error in one word, fit for a metric's label:
// ok, rate_limited, too_long, moved, blocked, permanent or transient.
func Reason(err error) string {
	var pe *model.PublishError
	switch {
	case err == nil:
		return "ok"
	case !errors.As(err, &pe):
		return "transient"
	case pe.RetryAfter > 0:
		return "rate_limited"
	case pe.Remedy == model.RemedyShorten:
		return "too_long"
	case pe.Remedy == model.RemedyMove:
		return "moved"
	case pe.Remedy == model.RemedyPause:
		return "blocked"
	case pe.Permanent:
		return "permanent"
	}
	return "transient"
}

func (o *Options) defaults() {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	defD := func(v *time.Duration, d time.Duration) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&o.Batch, 200)
	def(&o.PerTarget, 20)
	// Telegram allows one message a second per chat and thirty a second per
	// bot: fanning out to subscriber chats needs more than thirty served at
	// once to reach the bot's rate.
	def(&o.Parallel, 256)
	def(&o.MaxAttempts, 12)
	defD(&o.SendTimeout, 30*time.Second)
	// A worker sends its claimed batch one by one, each send preceded at
	// most by the limit check: the lease must outlast all of them.
	// A claim must outlast a send and the margin to record it, whatever
	// the send timeout.
	defD(&o.Lease, max(5*time.Minute, 4*o.SendTimeout))
	defD(&o.BaseBackoff, 5*time.Second)
	defD(&o.MaxBackoff, 30*time.Minute)
	defD(&o.Poll, 5*time.Second)
}

// Dispatcher sends deliveries.
type Dispatcher struct {
	store   Store
	render  Renderer
	targets map[string]Target
	ids     []string // the targets this process serves, the only ones it claims
	opts    Options
	log     *slog.Logger
	now     func() time.Time
	wake    chan struct{}
	jitter  func() float64 // in [0, 1)

	mu      sync.Mutex
	stats   Stats
	dynamic map[string]Target // resolved run-time targets, under mu
}

// New builds a dispatcher for the given targets.
func New(st Store, r Renderer, targets []Target, opts Options, log *slog.Logger, now func() time.Time) *Dispatcher {
	opts.defaults()
	if now == nil {
		now = time.Now
	}
	byID := map[string]Target{}
	var ids []string
	for _, t := range targets {
		byID[t.ID] = t
		ids = append(ids, t.ID)
	}
	return &Dispatcher{store: st, render: r, targets: byID, ids: ids, opts: opts, log: log, now: now,
		wake: make(chan struct{}, 1), jitter: defaultJitter}
}

// Wake makes Run look for work now (the pipeline just enqueued some).
func (d *Dispatcher) Wake() {
	select {
	case d.wake <- struct{}{}:
	default:
	}
}

// Run sends due deliveries until ctx ends, then lets in-flight sends finish.
func (d *Dispatcher) Run(ctx context.Context) {
	t := time.NewTicker(d.opts.Poll)
	defer t.Stop()
	for {
		if _, err := d.Drain(ctx); err != nil && ctx.Err() == nil {
			d.log.Error("dispatch round failed", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		case <-d.wake:
		}
	}
}

// leaseMargin is how much of a claim's lease must remain, beyond one send's
// timeout, for a send to start: room to record its outcome.
func (o *Options) leaseMargin() time.Duration { return min(time.Minute, o.Lease/5) }

// target returns the target of an id: configured, or resolved at run time.
func (d *Dispatcher) target(id string) (Target, bool) {
	if t, ok := d.targets[id]; ok {
		return t, true
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if t, ok := d.dynamic[id]; ok {
		return t, true
	}
	if d.opts.Resolve == nil {
		return Target{}, false
	}
	t, ok := d.opts.Resolve(id)
	if ok {
		if d.dynamic == nil {
			d.dynamic = map[string]Target{}
		}
		d.dynamic[id] = t
	}
	return t, ok
}

// claimable lists the targets this process serves now.
func (d *Dispatcher) claimable(ctx context.Context) ([]string, error) {
	if d.opts.Dynamic == nil {
		return d.ids, nil
	}
	more, err := d.opts.Dynamic(ctx)
	if err != nil {
		return nil, err
	}
	return append(append([]string(nil), d.ids...), more...), nil
}
