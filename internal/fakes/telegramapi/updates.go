package telegramapi

import (
	"slices"
	"strings"
)

// firstUpdateID is the first update_id the server hands out. Telegram starts
// a bot's updates at some positive number and counts up by one.
const firstUpdateID = 100000001

// updateTypes are the kinds of update, in the order the Bot API lists them.
// The fake only creates "message", "channel_post" and "callback_query", but
// allowed_updates may name any of them. Read only.
// Specs: https://core.telegram.org/bots/api#update
var updateTypes = []string{
	"message", "edited_message", "channel_post", "edited_channel_post",
	"business_connection", "business_message", "edited_business_message", "deleted_business_messages",
	"message_reaction", "message_reaction_count", "inline_query", "chosen_inline_result",
	"callback_query", "shipping_query", "pre_checkout_query", "purchased_paid_media",
	"poll", "poll_answer", "my_chat_member", "chat_member", "chat_join_request",
	"chat_boost", "removed_chat_boost",
}

// updateQueue holds the updates Telegram keeps for the bot until it
// confirms them. The server's mutex guards it.
type updateQueue struct {
	nextID  int
	pending []queuedUpdate
	// allowed is the last allowed_updates list; nil means the default.
	allowed []string
	// arrived is closed, and replaced, whenever an update is queued: it
	// wakes the long poll.
	arrived chan struct{}
	// poll is the getUpdates request waiting for updates, if any.
	poll *longPoll
}

type queuedUpdate struct {
	id   int
	json updateJSON
}

func newUpdateQueue() updateQueue {
	return updateQueue{nextID: firstUpdateID, arrived: make(chan struct{})}
}

// push queues an update of kind and returns its update_id, or 0 when the
// bot's allowed_updates leave kind out: Telegram then never creates the
// update, so it takes no id either.
func (q *updateQueue) push(kind string, u updateJSON) int {
	if !q.allows(kind) {
		return 0
	}
	u.UpdateID = q.nextID
	q.nextID++
	q.pending = append(q.pending, queuedUpdate{id: u.UpdateID, json: u})
	close(q.arrived)
	q.arrived = make(chan struct{})
	return u.UpdateID
}

// allows reports whether updates of kind reach the bot. By default all do
// but the few a bot must ask for by name.
func (q *updateQueue) allows(kind string) bool {
	if q.allowed == nil {
		return kind != "chat_member" && kind != "message_reaction" && kind != "message_reaction_count"
	}
	return slices.Contains(q.allowed, kind)
}

// setAllowed applies an allowed_updates argument as the Bot API does: an
// argument that is absent or not a JSON list of strings (tgbotapi sends
// "null") leaves the last list in place; unknown names are ignored; a list
// with no known name, such as [], restores the default.
func (q *updateQueue) setAllowed(arg string) {
	if arg == "" {
		return
	}
	v, err := decodeJSON(arg)
	list, isList := v.([]any)
	if err != nil || !isList {
		return
	}
	named := map[string]bool{}
	for _, item := range list {
		name, ok := item.(string)
		if !ok {
			return
		}
		named[strings.ToLower(name)] = true
	}
	var allowed []string
	for _, t := range updateTypes {
		if named[t] {
			allowed = append(allowed, t)
		}
	}
	q.allowed = allowed
}

// start is the update_id a getUpdates offset asks to start from. By default
// that is the oldest unconfirmed update; a negative offset counts back from
// the end of the queue. Nothing older than the queue's head can be asked for.
// Specs: https://core.telegram.org/bots/api#getupdates
func (q *updateQueue) start(offset int) int {
	head := q.nextID
	if len(q.pending) > 0 {
		head = q.pending[0].id
	}
	if offset < 0 {
		offset += q.nextID
	}
	return max(offset, head)
}

// take confirms the updates before from, forgetting them for good, and
// returns up to limit of the rest, never nil so that it encodes as [].
func (q *updateQueue) take(from, limit int) []updateJSON {
	q.forget(from)
	out := make([]updateJSON, 0, min(limit, len(q.pending)))
	for _, u := range q.pending[:min(limit, len(q.pending))] {
		out = append(out, u.json)
	}
	return out
}

// forget drops the updates before the update_id before.
func (q *updateQueue) forget(before int) {
	i := 0
	for i < len(q.pending) && q.pending[i].id < before {
		i++
	}
	q.pending = q.pending[i:]
}

// PendingUpdates is how many updates are queued and not yet confirmed: what
// getWebhookInfo reports as pending_update_count.
func (s *Server) PendingUpdates() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.updates.pending)
}
