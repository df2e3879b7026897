package model

import (
	"context"
	"errors"
	"fmt"
	"math"
	"time"
)

// PublishError is what publishers return when the platform refused or could not
// be reached; the dispatcher decides with it whether and when to retry.
type PublishError struct {
	// Permanent errors are not retried: the same request would fail again.
	Permanent bool
	// RetryAfter is the wait the platform asked for (0: the caller's backoff).
	RetryAfter time.Duration
	// Reason is a short, secret-free description fit for logs and admins.
	Reason string
	// Remedy is what the dispatcher should do instead of retrying as is.
	Remedy Remedy
	// NewAddress is where the target moved, with RemedyMove.
	NewAddress string
	Err        error
}

// Remedy is a permanent error's cure, when there is one.
type Remedy string

const (
	// RemedyPause: the target cannot receive anything (chat not found, bot
	// blocked or removed, credentials refused). It is paused with the
	// reason and its posts wait, instead of failing one by one.
	RemedyPause Remedy = "pause"
	// RemedyShorten: the text is over the platform's limit as it counts;
	// render it shorter and send again, once.
	RemedyShorten Remedy = "shorten"
	// RemedyMove: the chat moved (a group upgraded to a supergroup); send
	// to NewAddress from now on.
	RemedyMove Remedy = "move"
)

func (e *PublishError) Error() string {
	kind := "transient"
	if e.Permanent {
		kind = "permanent"
	}
	if e.RetryAfter > 0 {
		return fmt.Sprintf("%s error (retry after %s): %s", kind, e.RetryAfter, e.Reason)
	}
	return fmt.Sprintf("%s error: %s", kind, e.Reason)
}

func (e *PublishError) Unwrap() error { return e.Err }

// IsPermanent reports whether err is a publish error that must not be retried.
func IsPermanent(err error) bool {
	var pe *PublishError
	return errors.As(err, &pe) && pe.Permanent
}

// PaceError is what a pacer returns when the rate limit would not let the
// message go before its context's deadline: nothing was counted or
// reserved for it, and Wait is how long from now it would have to wait (a
// duration, not a time: callers may run on a clock of their own).
type PaceError struct{ Wait time.Duration }

func (e *PaceError) Error() string {
	return fmt.Sprintf("rate limit: the next place is %s away", e.Wait.Round(time.Millisecond))
}

// PaceDeadline is how long a pacer may wait under ctx: until its deadline
// (real time, as contexts keep it), or without bound.
func PaceDeadline(ctx context.Context) time.Duration {
	if dl, ok := ctx.Deadline(); ok {
		return max(time.Until(dl), 0)
	}
	return time.Duration(math.MaxInt64)
}
