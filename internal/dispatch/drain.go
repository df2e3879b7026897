package dispatch

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/crierhq/crier/internal/model"
	"github.com/crierhq/crier/internal/store"
	"github.com/crierhq/crier/templates"
)

// Stats count what a dispatcher did.
type Stats struct {
	Sent, Retried, Failed int
	// Paused counts targets paused because the platform refuses them.
	Paused int
	// Problems describe the deliveries that did not go out, for the `once`
	// summary: "target: title: reason".
	Problems []string
}

// TakeStats returns the counts since the dispatcher was made or since the
// last TakeStats, and starts counting afresh.
func (d *Dispatcher) TakeStats() Stats {
	d.mu.Lock()
	defer d.mu.Unlock()
	s := d.stats
	d.stats = Stats{}
	return s
}

// Drain claims and sends due deliveries until none is due or ctx ends.
// Targets are served in parallel, each by one worker sending its deliveries
// one by one in enqueue order. Idle targets are claimed for again whenever a
// worker finishes, work is enqueued (Wake) or the poll interval passes, so a
// slow target (a group paced at 20 posts a minute, a platform answering
// slowly) never holds up the others.
func (d *Dispatcher) Drain(ctx context.Context) (int, error) {
	tick := time.NewTicker(d.opts.Poll)
	defer tick.Stop()
	stop := ctx.Done()
	total := 0
	busy := map[string]bool{}      // a worker holds, or will hold, the target's claim
	var waiting [][]model.Delivery // claimed queues waiting for a free worker
	done := make(chan string)
	running := 0
	var claimErr error
	for {
		full := false // the claim came back full: more may be due
		if ctx.Err() == nil && claimErr == nil {
			ids, err := d.claimable(ctx)
			if err != nil {
				claimErr = err
			}
			var idle []string
			for _, id := range ids {
				if !busy[id] {
					idle = append(idle, id)
				}
			}
			if len(idle) > 0 {
				batch, err := d.store.ClaimDeliveries(ctx, idle, d.opts.Batch, d.opts.PerTarget, d.opts.Lease)
				if err != nil {
					claimErr = err
				}
				total += len(batch)
				full = err == nil && len(batch) >= d.opts.Batch
				for _, q := range byTarget(batch) {
					busy[q[0].TargetID] = true
					waiting = append(waiting, q)
				}
			}
		}
		if ctx.Err() != nil {
			// Stopping: queues not started go back untouched.
			for _, q := range waiting {
				d.release(context.WithoutCancel(ctx), q)
			}
			waiting = nil
		}
		for running < d.opts.Parallel && len(waiting) > 0 {
			q := waiting[0]
			waiting = waiting[1:]
			running++
			go func() {
				d.serveTarget(ctx, q)
				done <- q[0].TargetID
			}()
		}
		if running == 0 && !full {
			if claimErr != nil {
				return total, claimErr
			}
			return total, ctx.Err()
		}
		if full && len(waiting) == 0 && ctx.Err() == nil {
			// Worker slots are free and more targets may have due
			// posts: claim for them now rather than at the next tick
			// (fanning out to many chats at one a second each needs them
			// all at work).
			continue
		}
		select {
		case id := <-done:
			running--
			delete(busy, id)
		case <-d.wake:
		case <-tick.C:
		case <-stop:
			stop = nil // seen: now only wait for the workers
		}
	}
}

// byTarget splits a claimed batch into per-target queues, in claim order.
func byTarget(batch []model.Delivery) [][]model.Delivery {
	index := map[string]int{}
	var out [][]model.Delivery
	for _, dl := range batch {
		i, ok := index[dl.TargetID]
		if !ok {
			i = len(out)
			index[dl.TargetID] = i
			out = append(out, nil)
		}
		out[i] = append(out[i], dl)
	}
	return out
}

// serveTarget sends one target's claimed deliveries in order. After a
// transient failure the rest are released, so they stay behind it.
func (d *Dispatcher) serveTarget(ctx context.Context, queue []model.Delivery) {
	// Bookkeeping must land even when ctx was cancelled mid-send.
	bg := context.WithoutCancel(ctx)
	target, ok := d.target(queue[0].TargetID)
	if !ok {
		// Claimed but unknown here (its subscription ended): give it back.
		d.release(bg, queue)
		return
	}
	// The limit check may ask the platform once; it must not hold a stop.
	fctx, cancel := context.WithTimeout(bg, min(d.opts.SendTimeout, 10*time.Second))
	fits := target.Publisher.Fits(fctx)
	var captionFits func(string) bool
	if c, ok := target.Publisher.(Captioner); ok && target.Images {
		captionFits = c.CaptionFits(fctx)
	}
	cancel()
	pacer, _ := target.Publisher.(Pacer)
	for i, dl := range queue {
		if pacer != nil {
			// Wait no later than the last moment the lease lets the send
			// start (reckoned on the dispatcher's clock; pacers wait in
			// real time).
			began := d.now()
			allowed := dl.LeaseUntil.Sub(began) - d.opts.SendTimeout - d.opts.leaseMargin()
			if allowed <= 0 {
				d.release(bg, queue[i:]) // no send may start: take no place for it
				return
			}
			wctx, cancel := context.WithTimeout(ctx, allowed)
			err := pacer.Wait(wctx)
			cancel()
			d.observeWait(target.ID, d.now().Sub(began))
			var pe *model.PaceError
			if errors.As(err, &pe) {
				// The rate limit has no place for it within the lease: the
				// delivery (and so the target's queue behind it) waits
				// until it has, without counting an attempt.
				if err := d.store.MarkRetry(bg, dl, d.now().Add(pe.Wait), dl.LastError, false); err != nil {
					d.log.Error("hold delivery for the rate limit", "err", err, "target", target.ID, "delivery", dl.ID)
				}
				d.release(bg, queue[i+1:])
				return
			}
			if err != nil {
				d.release(bg, queue[i:]) // stopping, or the lease ran short
				return
			}
		}
		// Stop when asked to, and never start a send that could outlive
		// the lease: another worker may take the delivery after it.
		if ctx.Err() != nil || !d.leaseAllowsSend(dl) {
			d.release(bg, queue[i:])
			return
		}
		if !d.sendOne(bg, target, fits, captionFits, dl) {
			d.release(bg, queue[i+1:])
			return
		}
	}
}

func (d *Dispatcher) release(ctx context.Context, ds []model.Delivery) {
	if len(ds) == 0 {
		return
	}
	if err := d.store.Release(ctx, ds); err != nil {
		d.log.Error("release deliveries", "err", err, "target", ds[0].TargetID)
	}
}

// sendOne renders, publishes and records one delivery; it reports whether
// the target may go on with the next one. A refusal with a remedy is cured
// once: a text too long is rendered shorter, a moved chat is followed, a
// target that cannot receive is paused with its posts kept.
func (d *Dispatcher) sendOne(ctx context.Context, t Target, fits, captionFits func(string) bool, dl model.Delivery) bool {
	log := d.log.With("target", t.ID, "delivery", dl.ID, "source", dl.Item.SourceID, "item", dl.Item.Key)
	post := model.PostOf(dl.Item, dl.SourceName)
	if !t.Images {
		post.Image = model.Image{}
	}
	if post.Image.URL != "" && dl.Attempts >= imageAttempts {
		// The image may be what keeps failing (a slow host that eats the
		// send's timeout): the post goes on without it.
		log.Warn("sending without the image after failed attempts", "attempts", dl.Attempts, "image", post.Image.URL)
		post.Image = model.Image{}
	}
	post.Hashtags = t.Hashtags.For(post.Tags, post.Language)
	lim := templates.Limits{Fits: fits, SummaryChars: t.SummaryChars, SummarySentences: t.SummarySentences, Location: d.opts.Location}
	for remedied := false; ; remedied = true {
		msg, err := d.render.Render(t.Template, post, lim)
		if err != nil {
			d.observe(t.ID, "failed", "render", 0)
			d.fail(ctx, log, dl, fmt.Sprintf("render: %v", err))
			return true
		}
		d.withImage(&msg, t.Template, post, lim, captionFits)
		msg.IdempotencyKey = dl.IdempotencyKey()
		sctx, cancel := context.WithTimeout(ctx, d.opts.SendTimeout)
		began := d.now()
		remoteID, err := t.Publisher.Publish(sctx, msg)
		took := d.now().Sub(began)
		cancel()
		if err == nil {
			d.observe(t.ID, "sent", "ok", took)
			if err := d.recordSent(ctx, dl, remoteID); err != nil {
				// The post is out; only its record failed. The lease will
				// expire and the platform may see it again: log loudly.
				log.Error("posted but not recorded", "remote_id", remoteID, "err", err)
				return false
			}
			log.Info("posted", "remote_id", remoteID, "attempt", dl.Attempts+1)
			d.count(func(s *Stats) { s.Sent++ })
			return true
		}
		var pe *model.PublishError
		errors.As(err, &pe)
		if pe == nil || remedied {
			return d.failed(ctx, log, t, dl, err, took)
		}
		if _, canMove := t.Publisher.(Mover); pe.Remedy == model.RemedyShorten || (pe.Remedy == model.RemedyMove && canMove) {
			d.observe(t.ID, "retry", Reason(err), took) // cured at once, below
		}
		if pe.Remedy == model.RemedyShorten || pe.Remedy == model.RemedyMove {
			if !d.leaseAllowsSend(dl) {
				// The cure needs a second send the lease may not cover:
				// leave it to the next claim.
				d.release(ctx, []model.Delivery{dl})
				return false
			}
		}
		switch pe.Remedy {
		case model.RemedyShorten:
			log.Warn("too long for the platform: sending it shorter", "reason", pe.Reason)
			post.Summary = post.Summary[:len(post.Summary)/2]
			continue
		case model.RemedyMove:
			if m, ok := t.Publisher.(Mover); ok {
				from := m.Move(pe.NewAddress)
				if err := d.store.MoveTarget(ctx, t.ID, from, pe.NewAddress); err != nil {
					log.Error("record the target's new address", "err", err)
				}
				d.notify(ctx, log, fmt.Sprintf("crier: target %s moved from chat %s to %s (%s); posts go there now.", t.ID, from, pe.NewAddress, pe.Reason))
				continue
			}
		case model.RemedyPause:
			d.observe(t.ID, "paused", Reason(err), took)
			d.pause(ctx, log, t, dl, pe.Reason)
			return false
		}
		return d.failed(ctx, log, t, dl, err, took)
	}
}

// imageAttempts is how many failed attempts a post makes with its image
// before it is sent without.
const imageAttempts = 2

// withImage gives the message its post's image, with the title for alt
// text when the page gave none, and the post rendered again to fit a
// caption where the publisher takes one ("" when even the title cannot
// fit: the publisher then sends the photo and the text apart).
func (d *Dispatcher) withImage(msg *model.Message, template string, post model.Post, lim templates.Limits, captionFits func(string) bool) {
	if post.Image.URL == "" {
		return
	}
	msg.Image = post.Image
	if msg.Image.Alt == "" {
		msg.Image.Alt = post.Title
	}
	if captionFits == nil {
		return
	}
	lim.Fits = captionFits
	if c, err := d.render.Render(template, post, lim); err == nil {
		msg.Caption = c.Text
	}
}

func (d *Dispatcher) observe(target, outcome, reason string, took time.Duration) {
	if d.opts.Observer != nil {
		d.opts.Observer.Delivery(target, outcome, reason, took)
	}
}

func (d *Dispatcher) observeWait(target string, waited time.Duration) {
	if d.opts.Observer != nil && waited > 0 {
		d.opts.Observer.Waited(target, waited)
	}
}

// leaseAllowsSend reports whether a send may start on the delivery: its
// timeout and the time to record the outcome fit in what is left of the
// lease, so no other worker can take the delivery while it is in flight.
func (d *Dispatcher) leaseAllowsSend(dl model.Delivery) bool {
	return !d.now().Add(d.opts.SendTimeout + d.opts.leaseMargin()).After(dl.LeaseUntil)
}

// failed records a send that failed without a remedy: a permanent error
// fails the delivery, anything else is retried later. It reports whether
// the target may go on.
func (d *Dispatcher) failed(ctx context.Context, log *slog.Logger, t Target, dl model.Delivery, err error, took time.Duration) bool {
	reason := err.Error()
	var pe *model.PublishError
	if errors.As(err, &pe) {
		reason = pe.Reason
	}
	if pe != nil && pe.Remedy == model.RemedyPause {
		d.observe(t.ID, "paused", Reason(err), took)
		d.pause(ctx, log, t, dl, reason)
		return false
	}
	if model.IsPermanent(err) {
		d.observe(t.ID, "failed", Reason(err), took)
		d.fail(ctx, log, dl, reason)
		return true
	}
	// A platform that only asks us to wait (a rate limit) does not use up
	// the delivery's attempts.
	waitAsked := pe != nil && pe.RetryAfter > 0
	if !waitAsked && dl.Attempts+1 >= d.opts.MaxAttempts {
		d.observe(t.ID, "failed", "gave_up", took)
		d.fail(ctx, log, dl, fmt.Sprintf("gave up after %d attempts: %s", dl.Attempts+1, reason))
		return true
	}
	d.observe(t.ID, "retry", Reason(err), took)
	wait := d.backoff(dl.Attempts, err)
	if err := d.store.MarkRetry(ctx, dl, d.now().Add(wait), reason, !waitAsked); err != nil {
		log.Error("record retry", "err", err)
	}
	log.Warn("send failed, will retry", "reason", reason, "retry_in", wait.Round(1e9).String(), "attempt", dl.Attempts+1)
	d.count(func(s *Stats) {
		s.Retried++
		s.Problems = append(s.Problems, fmt.Sprintf("%s: %q: will retry: %s", t.ID, dl.Item.Title, reason))
	})
	return false
}

// pause stops a target that cannot receive: its deliveries stay pending
// until an admin resumes it, and the admins are told.
func (d *Dispatcher) pause(ctx context.Context, log *slog.Logger, t Target, dl model.Delivery, reason string) {
	if err := d.store.PauseTarget(ctx, t.ID, reason); err != nil {
		log.Error("pause target", "err", err)
	}
	d.release(ctx, []model.Delivery{dl})
	log.Error("target paused", "reason", reason)
	d.count(func(s *Stats) {
		s.Paused++
		s.Problems = append(s.Problems, fmt.Sprintf("%s: paused: %s", t.ID, reason))
	})
	d.notify(ctx, log, fmt.Sprintf("crier: target %s is paused: %s. Its posts are kept; after fixing this, resume it with: crier resume %s", t.ID, reason, t.ID))
}

func (d *Dispatcher) notify(ctx context.Context, log *slog.Logger, text string) {
	if d.opts.Notifier == nil {
		return
	}
	if err := d.opts.Notifier.Notify(ctx, text); err != nil {
		log.Error("tell the admins", "err", err, "notice", text)
	}
}

func (d *Dispatcher) fail(ctx context.Context, log interface {
	Error(string, ...any)
}, dl model.Delivery, reason string) {
	if err := d.store.MarkFailed(ctx, dl, reason); err != nil {
		log.Error("record failure", "err", err)
	}
	log.Error("delivery failed", "reason", reason)
	d.count(func(s *Stats) {
		s.Failed++
		s.Problems = append(s.Problems, fmt.Sprintf("%s: %q: failed: %s", dl.TargetID, dl.Item.Title, reason))
	})
}

func (d *Dispatcher) count(f func(*Stats)) {
	d.mu.Lock()
	f(&d.stats)
	d.mu.Unlock()
}

// recordSent marks a delivery sent, retrying a busy or briefly unavailable
// store: once the platform has the post, losing its record means sending it
// again when the lease expires.
func (d *Dispatcher) recordSent(ctx context.Context, dl model.Delivery, remoteID string) error {
	var err error
	for attempt, wait := 0, 100*time.Millisecond; attempt < 6; attempt, wait = attempt+1, wait*2 {
		if err = d.store.MarkSent(ctx, dl, remoteID); err == nil || errors.Is(err, store.ErrNotFound) {
			return err
		}
		time.Sleep(wait)
	}
	return err
}
