package telegramapi

import (
	"context"
	"math"
	"time"
)

// maxPollTimeout is the longest a long poll waits, in seconds: the Bot API
// cuts a larger timeout down to it.
const maxPollTimeout = 50

var (
	errPollReplaced = conflict("terminated by other getUpdates request; make sure that only one bot instance is running")
	errPollWebhook  = conflict("terminated by setWebhook request")
	errWebhookSet   = conflict("can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first")
)

// longPoll is a getUpdates request waiting for updates.
type longPoll struct {
	ended chan struct{} // closed when another request ends the poll
	err   *apiError     // the answer it ends with
}

// endPoll makes the waiting long poll, if any, answer err; s.mu must be
// held.
func (q *updateQueue) endPoll(err *apiError) {
	if q.poll != nil {
		q.poll.err = err
		close(q.poll.ended)
		q.poll = nil
	}
}

// Specs: https://core.telegram.org/bots/api#getupdates
func (s *Server) getUpdates(ctx context.Context, p params) (any, *apiError) {
	if s.webhook.url != "" {
		return nil, errWebhookSet
	}
	offset := intArg(p.get("offset"), 0, math.MinInt32, math.MaxInt32)
	limit := intArg(p.get("limit"), 100, 1, 100)
	timeout := intArg(p.get("timeout"), 0, 0, maxPollTimeout)
	q := &s.updates
	q.setAllowed(p.get("allowed_updates"))
	from := q.start(offset)
	if batch := q.take(from, limit); len(batch) > 0 || timeout == 0 {
		return batch, nil
	}
	return s.longPoll(ctx, from, limit, time.Duration(timeout)*time.Second)
}

// longPoll waits until an update from from on arrives, the timeout passes,
// the client goes away or the server closes, and answers what is there by
// then. Like the Bot API it serves one long poll at a time: a newer one ends
// this one with 409. s.mu must be held; it is released while waiting.
func (s *Server) longPoll(ctx context.Context, from, limit int, timeout time.Duration) (any, *apiError) {
	q := &s.updates
	q.endPoll(errPollReplaced)
	poll := &longPoll{ended: make(chan struct{})}
	q.poll = poll
	defer func() {
		if q.poll == poll {
			q.poll = nil
		}
	}()
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	for {
		arrived := q.arrived
		expired := false
		s.mu.Unlock()
		select {
		case <-arrived:
		case <-poll.ended:
		case <-timer.C:
			expired = true
		case <-ctx.Done():
			expired = true
		case <-s.closing:
			expired = true
		}
		s.mu.Lock()
		if poll.err != nil {
			return nil, poll.err
		}
		// Updates arrive for the poll's offset; another request may have
		// confirmed them meanwhile, so this can still be empty.
		if batch := q.take(from, limit); len(batch) > 0 || expired {
			return batch, nil
		}
	}
}

// Polling reports whether a getUpdates long poll is waiting, so that a test
// can wait for its bot to be idle before it pushes an update.
func (s *Server) Polling() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.updates.poll != nil
}
