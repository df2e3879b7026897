package telegramapi_test

import (
	"net/url"
	"reflect"
	"strconv"
	"testing"

	"github.com/crierhq/crier/internal/fakes/telegramapi"
)

func TestGetUpdatesOffsetAndLimit(t *testing.T) {
	id := func(n int) string { return strconv.Itoa(firstUpdate + n) }
	tests := []struct {
		name    string
		args    url.Values
		want    []int // the updates answered, counted from the first
		pending int   // unconfirmed afterwards
	}{
		{"default: from the oldest unconfirmed", nil, []int{0, 1, 2, 3, 4}, 5},
		{"an offset confirms the updates before it", url.Values{"offset": {id(2)}}, []int{2, 3, 4}, 3},
		{"an offset past the last confirms all", url.Values{"offset": {id(5)}}, nil, 0},
		{"an offset before the queue", url.Values{"offset": {"1"}}, []int{0, 1, 2, 3, 4}, 5},
		{"negative offset: the last one, the rest forgotten", url.Values{"offset": {"-1"}}, []int{4}, 1},
		{"negative offset: the last two", url.Values{"offset": {"-2"}}, []int{3, 4}, 2},
		{"negative offset beyond the queue", url.Values{"offset": {"-10"}}, []int{0, 1, 2, 3, 4}, 5},
		{"limit", url.Values{"limit": {"2"}}, []int{0, 1}, 5},
		{"limit 0 is taken as 1", url.Values{"limit": {"0"}}, []int{0}, 5},
		{"limit with offset", url.Values{"offset": {id(1)}, "limit": {"3"}}, []int{1, 2, 3}, 4},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv := newServer(t, telegramapi.Options{})
			addChats(srv, userChat)
			for i := range 5 {
				srv.PushMessage(userChat.ID, ann, strconv.Itoa(i))
			}
			var got []int
			for _, u := range updates(t, mustCall(t, srv, "getUpdates", tc.args)) {
				got = append(got, u.UpdateID-firstUpdate)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("updates %v, want %v", got, tc.want)
			}
			if n := srv.PendingUpdates(); n != tc.pending {
				t.Errorf("PendingUpdates = %d, want %d", n, tc.pending)
			}
		})
	}
}

// Confirmed updates are gone for good: a smaller offset cannot bring them
// back.
func TestConfirmedUpdatesAreForgotten(t *testing.T) {
	srv := newServer(t, telegramapi.Options{})
	addChats(srv, userChat)
	for range 3 {
		srv.PushMessage(userChat.ID, ann, "x")
	}
	mustCall(t, srv, "getUpdates", url.Values{"offset": {strconv.Itoa(firstUpdate + 2)}})
	ups := updates(t, mustCall(t, srv, "getUpdates", url.Values{"offset": {strconv.Itoa(firstUpdate)}}))
	if len(ups) != 1 || ups[0].UpdateID != firstUpdate+2 {
		t.Errorf("after confirming two: %+v, want only the third", ups)
	}
}

func TestGetUpdatesAtMost100(t *testing.T) {
	srv := newServer(t, telegramapi.Options{})
	addChats(srv, userChat)
	for range 130 {
		srv.PushMessage(userChat.ID, ann, "x")
	}
	for _, limit := range []string{"", "500"} {
		if n := len(updates(t, mustCall(t, srv, "getUpdates", url.Values{"limit": {limit}}))); n != 100 {
			t.Errorf("limit %q: %d updates, want 100", limit, n)
		}
	}
}
