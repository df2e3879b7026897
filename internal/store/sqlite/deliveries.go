package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/crierhq/crier/internal/model"
)

// claimSQL leases due deliveries. A delivery is due when pending and its time
// has come, or sending with an expired lease (its worker died). It is held
// back while an earlier delivery of the same target is still waiting or in
// flight, so a target's posts go out in order.
const claimSQL = `
WITH due AS (
    SELECT d.id, ROW_NUMBER() OVER (PARTITION BY d.target_id ORDER BY d.id) AS rn
    FROM deliveries d
    JOIN targets t ON t.id = d.target_id AND t.active = 1
    WHERE d.state IN ('pending', 'sending')
      AND ((d.state = 'pending' AND d.next_attempt_at <= ?1) OR (d.state = 'sending' AND d.claimed_until <= ?1))
      AND NOT EXISTS (
          SELECT 1 FROM deliveries e
          WHERE e.target_id = d.target_id AND e.id < d.id AND e.state IN ('pending', 'sending')
            AND ((e.state = 'pending' AND e.next_attempt_at > ?1) OR (e.state = 'sending' AND e.claimed_until > ?1)))
)
UPDATE deliveries SET state = 'sending', claimed_until = ?2
WHERE id IN (SELECT id FROM due WHERE rn <= ?3 ORDER BY id LIMIT ?4)
RETURNING id`

const loadSQL = `
SELECT d.id, d.target_id, d.state, d.attempts, d.next_attempt_at, d.remote_id, d.last_error,
       i.id, i.source_id, i.item_key, i.guid, i.title, i.link, i.author, i.published_at, i.tags, i.summary, s.name
FROM deliveries d
JOIN items i ON i.id = d.item_id
JOIN sources s ON s.id = i.source_id
WHERE d.id IN (%s)
ORDER BY d.target_id, d.id`

// ClaimDeliveries leases due deliveries; see store.Store.
func (s *Store) ClaimDeliveries(ctx context.Context, limit, perTarget int, lease time.Duration) ([]model.Delivery, error) {
	now := s.now()
	var out []model.Delivery
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		out = out[:0]
		rows, err := tx.QueryContext(ctx, claimSQL, now.UnixMilli(), now.Add(lease).UnixMilli(), perTarget, limit)
		if err != nil {
			return err
		}
		var ids []any
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return err
			}
			ids = append(ids, id)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if len(ids) == 0 {
			return nil
		}
		marks := strings.TrimSuffix(strings.Repeat("?,", len(ids)), ",")
		rows, err = tx.QueryContext(ctx, fmt.Sprintf(loadSQL, marks), ids...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			d, err := scanDelivery(rows)
			if err != nil {
				return err
			}
			out = append(out, d)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("claim deliveries: %w", err)
	}
	return out, nil
}

func scanDelivery(rows *sql.Rows) (model.Delivery, error) {
	var d model.Delivery
	var next, published int64
	var state, tags, summary string
	it := &d.Item
	err := rows.Scan(&d.ID, &d.TargetID, &state, &d.Attempts, &next, &d.RemoteID, &d.LastError,
		&it.ID, &it.SourceID, &it.Key, &it.GUID, &it.Title, &it.Link, &it.Author, &published, &tags, &summary, &d.SourceName)
	if err != nil {
		return d, err
	}
	d.State = model.DeliveryState(state)
	d.NextAt = fromMillis(next)
	it.Published = fromMillis(published)
	it.State = model.ItemQueued
	_ = json.Unmarshal([]byte(tags), &it.Tags)
	_ = json.Unmarshal([]byte(summary), &it.Summary)
	return d, nil
}

// MarkSent records the platform's acceptance.
func (s *Store) MarkSent(ctx context.Context, id int64, remoteID string) error {
	return s.update(ctx, id, `UPDATE deliveries SET state = 'sent', remote_id = ?, sent_at = ?, attempts = attempts + 1,
		claimed_until = 0, last_error = '' WHERE id = ? AND state = 'sending'`, remoteID, s.millis(), id)
}

// MarkRetry schedules another attempt.
func (s *Store) MarkRetry(ctx context.Context, id int64, next time.Time, reason string) error {
	return s.update(ctx, id, `UPDATE deliveries SET state = 'pending', next_attempt_at = ?, attempts = attempts + 1,
		claimed_until = 0, last_error = ? WHERE id = ? AND state = 'sending'`, next.UnixMilli(), reason, id)
}

// MarkFailed gives up on a delivery.
func (s *Store) MarkFailed(ctx context.Context, id int64, reason string) error {
	return s.update(ctx, id, `UPDATE deliveries SET state = 'failed', attempts = attempts + 1, claimed_until = 0,
		last_error = ? WHERE id = ? AND state = 'sending'`, reason, id)
}

func (s *Store) update(ctx context.Context, id int64, query string, args ...any) error {
	res, err := s.db.ExecContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("delivery %d: %w", id, err)
	}
	return expectRow(res, fmt.Sprintf("claimed delivery %d", id))
}

// Release returns claimed deliveries to pending without counting an attempt.
func (s *Store) Release(ctx context.Context, ids []int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		for _, id := range ids {
			if _, err := tx.ExecContext(ctx, `UPDATE deliveries SET state = 'pending', claimed_until = 0
				WHERE id = ? AND state = 'sending'`, id); err != nil {
				return fmt.Errorf("release delivery %d: %w", id, err)
			}
		}
		return nil
	})
}

// DeliveryCounts counts deliveries by target and state.
func (s *Store) DeliveryCounts(ctx context.Context) (map[string]map[model.DeliveryState]int, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT target_id, state, COUNT(*) FROM deliveries GROUP BY target_id, state`)
	if err != nil {
		return nil, fmt.Errorf("count deliveries: %w", err)
	}
	defer rows.Close()
	out := map[string]map[model.DeliveryState]int{}
	for rows.Next() {
		var target, state string
		var n int
		if err := rows.Scan(&target, &state, &n); err != nil {
			return nil, err
		}
		if out[target] == nil {
			out[target] = map[model.DeliveryState]int{}
		}
		out[target][model.DeliveryState(state)] = n
	}
	return out, rows.Err()
}
