package bot

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/crierhq/crier/internal/model"
)

func (b *Bot) adminCommands() map[string]handler {
	return map[string]handler{
		"status":  b.status,
		"targets": b.targets,
		"stats":   b.stats,
		"check":   b.check,
		"pause":   b.pause,
		"resume":  b.resume,
		"retry":   b.retry,
		"preview": b.preview,
		"add":     b.add,
		"remove":  b.remove,
		"post":    b.post,
		"import":  b.importList,
		"export":  b.exportList,
		"why":     b.why,
	}
}

// maxReply keeps a reply within Telegram's message limit, in characters.
const maxReply = 4000

func (b *Bot) preview(ctx context.Context, r *request) string {
	if len(r.cmd.Args) != 1 {
		return b.text(r, "usage", map[string]any{"Usage": "/preview SOURCE|URL"})
	}
	arg := r.cmd.Args[0]
	if !b.isSource(arg) && !strings.HasPrefix(arg, "https://") && !strings.HasPrefix(arg, "http://") {
		// Never a file: URL from a chat: it would read the server's disk.
		return b.text(r, "usage", map[string]any{"Usage": "/preview SOURCE|https://..."})
	}
	out, err := b.d.Previewer.Preview(ctx, arg, r.u.FromID)
	if err != nil {
		return b.text(r, "check_failed", map[string]any{"ID": arg, "Error": err.Error()})
	}
	if runes := []rune(out); len(runes) > maxReply {
		out = string(runes[:maxReply]) + "…"
	}
	return out
}

func (b *Bot) when(r *request, t time.Time) string {
	if t.IsZero() {
		return b.text(r, "never", nil)
	}
	return t.UTC().Format("2006-01-02 15:04 UTC")
}

func (b *Bot) status(ctx context.Context, r *request) string {
	lines := []string{b.text(r, "status_header", map[string]any{"Version": b.d.Version,
		"Uptime": b.d.Now().Sub(b.started).Round(time.Second).String()})}
	for _, s := range b.d.Sources.All() {
		st, err := b.d.Store.FetchState(ctx, s.ID)
		if err != nil {
			return b.failed(r, err)
		}
		lines = append(lines, b.text(r, "status_source", map[string]any{"ID": s.ID, "Polled": b.when(r, st.LastPolledAt),
			"NewItem": b.when(r, st.LastNewItemAt), "Errors": st.ConsecutiveErrors, "Paused": st.PausedReason}))
	}
	counts, err := b.d.Store.DeliveryCounts(ctx)
	if err != nil {
		return b.failed(r, err)
	}
	last, err := b.d.Store.LastSent(ctx)
	if err != nil {
		return b.failed(r, err)
	}
	filtered, err := b.d.Store.FilteredCounts(ctx)
	if err != nil {
		return b.failed(r, err)
	}
	states, err := b.d.Store.TargetStates(ctx)
	if err != nil {
		return b.failed(r, err)
	}
	for _, t := range b.d.Targets {
		c := counts[t.ID]
		lines = append(lines, b.text(r, "status_target", map[string]any{"ID": t.ID,
			"Pending": c[model.DeliveryPending] + c[model.DeliverySending], "Failed": c[model.DeliveryFailed],
			"LastSent": b.when(r, last[t.ID]), "Filtered": filtered[t.ID], "Paused": states[t.ID].PausedReason}))
	}
	return strings.Join(lines, "\n")
}

func (b *Bot) targets(ctx context.Context, r *request) string {
	states, err := b.d.Store.TargetStates(ctx)
	if err != nil {
		return b.failed(r, err)
	}
	var lines []string
	for _, t := range b.d.Targets {
		lines = append(lines, b.text(r, "targets", map[string]any{"ID": t.ID, "Publisher": t.Publisher, "Paused": states[t.ID].PausedReason}))
	}
	return strings.Join(lines, "\n")
}

func (b *Bot) stats(ctx context.Context, r *request) string {
	counts, err := b.d.Store.DeliveryCounts(ctx)
	if err != nil {
		return b.failed(r, err)
	}
	var lines []string
	for _, t := range b.d.Targets {
		c := counts[t.ID]
		lines = append(lines, b.text(r, "stats", map[string]any{"ID": t.ID, "Sent": c[model.DeliverySent],
			"Pending": c[model.DeliveryPending] + c[model.DeliverySending], "Failed": c[model.DeliveryFailed], "Skipped": c[model.DeliverySkipped]}))
	}
	return strings.Join(lines, "\n")
}

func (b *Bot) check(ctx context.Context, r *request) string {
	if len(r.cmd.Args) != 1 {
		return b.text(r, "usage", map[string]any{"Usage": "/check SOURCE"})
	}
	id := r.cmd.Args[0]
	if !b.isSource(id) {
		return b.text(r, "unknown_id", map[string]any{"ID": id})
	}
	res, err := b.d.Checker.Check(ctx, id)
	if err != nil {
		return b.text(r, "check_failed", map[string]any{"ID": id, "Error": err.Error()})
	}
	var summary string
	switch {
	case res.NotDue:
		summary = b.text(r, "check_not_due", map[string]any{"ID": id})
	case res.NotModified:
		summary = b.text(r, "check_not_modified", nil)
	default:
		summary = b.text(r, "check_summary", map[string]any{"New": res.New, "Enqueued": res.Enqueued})
	}
	return b.text(r, "check_ok", map[string]any{"ID": id, "Summary": summary})
}

func (b *Bot) pause(ctx context.Context, r *request) string {
	if len(r.cmd.Args) != 1 {
		return b.text(r, "usage", map[string]any{"Usage": "/pause SOURCE|TARGET"})
	}
	id := r.cmd.Args[0]
	reason := fmt.Sprintf("paused by admin %d", r.u.FromID)
	var err error
	switch {
	case b.isSource(id):
		err = b.d.Store.PauseSource(ctx, id, reason)
	case b.isTarget(id):
		err = b.d.Store.PauseTarget(ctx, id, reason)
	default:
		return b.text(r, "unknown_id", map[string]any{"ID": id})
	}
	if err != nil {
		return b.failed(r, err)
	}
	return b.text(r, "paused", map[string]any{"ID": id, "Reason": reason})
}

func (b *Bot) resume(ctx context.Context, r *request) string {
	if len(r.cmd.Args) != 1 {
		return b.text(r, "usage", map[string]any{"Usage": "/resume SOURCE|TARGET"})
	}
	id := r.cmd.Args[0]
	var resumed bool
	var err error
	switch {
	case b.isSource(id):
		resumed, err = b.d.Store.ResumeSource(ctx, id)
	case b.isTarget(id):
		resumed, err = b.d.Store.ResumeTarget(ctx, id)
	default:
		return b.text(r, "unknown_id", map[string]any{"ID": id})
	}
	switch {
	case err != nil:
		return b.failed(r, err)
	case resumed:
		return b.text(r, "resumed", map[string]any{"ID": id})
	}
	return b.text(r, "not_paused", map[string]any{"ID": id})
}

func (b *Bot) retry(ctx context.Context, r *request) string {
	target := ""
	if len(r.cmd.Args) > 0 {
		target = r.cmd.Args[0]
		if !b.isTarget(target) {
			return b.text(r, "unknown_id", map[string]any{"ID": target})
		}
	}
	n, err := b.d.Store.RetryFailed(ctx, target)
	if err != nil {
		return b.failed(r, err)
	}
	return b.text(r, "retried", map[string]any{"Count": n})
}

func (b *Bot) isSource(id string) bool {
	for _, s := range b.d.Sources.All() {
		if s.ID == id {
			return true
		}
	}
	return false
}

func (b *Bot) isTarget(id string) bool {
	for _, t := range b.d.Targets {
		if t.ID == id {
			return true
		}
	}
	return false
}
