package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/crierhq/crier/internal/model"
	"github.com/crierhq/crier/internal/store"
)

// SyncSources upserts the configured sources.
func (s *Store) SyncSources(ctx context.Context, sources []model.Source) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		for _, src := range sources {
			// A new URL is a new feed: forget the old one's validators and
			// mark its first poll again, so its current items are not posted
			// as a flood.
			if _, err := tx.ExecContext(ctx, `INSERT INTO sources (id, name, url) VALUES (?, ?, ?)
				ON CONFLICT (id) DO UPDATE SET name = excluded.name, url = excluded.url,
				etag = CASE WHEN sources.url = excluded.url THEN sources.etag ELSE '' END,
				last_modified = CASE WHEN sources.url = excluded.url THEN sources.last_modified ELSE '' END,
				initialized = CASE WHEN sources.url = excluded.url THEN sources.initialized ELSE 0 END`,
				src.ID, src.Name, src.URL); err != nil {
				return fmt.Errorf("sync source %s: %w", src.ID, err)
			}
		}
		return nil
	})
}

// SyncTargets upserts the configured targets.
func (s *Store) SyncTargets(ctx context.Context, targets []store.Target) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		for _, t := range targets {
			if _, err := tx.ExecContext(ctx, `INSERT INTO targets (id, publisher) VALUES (?, ?)
				ON CONFLICT (id) DO UPDATE SET publisher = excluded.publisher`, t.ID, t.Publisher); err != nil {
				return fmt.Errorf("sync target %s: %w", t.ID, err)
			}
		}
		return nil
	})
}

// FetchState returns the source's remembered poll state.
func (s *Store) FetchState(ctx context.Context, sourceID string) (model.FetchState, error) {
	var st model.FetchState
	var polled, success, newItem int64
	err := s.db.QueryRowContext(ctx, `SELECT etag, last_modified, initialized, last_polled_at, last_success_at,
		last_new_item_at, consecutive_errors, last_error FROM sources WHERE id = ?`, sourceID).
		Scan(&st.ETag, &st.LastModified, &st.Initialized, &polled, &success, &newItem, &st.ConsecutiveErrors, &st.LastError)
	if errors.Is(err, sql.ErrNoRows) {
		return st, fmt.Errorf("source %s: %w", sourceID, store.ErrNotFound)
	}
	if err != nil {
		return st, fmt.Errorf("fetch state %s: %w", sourceID, err)
	}
	st.LastPolledAt, st.LastSuccessAt, st.LastNewItemAt = fromMillis(polled), fromMillis(success), fromMillis(newItem)
	return st, nil
}

// RecordFetchError counts a failed poll.
func (s *Store) RecordFetchError(ctx context.Context, sourceID, reason string) error {
	res, err := s.db.ExecContext(ctx, `UPDATE sources SET last_polled_at = ?, consecutive_errors = consecutive_errors + 1,
		last_error = ? WHERE id = ?`, s.millis(), reason, sourceID)
	if err != nil {
		return fmt.Errorf("record fetch error %s: %w", sourceID, err)
	}
	return expectRow(res, "source "+sourceID)
}

func expectRow(res sql.Result, what string) error {
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf("%s: %w", what, store.ErrNotFound)
	}
	return nil
}
