package bot

import (
	"context"
	"slices"
	"strings"
)

// Callback data of the subscription buttons: "s:ID" subscribes, "u:ID"
// unsubscribes.
const (
	subscribeData   = "s:"
	unsubscribeData = "u:"
	// maxButtons keeps the keyboard of /sources usable; beyond it,
	// /subscribe SOURCE still works.
	maxButtons = 50
	// maxCallbackData is Telegram's limit on a button's data, in bytes.
	maxCallbackData = 64
)

// sourcesKeyboard is one button per source for a private chat: "➕ Name" to
// follow it, "✅ Name" to stop.
func (b *Bot) sourcesKeyboard(ctx context.Context, chatID int64) ([][]Button, error) {
	subs, err := b.d.Store.Subscriptions(ctx, chatID)
	if err != nil {
		return nil, err
	}
	var rows [][]Button
	for _, s := range b.d.Sources.All() {
		if len(rows) == maxButtons {
			break
		}
		label, data := "➕ ", subscribeData+s.ID
		if slices.Contains(subs, s.ID) {
			label, data = "✅ ", unsubscribeData+s.ID
		}
		if len(data) > maxCallbackData {
			continue
		}
		name := s.Name
		if name == "" {
			name = s.ID
		}
		rows = append(rows, []Button{{Text: label + truncateRunes(name, 40), Data: data}})
	}
	return rows, nil
}

// pressed answers a subscription button: the subscription changes as with
// /subscribe or /unsubscribe, a notice says so, and the keyboard shows the
// new state.
func (b *Bot) pressed(ctx context.Context, u Update) []Reply {
	r := &request{u: u, cmd: Command{Name: "sources"}, lang: b.language(ctx, u)}
	answer := Reply{ChatID: u.ChatID, CallbackID: u.CallbackID}
	if u.ChatType != "private" {
		answer.Text = b.text(r, "private_only", nil)
		return []Reply{answer}
	}
	var id string
	var subscribe bool
	switch {
	case strings.HasPrefix(u.Data, subscribeData):
		id, subscribe = strings.TrimPrefix(u.Data, subscribeData), true
	case strings.HasPrefix(u.Data, unsubscribeData):
		id = strings.TrimPrefix(u.Data, unsubscribeData)
	default:
		return []Reply{answer} // not ours (an old keyboard): just stop the spinner
	}
	if !b.isSource(id) {
		answer.Text = b.text(r, "unknown_source", map[string]any{"ID": id})
	} else if subscribe {
		created, err := b.d.Store.Subscribe(ctx, u.ChatID, id)
		switch {
		case err != nil:
			answer.Text = b.failed(r, err)
		case created:
			b.d.Log.Info("subscribed", "chat", u.ChatID, "source", id)
			answer.Text = b.text(r, "subscribed", map[string]any{"ID": id})
		default:
			answer.Text = b.text(r, "already_subscribed", map[string]any{"ID": id})
		}
	} else {
		removed, err := b.d.Store.Unsubscribe(ctx, u.ChatID, id)
		switch {
		case err != nil:
			answer.Text = b.failed(r, err)
		case removed:
			answer.Text = b.text(r, "unsubscribed", map[string]any{"ID": id})
		default:
			answer.Text = b.text(r, "not_subscribed", map[string]any{"ID": id})
		}
	}
	if kb, err := b.sourcesKeyboard(ctx, u.ChatID); err == nil && u.MessageID != 0 {
		answer.EditMessageID, answer.Buttons = u.MessageID, kb
	}
	answer.Text = truncateRunes(answer.Text, 200) // a callback answer's limit
	return []Reply{answer}
}

func truncateRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
