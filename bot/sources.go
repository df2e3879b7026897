package bot

import (
	"context"
	"errors"
	"strings"

	"github.com/crierhq/crier/internal/feeds"
	"github.com/crierhq/crier/internal/sources"
	"github.com/crierhq/crier/internal/store"
)

// add answers /add URL [NAME]: the URL is fetched once (a page's feed is
// found), and the feed becomes a source, polled on the default schedule and
// posted to every target that follows all sources.
func (b *Bot) add(ctx context.Context, r *request) string {
	if len(r.cmd.Args) < 1 {
		return b.text(r, "usage", map[string]any{"Usage": "/add https://... [NAME]"})
	}
	rawURL, name := r.cmd.Args[0], strings.Join(r.cmd.Args[1:], " ")
	src, err := b.d.Sources.Add(ctx, rawURL, name, r.u.FromID)
	var dup *sources.DuplicateError
	switch {
	case errors.As(err, &dup):
		return b.text(r, "add_duplicate", map[string]any{"URL": dup.URL, "ID": dup.ID})
	case errors.Is(err, feeds.ErrNoFeed):
		return b.text(r, "add_no_feed", map[string]any{"URL": rawURL})
	case errors.Is(err, sources.ErrMaxSources):
		return b.text(r, "add_too_many", nil)
	case err != nil:
		b.d.Log.Info("source not added", "user", r.u.FromID, "url", rawURL, "err", err)
		return b.text(r, "add_failed", map[string]any{"URL": rawURL, "Error": err.Error()})
	}
	b.d.Log.Info("source added", "user", r.u.FromID, "source", src.ID, "url", src.URL)
	return b.text(r, "added", map[string]any{"ID": src.ID, "Name": src.Name, "URL": src.URL})
}

// remove answers /remove SOURCE, for sources added by command.
func (b *Bot) remove(ctx context.Context, r *request) string {
	if len(r.cmd.Args) != 1 {
		return b.text(r, "usage", map[string]any{"Usage": "/remove SOURCE"})
	}
	id := r.cmd.Args[0]
	err := b.d.Sources.Remove(ctx, id)
	switch {
	case errors.Is(err, store.ErrConfigSource):
		return b.text(r, "remove_config", map[string]any{"ID": id})
	case errors.Is(err, store.ErrNotFound):
		return b.text(r, "unknown_source", map[string]any{"ID": id})
	case err != nil:
		return b.failed(r, err)
	}
	b.d.Log.Info("source removed", "user", r.u.FromID, "source", id)
	return b.text(r, "removed", map[string]any{"ID": id})
}

// post answers /post URL [TARGET...]: one article page, queued for the
// named targets (every configured one by default) through the outbox.
func (b *Bot) post(ctx context.Context, r *request) string {
	if len(r.cmd.Args) < 1 {
		return b.text(r, "usage", map[string]any{"Usage": "/post https://... [TARGET...]"})
	}
	rawURL := r.cmd.Args[0]
	if !strings.HasPrefix(rawURL, "https://") && !strings.HasPrefix(rawURL, "http://") {
		return b.text(r, "usage", map[string]any{"Usage": "/post https://... [TARGET...]"})
	}
	targets := r.cmd.Args[1:]
	for _, t := range targets {
		if !b.isTarget(t) {
			return b.text(r, "unknown_id", map[string]any{"ID": t})
		}
	}
	if len(targets) == 0 {
		for _, t := range b.d.Targets {
			targets = append(targets, t.ID)
		}
	}
	res, err := b.d.Poster.Post(ctx, rawURL, targets)
	switch {
	case errors.Is(err, ErrAlreadyPosted):
		return b.text(r, "already_posted", map[string]any{"URL": rawURL})
	case err != nil:
		b.d.Log.Info("article not posted", "user", r.u.FromID, "url", rawURL, "err", err)
		return b.text(r, "post_failed", map[string]any{"URL": rawURL, "Error": err.Error()})
	}
	b.d.Log.Info("article queued by command", "user", r.u.FromID, "url", rawURL, "deliveries", res.Enqueued)
	return b.text(r, "posted", map[string]any{"Title": res.Title, "Enqueued": res.Enqueued, "Skipped": res.Skipped})
}
