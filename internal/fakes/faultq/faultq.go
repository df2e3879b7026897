// Package faultq is the queue of injected faults the platform fakes share:
// each fault strikes the next matching requests, a given number of times, in
// the order the faults were added.
package faultq

// Queue holds faults of type F keyed by what they match (a path, a method);
// the empty key matches every request. It is not safe for concurrent use: the
// fakes call it under their own lock.
type Queue[F any] struct {
	items []item[F]
}

type item[F any] struct {
	key   string
	times int
	fault F
}

// Add queues f for the next times requests matching key (at least one).
func (q *Queue[F]) Add(key string, times int, f F) {
	q.items = append(q.items, item[F]{key: key, times: max(times, 1), fault: f})
}

// Take returns the first fault due for key and uses up one of its strikes.
func (q *Queue[F]) Take(key string) (F, bool) {
	for i := range q.items {
		it := &q.items[i]
		if it.key != "" && it.key != key {
			continue
		}
		f := it.fault
		if it.times--; it.times == 0 {
			q.items = append(q.items[:i], q.items[i+1:]...)
		}
		return f, true
	}
	var zero F
	return zero, false
}
