package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// ReserveRate takes the next place in the rate called key, one event per
// interval with bursts of up to burst, and returns how long to wait before
// using it. It is GCRA (a token bucket kept as one timestamp): the place is
// taken even when it lies ahead, so processes sharing the rate queue up in
// the order they asked, in one statement each. A place that could not be
// used within maxWait is not taken (a caller that would give up on it must
// not push everyone else back): then the wait returned is the one the next
// place needs, more than maxWait.
func (s *Store) ReserveRate(ctx context.Context, key string, interval time.Duration, burst int, maxWait time.Duration) (time.Duration, error) {
	now, step := s.millis(), max(interval.Milliseconds(), 1)
	slack := int64(max(burst, 1)) * step // how far ahead of now a usable place may lie
	// The place taken is max(tat, now) + step, usable slack earlier: taken
	// only when tat + step - slack - now <= maxWait.
	limit := now + min(maxWait.Milliseconds(), 1<<50) + slack - step
	var tat int64
	err := s.db.QueryRowContext(ctx, `INSERT INTO rates (key, tat) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET tat = (CASE WHEN rates.tat > ? THEN rates.tat ELSE ? END) + ?
		WHERE rates.tat <= ?
		RETURNING tat`, key, now+step, now, now, step, limit).Scan(&tat)
	if errors.Is(err, sql.ErrNoRows) {
		// Not taken: the next place would be too far ahead.
		if err = s.db.QueryRowContext(ctx, `SELECT tat FROM rates WHERE key = ?`, key).Scan(&tat); err == nil {
			return time.Duration(tat+step-slack-now) * time.Millisecond, nil
		}
	}
	if err != nil {
		return 0, fmt.Errorf("reserve rate %s: %w", key, err)
	}
	wait := tat - slack - now
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
