package sqlstore

import (
	"context"
	"fmt"

	"github.com/crierhq/crier/internal/store"
)

// Subscribe makes the chat follow the source; it reports whether the
// subscription is new. The chat's target is created on first use.
func (s *Store) Subscribe(ctx context.Context, chatID int64, sourceID string) (bool, error) {
	created := false
	err := s.inTx(ctx, func(tx *Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO targets (id, publisher) VALUES (?, 'telegram') ON CONFLICT (id) DO NOTHING`,
			store.ChatTarget(chatID)); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO subscriptions (chat_id, source_id, created_at) VALUES (?, ?, ?)
			ON CONFLICT (chat_id, source_id) DO NOTHING`, chatID, sourceID, s.millis())
		if err != nil {
			return err
		}
		n, _ := res.RowsAffected()
		created = n > 0
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("subscribe %d to %s: %w", chatID, sourceID, err)
	}
	return created, nil
}

// Unsubscribe ends a subscription; it reports whether there was one.
func (s *Store) Unsubscribe(ctx context.Context, chatID int64, sourceID string) (bool, error) {
	res, err := s.db.ExecContext(ctx, `DELETE FROM subscriptions WHERE chat_id = ? AND source_id = ?`, chatID, sourceID)
	if err != nil {
		return false, fmt.Errorf("unsubscribe %d from %s: %w", chatID, sourceID, err)
	}
	n, _ := res.RowsAffected()
	return n > 0, nil
}

// Subscriptions lists the sources a chat follows.
func (s *Store) Subscriptions(ctx context.Context, chatID int64) ([]string, error) {
	return s.strings(ctx, `SELECT source_id FROM subscriptions WHERE chat_id = ? ORDER BY source_id`, chatID)
}

// SubscriberTargets lists the targets of the chats following a source.
func (s *Store) SubscriberTargets(ctx context.Context, sourceID string) ([]string, error) {
	return s.strings(ctx, `SELECT ? || chat_id FROM subscriptions WHERE source_id = ? ORDER BY chat_id`,
		store.ChatTargetPrefix, sourceID)
}

// ChatTargets lists every subscriber chat's target.
func (s *Store) ChatTargets(ctx context.Context) ([]string, error) {
	return s.strings(ctx, `SELECT id FROM targets WHERE id LIKE ? ORDER BY id`, store.ChatTargetPrefix+"%")
}

func (s *Store) strings(ctx context.Context, q string, args ...any) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
