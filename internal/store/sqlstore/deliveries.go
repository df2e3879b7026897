package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/crierhq/crier/internal/model"
)

// claimSQL leases due deliveries. A delivery is due when pending and its time
// has come, or sending with an expired lease (its worker died). It is held
// back while an earlier delivery of the same target is still waiting or in
// flight, so a target's posts go out in order. "blocked" finds each target's
// first such delivery once, so a claim costs one pass over the open rows
// whatever the backlog. %[1]s is the list of target placeholders.
const claimSQL = `
WITH blocked AS (
    SELECT target_id, MIN(id) AS first_id
    FROM deliveries
    WHERE state IN ('pending', 'sending') AND target_id IN (%[1]s)
      AND ((state = 'pending' AND next_attempt_at > ?) OR (state = 'sending' AND claimed_until > ?))
    GROUP BY target_id
), due AS (
    SELECT d.id, ROW_NUMBER() OVER (PARTITION BY d.target_id ORDER BY d.id) AS rn
    FROM deliveries d LEFT JOIN blocked b ON b.target_id = d.target_id
    WHERE d.state IN ('pending', 'sending') AND d.target_id IN (%[1]s)
      AND ((d.state = 'pending' AND d.next_attempt_at <= ?) OR (d.state = 'sending' AND d.claimed_until <= ?))
      AND d.target_id NOT IN (SELECT id FROM targets WHERE paused_reason <> '')
      AND (b.first_id IS NULL OR d.id < b.first_id)
)
UPDATE deliveries SET state = 'sending', claimed_until = ?, claim_token = ?
WHERE id IN (SELECT id FROM due WHERE rn <= ? ORDER BY id LIMIT ?)
  -- Checked again on the row itself: on PostgreSQL a row another
  -- transaction changed meanwhile (marked sent by its worker) is re-read
  -- against this clause only, not the CTE.
  AND ((state = 'pending' AND next_attempt_at <= ?) OR (state = 'sending' AND claimed_until <= ?))
RETURNING id`

const loadSQL = `
SELECT d.id, d.target_id, d.state, d.attempts, d.next_attempt_at, d.remote_id, d.last_error, d.claim_token, d.claimed_until,
       i.id, i.source_id, i.item_key, i.guid, i.title, i.link, i.author, i.published_at, i.tags, i.summary, i.origin, i.language,
       i.image_url, i.image_alt, s.name
FROM deliveries d
JOIN items i ON i.id = d.item_id
JOIN sources s ON s.id = i.source_id
WHERE d.id IN (%s)
ORDER BY d.target_id, d.id`

// claimChunk is how many targets one claim statement names: SQLite allows
// 32,766 variables in a statement and PostgreSQL 65,535, and the list is
// bound twice, so subscriber chats by the ten thousand are claimed for in
// turns of this many.
const claimChunk = 1000

// ClaimDeliveries leases due deliveries; see store.Store. With more targets
// than claimChunk, the statements take turns, starting each call at the
// next turn so that no part of the list waits behind the others for ever.
func (s *Store) ClaimDeliveries(ctx context.Context, targets []string, limit, perTarget int, lease time.Duration) ([]model.Delivery, error) {
	if len(targets) == 0 || limit <= 0 {
		return nil, nil
	}
	now := s.millis()
	token := rand.Int64N(math.MaxInt64-1) + 1
	chunks := (len(targets) + claimChunk - 1) / claimChunk
	first := int(s.claimTurn.Add(1) % uint64(chunks))
	var out []model.Delivery
	err := s.inTx(ctx, func(tx *Tx) error {
		out = out[:0]
		if s.dialect.ClaimLock != "" {
			if _, err := tx.ExecContext(ctx, s.dialect.ClaimLock); err != nil {
				return err
			}
		}
		var ids []any
		for c := 0; c < chunks && len(ids) < limit; c++ {
			k := (first + c) % chunks
			chunk := targets[k*claimChunk : min((k+1)*claimChunk, len(targets))]
			got, err := claimChunkOf(ctx, tx, chunk, now, now+lease.Milliseconds(), token, perTarget, limit-len(ids))
			if err != nil {
				return err
			}
			ids = append(ids, got...)
		}
		if len(ids) == 0 {
			return nil
		}
		rows, err := tx.QueryContext(ctx, fmt.Sprintf(loadSQL, placeholders(len(ids))), ids...)
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

// claimChunkOf runs claimSQL for some targets and returns the ids claimed.
func claimChunkOf(ctx context.Context, tx *Tx, targets []string, now, until, token int64, perTarget, limit int) ([]any, error) {
	args := make([]any, 0, 2*len(targets)+10)
	for _, t := range targets {
		args = append(args, t)
	}
	args = append(args, now, now)
	for _, t := range targets {
		args = append(args, t)
	}
	args = append(args, now, now, until, token, perTarget, limit, now, now)
	rows, err := tx.QueryContext(ctx, fmt.Sprintf(claimSQL, placeholders(len(targets))), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []any
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

func scanDelivery(rows *sql.Rows) (model.Delivery, error) {
	var d model.Delivery
	var next, published, lease int64
	var state, tags, summary string
	it := &d.Item
	err := rows.Scan(&d.ID, &d.TargetID, &state, &d.Attempts, &next, &d.RemoteID, &d.LastError, &d.Claim, &lease,
		&it.ID, &it.SourceID, &it.Key, &it.GUID, &it.Title, &it.Link, &it.Author, &published, &tags, &summary, &it.Origin, &it.Language,
		&it.Image.URL, &it.Image.Alt, &d.SourceName)
	if err != nil {
		return d, err
	}
	d.State = model.DeliveryState(state)
	d.NextAt = fromMillis(next)
	d.LeaseUntil = fromMillis(lease)
	it.Published = fromMillis(published)
	it.State = model.ItemQueued
	_ = json.Unmarshal([]byte(tags), &it.Tags)
	_ = json.Unmarshal([]byte(summary), &it.Summary)
	return d, nil
}

// MarkSent records the platform's acceptance.
func (s *Store) MarkSent(ctx context.Context, d model.Delivery, remoteID string) error {
	return s.update(ctx, d, `UPDATE deliveries SET state = 'sent', remote_id = ?, sent_at = ?, attempts = attempts + 1,
		claimed_until = 0, claim_token = 0, last_error = '' WHERE id = ? AND state = 'sending' AND claim_token = ?`,
		remoteID, s.millis(), d.ID, d.Claim)
}

// MarkRetry schedules another attempt.
func (s *Store) MarkRetry(ctx context.Context, d model.Delivery, next time.Time, reason string, countAttempt bool) error {
	inc := 0
	if countAttempt {
		inc = 1
	}
	return s.update(ctx, d, `UPDATE deliveries SET state = 'pending', next_attempt_at = ?, attempts = attempts + ?,
		claimed_until = 0, claim_token = 0, last_error = ? WHERE id = ? AND state = 'sending' AND claim_token = ?`,
		next.UnixMilli(), inc, reason, d.ID, d.Claim)
}

// MarkFailed gives up on a delivery.
func (s *Store) MarkFailed(ctx context.Context, d model.Delivery, reason string) error {
	return s.update(ctx, d, `UPDATE deliveries SET state = 'failed', attempts = attempts + 1, claimed_until = 0,
		claim_token = 0, last_error = ? WHERE id = ? AND state = 'sending' AND claim_token = ?`, reason, d.ID, d.Claim)
}

func (s *Store) update(ctx context.Context, d model.Delivery, query string, args ...any) error {
	res, err := s.db.ExecContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("delivery %d: %w", d.ID, err)
	}
	return expectRow(res, fmt.Sprintf("claim of delivery %d", d.ID))
}

// Release returns claimed deliveries to pending without counting an attempt.
func (s *Store) Release(ctx context.Context, ds []model.Delivery) error {
	return s.inTx(ctx, func(tx *Tx) error {
		for _, d := range ds {
			if _, err := tx.ExecContext(ctx, `UPDATE deliveries SET state = 'pending', claimed_until = 0, claim_token = 0
				WHERE id = ? AND state = 'sending' AND claim_token = ?`, d.ID, d.Claim); err != nil {
				return fmt.Errorf("release delivery %d: %w", d.ID, err)
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

// OpenDeliveries counts each target's deliveries waiting or in flight; it
// reads only the open rows' index, however long the history.
func (s *Store) OpenDeliveries(ctx context.Context) (map[string]int, error) {
	return s.countByTarget(ctx, "open deliveries", `SELECT target_id, COUNT(*) FROM deliveries
		WHERE state IN ('pending', 'sending') GROUP BY target_id`)
}

// countByTarget runs q, a query of (target_id, count) rows, into a map;
// what names the count in errors.
func (s *Store) countByTarget(ctx context.Context, what, q string) (map[string]int, error) {
	rows, err := s.db.QueryContext(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var target string
		var n int
		if err := rows.Scan(&target, &n); err != nil {
			return nil, err
		}
		out[target] = n
	}
	return out, rows.Err()
}
