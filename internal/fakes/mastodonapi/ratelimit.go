package mastodonapi

import (
	"net"
	"net/http"
	"strconv"
	"time"
)

// limiter counts requests per key in fixed windows aligned to the epoch,
// which is how both rack-attack and Mastodon's RateLimiter count: a window
// of 5 minutes resets at :00, :05, :10 whatever time the first request came.
type limiter struct {
	limit   int
	period  int64 // seconds
	windows map[string]window
}

type window struct {
	index int64
	count int
}

// quota is what the X-RateLimit-* headers report.
type quota struct {
	limit, remaining int
	reset            time.Time
}

func newLimiter(rl RateLimit) *limiter {
	period := int64(rl.Period / time.Second)
	if period < 1 {
		period = 1
	}
	return &limiter{limit: rl.Limit, period: period, windows: make(map[string]window)}
}

// count returns how many requests key made in the current window.
func (l *limiter) count(key string, now time.Time) int {
	w := l.windows[key]
	if w.index != now.Unix()/l.period {
		return 0
	}
	return w.count
}

func (l *limiter) add(key string, now time.Time) {
	l.windows[key] = window{index: now.Unix() / l.period, count: l.count(key, now) + 1}
}

// quota reports the headers after count requests. The reset keeps the
// request's fractional second, as Mastodon's does: it adds whole seconds
// to the request time.
func (l *limiter) quota(count int, now time.Time) quota {
	return quota{
		limit:     l.limit,
		remaining: max(l.limit-count, 0),
		reset:     now.Add(time.Duration(l.period-now.Unix()%l.period) * time.Second),
	}
}

func (q quota) write(h http.Header) {
	h.Set("X-RateLimit-Limit", strconv.Itoa(q.limit))
	h.Set("X-RateLimit-Remaining", strconv.Itoa(q.remaining))
	h.Set("X-RateLimit-Reset", q.reset.UTC().Format("2006-01-02T15:04:05.000000Z07:00"))
}

// throttleAPI is rack-attack's throttle_per_token_api (or
// throttle_unauthenticated_api, keyed by IP): the request counts even when
// it is refused. It writes the 429 itself and reports whether to go on.
func (s *Server) throttleAPI(w http.ResponseWriter, r *http.Request) bool {
	key := "ip:" + remoteIP(r)
	if s.authorized(r) {
		key = "token:" + s.opts.Token
	}
	now := s.now()
	s.mu.Lock()
	s.apiLimit.add(key, now)
	n := s.apiLimit.count(key, now)
	q := s.apiLimit.quota(n, now)
	s.mu.Unlock()
	q.write(w.Header())
	if n > q.limit {
		writeError(w, http.StatusTooManyRequests, errTooManyRequests)
		return false
	}
	return true
}

// overrideQuota is Mastodon's override_rate_limit_headers: on endpoints
// with their own limit (creating statuses), the headers describe whichever
// limit has fewer requests left.
func overrideQuota(h http.Header, q quota) {
	if cur, err := strconv.Atoi(h.Get("X-RateLimit-Remaining")); err == nil && q.remaining > cur {
		return
	}
	q.write(h)
}

func remoteIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
