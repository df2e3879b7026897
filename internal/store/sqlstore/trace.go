package sqlstore

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/crierhq/crier/internal/model"
	"github.com/crierhq/crier/internal/store"
)

// TraceItems finds items with their deliveries; see store.Store. A lookup by
// link reads the items table without an index: it serves an admin's
// occasional question, and an index on every link would cost each poll.
func (s *Store) TraceItems(ctx context.Context, id int64, link string, limit int) ([]store.ItemTrace, error) {
	where, arg := "i.link = ?", any(link)
	if id > 0 {
		where, arg = "i.id = ?", any(id)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT i.id, i.source_id, i.item_key, i.state, i.title, i.link, i.tags,
		COALESCE(i.duplicate_of, 0), s.name
		FROM items i JOIN sources s ON s.id = i.source_id
		WHERE `+where+` ORDER BY i.id DESC LIMIT ?`, arg, limit)
	if err != nil {
		return nil, fmt.Errorf("trace items: %w", err)
	}
	var out []store.ItemTrace
	for rows.Next() {
		var tr store.ItemTrace
		var state, tags string
		it := &tr.Item
		if err := rows.Scan(&it.ID, &it.SourceID, &it.Key, &state, &it.Title, &it.Link, &tags, &it.DuplicateOf, &tr.SourceName); err != nil {
			rows.Close()
			return nil, err
		}
		it.State = model.ItemState(state)
		_ = json.Unmarshal([]byte(tags), &it.Tags)
		out = append(out, tr)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		if out[i].Deliveries, err = s.itemDeliveries(ctx, out[i].Item.ID); err != nil {
			return nil, fmt.Errorf("trace item %d: %w", out[i].Item.ID, err)
		}
	}
	return out, nil
}

func (s *Store) itemDeliveries(ctx context.Context, itemID int64) ([]model.Delivery, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, target_id, state, attempts, next_attempt_at, remote_id, last_error
		FROM deliveries WHERE item_id = ? ORDER BY target_id`, itemID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Delivery
	for rows.Next() {
		var d model.Delivery
		var state string
		var next int64
		if err := rows.Scan(&d.ID, &d.TargetID, &state, &d.Attempts, &next, &d.RemoteID, &d.LastError); err != nil {
			return nil, err
		}
		d.State, d.NextAt = model.DeliveryState(state), fromMillis(next)
		out = append(out, d)
	}
	return out, rows.Err()
}

// FilteredCounts counts deliveries skipped by filters; see store.Store.
func (s *Store) FilteredCounts(ctx context.Context) (map[string]int, error) {
	return s.countByTarget(ctx, "count filtered deliveries", `SELECT target_id, COUNT(*) FROM deliveries
		WHERE state = 'skipped' AND last_error LIKE 'filtered:%' GROUP BY target_id`)
}
