package sqlstore

import (
	"context"
	"fmt"
	"time"
)

// ReserveRate takes the next place in the rate called key, one event per
// interval with bursts of up to burst, and returns how long to wait before
// using it. It is GCRA (a token bucket kept as one timestamp): the place is
// taken even when it lies ahead, so processes sharing the rate queue up in
// the order they asked, in one statement each.
func (s *Store) ReserveRate(ctx context.Context, key string, interval time.Duration, burst int) (time.Duration, error) {
	now, step := s.millis(), max(interval.Milliseconds(), 1)
	var tat int64
	err := s.db.QueryRowContext(ctx, `INSERT INTO rates (key, tat) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET tat = (CASE WHEN rates.tat > ? THEN rates.tat ELSE ? END) + ?
		RETURNING tat`, key, now+step, now, now, step).Scan(&tat)
	if err != nil {
		return 0, fmt.Errorf("reserve rate %s: %w", key, err)
	}
	wait := tat - int64(max(burst, 1))*step - now
	return time.Duration(max(wait, 0)) * time.Millisecond, nil
}

// HoldRate makes the rate's next place no earlier than until (the platform
// asked to wait).
func (s *Store) HoldRate(ctx context.Context, key string, until time.Time, interval time.Duration, burst int) error {
	// The next reservation lands at tat+interval and may go burst places
	// early: at until.
	tat := until.UnixMilli() + int64(max(burst, 1)-1)*max(interval.Milliseconds(), 1)
	if _, err := s.db.ExecContext(ctx, `INSERT INTO rates (key, tat) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET tat = CASE WHEN rates.tat < excluded.tat THEN excluded.tat ELSE rates.tat END`,
		key, tat); err != nil {
		return fmt.Errorf("hold rate %s: %w", key, err)
	}
	return nil
}
