package sqlstore

import (
	"context"
	"fmt"

	"github.com/crierhq/crier/internal/store"
)

// RecentDuplicates lists the latest items recorded as duplicates; see
// store.Store.
func (s *Store) RecentDuplicates(ctx context.Context, limit int) ([]store.Duplicate, error) {
	rows, err := s.db.QueryContext(ctx, `
		SELECT i.id, i.source_id, i.title, i.link, si.name,
		       o.id, o.source_id, o.title, o.link, so.name,
		       (SELECT COUNT(*) FROM deliveries d WHERE d.item_id = i.id AND d.state = 'skipped'
		        AND d.last_error NOT LIKE 'filtered:%')
		FROM items i
		JOIN items o ON o.id = i.duplicate_of
		JOIN sources si ON si.id = i.source_id
		JOIN sources so ON so.id = o.source_id
		WHERE i.duplicate_of IS NOT NULL
		ORDER BY i.id DESC LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("recent duplicates: %w", err)
	}
	defer rows.Close()
	var out []store.Duplicate
	for rows.Next() {
		var d store.Duplicate
		if err := rows.Scan(&d.Item.ID, &d.Item.SourceID, &d.Item.Title, &d.Item.Link, &d.SourceName,
			&d.Original.ID, &d.Original.SourceID, &d.Original.Title, &d.Original.Link, &d.OriginalSource,
			&d.Skipped); err != nil {
			return nil, err
		}
		d.Item.DuplicateOf = d.Original.ID
		out = append(out, d)
	}
	return out, rows.Err()
}
