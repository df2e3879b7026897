package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"
)

// BotOffset returns the next Telegram update id to ask for (0: none yet).
func (s *Store) BotOffset(ctx context.Context) (int64, error) {
	var v string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM bot_state WHERE key = 'update_offset'`).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("bot offset: %w", err)
	}
	return strconv.ParseInt(v, 10, 64)
}

// offsetRestart is how far below the stored offset an update id must be to
// mean that Telegram restarted the sequence (after a week without updates
// the next id is chosen at random) rather than a redelivery of a recent one.
const offsetRestart = 10000

// SetBotOffset records the next update id to ask for and reports whether it
// moved: false means the update below offset was taken already (by this
// process before a restart, or by another). It never goes back, except for
// an id far below the stored one: Telegram's sequence restarted.
func (s *Store) SetBotOffset(ctx context.Context, offset int64) (bool, error) {
	res, err := s.db.ExecContext(ctx, `INSERT INTO bot_state (key, value) VALUES ('update_offset', ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value
		WHERE CAST(excluded.value AS BIGINT) > CAST(bot_state.value AS BIGINT)
		   OR CAST(excluded.value AS BIGINT) < CAST(bot_state.value AS BIGINT) - ?`, strconv.FormatInt(offset, 10), offsetRestart)
	if err != nil {
		return false, fmt.Errorf("set bot offset: %w", err)
	}
	n, err := res.RowsAffected()
	return n > 0, err
}

// ChatLanguage returns the language a chat chose with /language, "" if none.
func (s *Store) ChatLanguage(ctx context.Context, chatID int64) (string, error) {
	var lang string
	err := s.db.QueryRowContext(ctx, `SELECT language FROM chat_settings WHERE chat_id = ?`, chatID).Scan(&lang)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("chat language: %w", err)
	}
	return lang, nil
}

// SetChatLanguage records a chat's language.
func (s *Store) SetChatLanguage(ctx context.Context, chatID int64, lang string) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO chat_settings (chat_id, language) VALUES (?, ?)
		ON CONFLICT (chat_id) DO UPDATE SET language = excluded.language`, chatID, lang)
	if err != nil {
		return fmt.Errorf("set chat language: %w", err)
	}
	return nil
}

// RetryFailed puts failed deliveries back to pending, with fresh attempts:
// those of one target, or of all when target is "". It returns how many.
func (s *Store) RetryFailed(ctx context.Context, target string) (int, error) {
	q := `UPDATE deliveries SET state = 'pending', attempts = 0, next_attempt_at = ?, last_error = '' WHERE state = 'failed'`
	args := []any{s.millis()}
	if target != "" {
		q += ` AND target_id = ?`
		args = append(args, target)
	}
	res, err := s.db.ExecContext(ctx, q, args...)
	if err != nil {
		return 0, fmt.Errorf("retry failed deliveries: %w", err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}

// LastSent returns when each target last had a post accepted.
func (s *Store) LastSent(ctx context.Context) (map[string]time.Time, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT target_id, MAX(sent_at) FROM deliveries WHERE state = 'sent' GROUP BY target_id`)
	if err != nil {
		return nil, fmt.Errorf("last sent: %w", err)
	}
	defer rows.Close()
	out := map[string]time.Time{}
	for rows.Next() {
		var id string
		var at int64
		if err := rows.Scan(&id, &at); err != nil {
			return nil, err
		}
		out[id] = fromMillis(at)
	}
	return out, rows.Err()
}
