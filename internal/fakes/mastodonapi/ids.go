package mastodonapi

import (
	"strconv"
	"time"
)

// nextID returns an ID shaped like Mastodon's Snowflake IDs: milliseconds
// since the epoch shifted left 16 bits, plus a sequence, as a decimal
// string. IDs keep increasing even if the test clock goes back. s.mu must
// be held.
func (s *Server) nextID(now time.Time) string {
	id := now.UnixMilli() << 16
	if id <= s.lastID {
		id = s.lastID + 1
	}
	s.lastID = id
	return strconv.FormatInt(id, 10)
}
