package sqlstore

import (
	"context"
	"fmt"

	"github.com/crierhq/crier/internal/store"
)

// PauseTarget pauses a target with the reason; see store.Store.
func (s *Store) PauseTarget(ctx context.Context, id, reason string) error {
	res, err := s.db.ExecContext(ctx, `UPDATE targets SET paused_reason = ?, paused_at = ? WHERE id = ?`,
		reason, s.millis(), id)
	if err != nil {
		return fmt.Errorf("pause target %s: %w", id, err)
	}
	return expectRow(res, "target "+id)
}

// ResumeTarget lifts a pause; see store.Store.
func (s *Store) ResumeTarget(ctx context.Context, id string) (bool, error) {
	res, err := s.db.ExecContext(ctx, `UPDATE targets SET paused_reason = '', paused_at = 0
		WHERE id = ? AND paused_reason <> ''`, id)
	if err != nil {
		return false, fmt.Errorf("resume target %s: %w", id, err)
	}
	n, _ := res.RowsAffected()
	return n > 0, nil
}

// MoveTarget records a new address; see store.Store.
func (s *Store) MoveTarget(ctx context.Context, id, from, to string) error {
	res, err := s.db.ExecContext(ctx, `UPDATE targets SET moved_from = ?, moved_to = ? WHERE id = ?`, from, to, id)
	if err != nil {
		return fmt.Errorf("move target %s: %w", id, err)
	}
	return expectRow(res, "target "+id)
}

// TargetStates returns every target's state; see store.Store.
func (s *Store) TargetStates(ctx context.Context) (map[string]store.TargetState, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, paused_reason, paused_at, moved_from, moved_to FROM targets`)
	if err != nil {
		return nil, fmt.Errorf("target states: %w", err)
	}
	defer rows.Close()
	out := map[string]store.TargetState{}
	for rows.Next() {
		var id string
		var st store.TargetState
		var at int64
		if err := rows.Scan(&id, &st.PausedReason, &at, &st.MovedFrom, &st.MovedTo); err != nil {
			return nil, err
		}
		st.PausedAt = fromMillis(at)
		out[id] = st
	}
	return out, rows.Err()
}
