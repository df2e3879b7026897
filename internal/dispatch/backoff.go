package dispatch

import (
	"errors"
	"math/rand/v2"
	"time"

	"github.com/crierhq/crier/internal/model"
)

func defaultJitter() float64 { return rand.Float64() }

// backoff is how long to wait before attempt number attempts+2: what the
// platform asked for if it said, else exponential from BaseBackoff, capped,
// with ±20 % jitter so many targets do not retry in lockstep.
func (d *Dispatcher) backoff(attempts int, err error) time.Duration {
	var pe *model.PublishError
	if errors.As(err, &pe) && pe.RetryAfter > 0 {
		// Never earlier than asked; a little later spreads the herd.
		return pe.RetryAfter + time.Duration(d.jitter()*float64(time.Second))
	}
	wait := d.opts.BaseBackoff
	for i := 0; i < attempts && wait < d.opts.MaxBackoff; i++ {
		wait *= 2
	}
	wait = min(wait, d.opts.MaxBackoff)
	return time.Duration(float64(wait) * (0.8 + 0.4*d.jitter()))
}
