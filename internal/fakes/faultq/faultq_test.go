package faultq_test

import (
	"testing"

	"github.com/crierhq/crier/internal/fakes/faultq"
)

func TestQueueOrderTimesAndWildcard(t *testing.T) {
	var q faultq.Queue[int]
	q.Add("/a", 2, 1)
	q.Add("", 1, 2)
	q.Add("/b", 0, 3) // zero times means once
	steps := []struct {
		key  string
		want int
		ok   bool
	}{
		{"/b", 2, true}, // the wildcard was added before /b's own fault
		{"/b", 3, true},
		{"/b", 0, false},
		{"/a", 1, true},
		{"/a", 1, true},
		{"/a", 0, false},
	}
	for i, s := range steps {
		if got, ok := q.Take(s.key); got != s.want || ok != s.ok {
			t.Errorf("step %d: Take(%q) = %d, %v; want %d, %v", i, s.key, got, ok, s.want, s.ok)
		}
	}
}
