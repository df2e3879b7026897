package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/crierhq/crier/internal/model"
	"github.com/crierhq/crier/internal/store"
)

// SaveItems records a successful poll and inserts the items not seen before.
func (s *Store) SaveItems(ctx context.Context, sourceID string, v model.FetchState, items []model.Item) ([]model.Item, error) {
	now := s.millis()
	var inserted []model.Item
	err := s.inTx(ctx, func(tx *Tx) error {
		inserted = inserted[:0]
		if v.Initialized {
			// The poll decided new against seen on a source that had
			// been polled before; if it has been reset since (removed and
			// added again, its URL changed), that decision is stale.
			var initialized bool
			err := tx.QueryRowContext(ctx, `SELECT initialized FROM sources WHERE id = ?`, sourceID).Scan(&initialized)
			if err == nil && !initialized {
				return store.ErrSourceReset
			}
		}
		stmt, err := tx.PrepareContext(ctx, `INSERT INTO items (source_id, item_key, state, guid, title, link, author,
			content, published_at, tags, created_at, image_url, image_alt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (source_id, item_key) DO NOTHING RETURNING id`)
		if err != nil {
			return err
		}
		defer stmt.Close()
		fresh := false
		for _, it := range items {
			content, image := it.Content, it.Image
			if it.State != model.ItemNew {
				// Seen items are never summarised nor posted: keep
				// neither their text nor their image.
				content, image = "", model.Image{}
			}
			tags, _ := json.Marshal(nonNil(it.Tags))
			var id int64
			err := stmt.QueryRowContext(ctx, sourceID, it.Key, string(it.State), it.GUID, it.Title, it.Link, it.Author,
				content, toMillis(it.Published), string(tags), now, image.URL, image.Alt).Scan(&id)
			if errors.Is(err, sql.ErrNoRows) {
				continue // already stored
			}
			if err != nil {
				return fmt.Errorf("insert item %q: %w", it.Key, err)
			}
			it.ID, it.SourceID = id, sourceID
			inserted = append(inserted, it)
			fresh = fresh || it.State == model.ItemNew
		}
		newItemAt := "last_new_item_at"
		if fresh {
			newItemAt = "?"
		}
		args := []any{v.ETag, v.LastModified, now, now}
		if fresh {
			args = append(args, now)
		}
		res, err := tx.ExecContext(ctx, `UPDATE sources SET etag = ?, last_modified = ?, initialized = 1,
			last_polled_at = ?, last_success_at = ?, last_new_item_at = `+newItemAt+`,
			consecutive_errors = 0, last_error = '', retry_at = 0 WHERE id = ?`, append(args, sourceID)...)
		if err != nil {
			return err
		}
		return expectRow(res, "source "+sourceID)
	})
	if err != nil {
		return nil, fmt.Errorf("save items of %s: %w", sourceID, err)
	}
	return inserted, nil
}

// PendingItems lists the source's items awaiting summary and fan-out.
func (s *Store) PendingItems(ctx context.Context, sourceID string, limit int) ([]model.Item, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, item_key, guid, title, link, author, content, published_at, tags,
		image_url, image_alt FROM items WHERE source_id = ? AND state = 'new' ORDER BY id LIMIT ?`, sourceID, limit)
	if err != nil {
		return nil, fmt.Errorf("pending items of %s: %w", sourceID, err)
	}
	defer rows.Close()
	var out []model.Item
	for rows.Next() {
		it := model.Item{SourceID: sourceID, State: model.ItemNew}
		var published int64
		var tags string
		if err := rows.Scan(&it.ID, &it.Key, &it.GUID, &it.Title, &it.Link, &it.Author, &it.Content, &published, &tags,
			&it.Image.URL, &it.Image.Alt); err != nil {
			return nil, err
		}
		it.Published = fromMillis(published)
		_ = json.Unmarshal([]byte(tags), &it.Tags)
		out = append(out, it)
	}
	return out, rows.Err()
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
