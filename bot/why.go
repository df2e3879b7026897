package bot

import (
	"context"
	"strconv"
	"strings"

	"github.com/crierhq/crier/internal/model"
	"github.com/crierhq/crier/internal/store"
)

// maxTraced bounds the items /why shows for one link: the same article may
// come from several sources.
const maxTraced = 3

// why tells, per target, what became of an item: sent, pending, failed, or
// skipped with the reason recorded when it was queued (a duplicate story,
// or the filter rule that matched). Admins ask it when a post they expected
// never came.
func (b *Bot) why(ctx context.Context, r *request) string {
	if len(r.cmd.Args) != 1 {
		return b.text(r, "usage", map[string]any{"Usage": "/why LINK|ITEM"})
	}
	ref := r.cmd.Args[0]
	var id int64
	if n, err := strconv.ParseInt(ref, 10, 64); err == nil && n > 0 {
		id = n
	}
	traces, err := b.d.Store.TraceItems(ctx, id, ref, maxTraced)
	if err != nil {
		return b.failed(r, err)
	}
	if len(traces) == 0 {
		return b.text(r, "why_not_found", map[string]any{"Ref": ref})
	}
	var lines []string
	for i, tr := range traces {
		if i > 0 {
			lines = append(lines, "")
		}
		it := tr.Item
		title := []rune(it.Title)
		if len(title) > 120 {
			title = append(title[:120], '…')
		}
		lines = append(lines, b.text(r, "why_item", map[string]any{"ID": it.ID, "Source": tr.SourceName, "Title": string(title)}))
		switch {
		case it.State == model.ItemSeen:
			lines = append(lines, b.text(r, "why_seen", nil))
			continue
		case it.State == model.ItemNew:
			lines = append(lines, b.text(r, "why_new", nil))
			continue
		case it.DuplicateOf != 0:
			lines = append(lines, b.text(r, "why_duplicate", map[string]any{"Original": it.DuplicateOf}))
		}
		if len(tr.Deliveries) == 0 {
			lines = append(lines, b.text(r, "why_no_deliveries", nil))
		}
		lines = append(lines, b.deliveries(r, tr.Deliveries)...)
	}
	return strings.Join(lines, "\n")
}

// maxChatsListed bounds the subscriber chats /why lists one by one; the
// rest are counted by state (a story may go to thousands of chats).
const maxChatsListed = 5

// deliveries lists the configured targets' deliveries, then a few
// subscriber chats' and a count of the others by state.
func (b *Bot) deliveries(r *request, ds []model.Delivery) []string {
	var lines []string
	rest := map[model.DeliveryState]int{}
	chats := 0
	for _, d := range ds {
		if strings.HasPrefix(d.TargetID, store.ChatTargetPrefix) {
			if chats++; chats > maxChatsListed {
				rest[d.State]++
				continue
			}
		}
		lines = append(lines, b.delivery(r, d))
	}
	if len(rest) > 0 {
		var parts []string
		for _, st := range []model.DeliveryState{model.DeliverySent, model.DeliveryPending, model.DeliverySending, model.DeliveryFailed, model.DeliverySkipped} {
			if n := rest[st]; n > 0 {
				parts = append(parts, strconv.Itoa(n)+" "+string(st))
			}
		}
		lines = append(lines, b.text(r, "why_more_chats", map[string]any{"Count": chats - maxChatsListed, "States": strings.Join(parts, ", ")}))
	}
	return lines
}

func (b *Bot) delivery(r *request, d model.Delivery) string {
	data := map[string]any{"Target": d.TargetID, "Attempts": d.Attempts, "Error": d.LastError, "Reason": d.LastError, "Remote": d.RemoteID}
	switch d.State {
	case model.DeliverySent:
		return b.text(r, "why_sent", data)
	case model.DeliveryFailed:
		return b.text(r, "why_failed", data)
	case model.DeliverySkipped:
		return b.text(r, "why_skipped", data)
	}
	return b.text(r, "why_pending", data)
}
