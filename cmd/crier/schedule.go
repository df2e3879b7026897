package main

import (
	"time"

	"github.com/robfig/cron/v3"
)

// parseSchedule reads a source's cron expression. "@every D" runs at the
// multiples of D on a fixed grid (time.Truncate's), not D after the process
// started, so that replicas agree on every due time (and so on who polls
// it).
func parseSchedule(spec string) (cron.Schedule, error) {
	s, err := cron.ParseStandard(spec)
	if err != nil {
		return nil, err
	}
	if every, ok := s.(cron.ConstantDelaySchedule); ok {
		return alignedEvery{every.Delay}, nil
	}
	return s, nil
}

// alignedEvery is "@every D" on the epoch's grid.
type alignedEvery struct{ d time.Duration }

func (a alignedEvery) Next(t time.Time) time.Time {
	return t.Truncate(a.d).Add(a.d)
}

// prevDue is the latest due time of s at or before now: what a poll at
// start-up stands for. A schedule with no due time in the last day gives
// now, to the minute.
func prevDue(s cron.Schedule, now time.Time) time.Time {
	if a, ok := s.(alignedEvery); ok {
		return now.Truncate(a.d)
	}
	t := s.Next(now.Add(-24 * time.Hour))
	if t.After(now) {
		return now.Truncate(time.Minute)
	}
	for {
		n := s.Next(t)
		if n.After(now) {
			return t
		}
		t = n
	}
}
