package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/crierhq/crier/internal/model"
	"github.com/crierhq/crier/internal/store"
)

// SyncSources upserts the configured sources.
func (s *Store) SyncSources(ctx context.Context, sources []model.Source) error {
	return s.inTx(ctx, func(tx *Tx) error {
		for _, src := range sources {
			// A new URL is a new feed: forget the old one's validators and
			// mark its first poll again, so its current items are not posted
			// as a flood.
			if _, err := tx.ExecContext(ctx, `INSERT INTO sources (id, name, url) VALUES (?, ?, ?)
				ON CONFLICT (id) DO UPDATE SET name = excluded.name, url = excluded.url, added_by = 0,
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

// AddSource stores a source added by command.
func (s *Store) AddSource(ctx context.Context, src model.Source) error {
	if src.AddedBy == 0 {
		return fmt.Errorf("add source %s: no admin named", src.ID)
	}
	res, err := s.db.ExecContext(ctx, `INSERT INTO sources (id, name, url, added_by, added_at, category, site_url) VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO NOTHING`, src.ID, src.Name, src.URL, src.AddedBy, toMillis(src.AddedAt), src.Category, src.SiteURL)
	if err != nil {
		return fmt.Errorf("add source %s: %w", src.ID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("source %s: %w", src.ID, store.ErrExists)
	}
	return nil
}

// AddedSources lists the sources added by command, oldest first.
func (s *Store) AddedSources(ctx context.Context) ([]model.Source, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, name, url, added_by, added_at, category, site_url FROM sources
		WHERE added_by <> 0 ORDER BY added_at, id`)
	if err != nil {
		return nil, fmt.Errorf("added sources: %w", err)
	}
	defer rows.Close()
	var out []model.Source
	for rows.Next() {
		var src model.Source
		var at int64
		if err := rows.Scan(&src.ID, &src.Name, &src.URL, &src.AddedBy, &at, &src.Category, &src.SiteURL); err != nil {
			return nil, fmt.Errorf("added sources: %w", err)
		}
		src.AddedAt = fromMillis(at)
		out = append(out, src)
	}
	return out, rows.Err()
}

// RemoveSource deletes a source added by command; its items, deliveries,
// fingerprints and subscriptions go with it (foreign keys cascade).
func (s *Store) RemoveSource(ctx context.Context, id string) error {
	return s.inTx(ctx, func(tx *Tx) error {
		var addedBy int64
		err := tx.QueryRowContext(ctx, `SELECT added_by FROM sources WHERE id = ?`, id).Scan(&addedBy)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			return fmt.Errorf("source %s: %w", id, store.ErrNotFound)
		case err != nil:
			return fmt.Errorf("remove source %s: %w", id, err)
		case addedBy == 0:
			return fmt.Errorf("source %s: %w", id, store.ErrConfigSource)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM sources WHERE id = ?`, id); err != nil {
			return fmt.Errorf("remove source %s: %w", id, err)
		}
		return nil
	})
}

// SyncTargets upserts the configured targets.
func (s *Store) SyncTargets(ctx context.Context, targets []store.Target) error {
	return s.inTx(ctx, func(tx *Tx) error {
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
	var polled, success, newItem, retryAt, pausedAt int64
	err := s.db.QueryRowContext(ctx, `SELECT etag, last_modified, initialized, last_polled_at, last_success_at,
		last_new_item_at, consecutive_errors, last_error, retry_at, paused_reason, paused_at, moved_from, moved_to
		FROM sources WHERE id = ?`, sourceID).
		Scan(&st.ETag, &st.LastModified, &st.Initialized, &polled, &success, &newItem, &st.ConsecutiveErrors, &st.LastError,
			&retryAt, &st.PausedReason, &pausedAt, &st.MovedFrom, &st.MovedTo)
	if errors.Is(err, sql.ErrNoRows) {
		return st, fmt.Errorf("source %s: %w", sourceID, store.ErrNotFound)
	}
	if err != nil {
		return st, fmt.Errorf("fetch state %s: %w", sourceID, err)
	}
	st.LastPolledAt, st.LastSuccessAt, st.LastNewItemAt = fromMillis(polled), fromMillis(success), fromMillis(newItem)
	st.RetryAt, st.PausedAt = fromMillis(retryAt), fromMillis(pausedAt)
	return st, nil
}

// RecordFetchError counts a failed poll and holds the source back until
// retryAt.
func (s *Store) RecordFetchError(ctx context.Context, sourceID, reason string, retryAt time.Time) error {
	res, err := s.db.ExecContext(ctx, `UPDATE sources SET last_polled_at = ?, consecutive_errors = consecutive_errors + 1,
		last_error = ?, retry_at = ? WHERE id = ?`, s.millis(), reason, toMillis(retryAt), sourceID)
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

// PauseSource stops polling a source, with the reason.
func (s *Store) PauseSource(ctx context.Context, id, reason string) error {
	res, err := s.db.ExecContext(ctx, `UPDATE sources SET paused_reason = ?, paused_at = ? WHERE id = ?`, reason, s.millis(), id)
	if err != nil {
		return fmt.Errorf("pause source %s: %w", id, err)
	}
	return expectRow(res, "source "+id)
}

// ResumeSource lets a paused source be polled again at once, its failure
// count reset and any recorded move forgotten (the move may be what broke
// it); it reports whether the source was paused.
func (s *Store) ResumeSource(ctx context.Context, id string) (bool, error) {
	res, err := s.db.ExecContext(ctx, `UPDATE sources SET paused_reason = '', paused_at = 0, retry_at = 0,
		consecutive_errors = 0, moved_from = '', moved_to = '' WHERE id = ? AND paused_reason <> ''`, id)
	if err != nil {
		return false, fmt.Errorf("resume source %s: %w", id, err)
	}
	n, _ := res.RowsAffected()
	return n > 0, nil
}

// MoveSource records that the source's URL from moved for good to to.
func (s *Store) MoveSource(ctx context.Context, id, from, to string) error {
	res, err := s.db.ExecContext(ctx, `UPDATE sources SET moved_from = ?, moved_to = ? WHERE id = ?`, from, to, id)
	if err != nil {
		return fmt.Errorf("move source %s: %w", id, err)
	}
	return expectRow(res, "source "+id)
}

// ClaimPoll takes the source's poll due at slot: true for the one process
// that asks first, false for every other (and for an earlier slot).
func (s *Store) ClaimPoll(ctx context.Context, sourceID string, slot time.Time) (bool, error) {
	res, err := s.db.ExecContext(ctx, `UPDATE sources SET poll_slot = ? WHERE id = ? AND poll_slot < ?`,
		slot.UnixMilli(), sourceID, slot.UnixMilli())
	if err != nil {
		return false, fmt.Errorf("claim poll %s: %w", sourceID, err)
	}
	n, err := res.RowsAffected()
	return n > 0, err
}
