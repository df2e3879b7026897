package sqlstore

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/crierhq/crier/internal/store"
)

// EnqueueDeliveries stores the summary and fans the item out to its targets;
// see store.Store. The duplicate check runs in the same transaction as the
// fan-out, so of two copies enqueued at once one always sees the other.
func (s *Store) EnqueueDeliveries(ctx context.Context, e store.Enqueue) (store.Enqueued, error) {
	now := s.millis()
	var out store.Enqueued
	err := s.inTx(ctx, func(tx *Tx) error {
		out = store.Enqueued{}
		sum, _ := json.Marshal(nonNil(e.Summary))
		res, err := tx.ExecContext(ctx, `UPDATE items SET state = 'queued', summary = ?, origin = ?, language = ?, content = '',
			image_url = ?, image_alt = ? WHERE id = ? AND state = 'new'`, string(sum), e.Origin, e.Language,
			e.Image.URL, e.Image.Alt, e.ItemID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil // queued already (or unknown): nothing to add
		}
		have := map[string]bool{}
		if e.Story != nil {
			if out.DuplicateOf, have, err = s.recordStory(ctx, tx, e.ItemID, e.Story, now); err != nil {
				return fmt.Errorf("story: %w", err)
			}
		}
		for _, t := range e.Targets {
			state, reason := "pending", ""
			if why, ok := e.Skip[t]; ok {
				// The target never wanted it: a filter outranks a duplicate.
				state, reason = "skipped", why
			} else if have[t] {
				state, reason = "skipped", fmt.Sprintf("duplicate of item %d", out.DuplicateOf)
			}
			res, err := tx.ExecContext(ctx, `INSERT INTO deliveries (item_id, target_id, state, last_error, next_attempt_at, created_at)
				VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (item_id, target_id) DO NOTHING`, e.ItemID, t, state, reason, now, now)
			if err != nil {
				return fmt.Errorf("target %s: %w", t, err)
			}
			n, _ := res.RowsAffected()
			switch {
			case n == 0:
			case state == "pending":
				out.Created++
			case e.Skip[t] != "":
				out.Filtered++
			default:
				out.Skipped++
			}
		}
		return nil
	})
	if err != nil {
		return store.Enqueued{}, fmt.Errorf("enqueue item %d: %w", e.ItemID, err)
	}
	return out, nil
}

// recordStory finds the earliest recent item telling the same story, links
// the item to it and returns the targets that already have that story: a
// delivery, in any state but failed, of the first item or of any copy. The item's own fingerprint is
// stored for later copies, and fingerprints older than the window pruned.
func (s *Store) recordStory(ctx context.Context, tx *Tx, itemID int64, st *store.Story, now int64) (int64, map[string]bool, error) {
	since := st.Since.UnixMilli()
	if s.dialect.StoryLock != "" {
		if _, err := tx.ExecContext(ctx, s.dialect.StoryLock); err != nil {
			return 0, nil, err
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM stories WHERE created_at < ?`, since); err != nil {
		return 0, nil, err
	}
	var original int64
	if len(st.Bands) > 0 {
		args := []any{since, itemID}
		for _, b := range st.Bands {
			args = append(args, b)
		}
		rows, err := tx.QueryContext(ctx, `SELECT s.item_id, s.print FROM stories s
			WHERE s.created_at >= ? AND s.item_id <> ? AND s.item_id IN (
				SELECT item_id FROM story_bands WHERE band IN (`+placeholders(len(st.Bands))+`))
			ORDER BY s.item_id`, args...)
		if err != nil {
			return 0, nil, err
		}
		for rows.Next() {
			var id int64
			var print []byte
			if err := rows.Scan(&id, &print); err != nil {
				rows.Close()
				return 0, nil, err
			}
			if st.Same(print) {
				original = id
				break
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return 0, nil, err
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO stories (item_id, created_at, print) VALUES (?, ?, ?)
		ON CONFLICT (item_id) DO NOTHING`, itemID, now, st.Print); err != nil {
		return 0, nil, err
	}
	for _, b := range st.Bands {
		if _, err := tx.ExecContext(ctx, `INSERT INTO story_bands (band, item_id) VALUES (?, ?) ON CONFLICT DO NOTHING`, b, itemID); err != nil {
			return 0, nil, err
		}
	}
	have := map[string]bool{}
	if original == 0 {
		return 0, have, nil
	}
	if _, err := tx.ExecContext(ctx, `UPDATE items SET duplicate_of = ? WHERE id = ?`, original, itemID); err != nil {
		return 0, nil, err
	}
	// Every copy counts: the first and those already recorded as its
	// duplicates, which may have reached targets the first did not. A copy
	// a target's filters refused did not reach it.
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT target_id FROM deliveries WHERE state <> 'failed'
		AND NOT (state = 'skipped' AND last_error LIKE 'filtered:%')
		AND (item_id = ? OR item_id IN (SELECT id FROM items WHERE duplicate_of = ? AND id <> ?))`, original, original, itemID)
	if err != nil {
		return 0, nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			return 0, nil, err
		}
		have[t] = true
	}
	return original, have, rows.Err()
}
