package bot

import (
	"context"
	"strings"
)

func (b *Bot) publicCommands() map[string]handler {
	return map[string]handler{
		"start":       b.start,
		"help":        b.help,
		"sources":     b.sources,
		"language":    b.setLanguage,
		"subscribe":   b.subscribe,
		"unsubscribe": b.unsubscribe,
		"mysubs":      b.mysubs,
	}
}

// subscription checks a subscribe or unsubscribe request; it returns the
// source id, or the reply refusing it.
func (b *Bot) subscription(r *request, usage string) (id, refusal string) {
	if r.u.ChatType != "private" {
		return "", b.text(r, "private_only", nil)
	}
	if len(r.cmd.Args) != 1 {
		return "", b.text(r, "usage", map[string]any{"Usage": usage})
	}
	id = r.cmd.Args[0]
	if !b.isSource(id) {
		return "", b.text(r, "unknown_source", map[string]any{"ID": id})
	}
	return id, ""
}

func (b *Bot) subscribe(ctx context.Context, r *request) string {
	id, refusal := b.subscription(r, "/subscribe SOURCE")
	if refusal != "" {
		return refusal
	}
	created, err := b.d.Store.Subscribe(ctx, r.u.ChatID, id)
	switch {
	case err != nil:
		return b.failed(r, err)
	case created:
		b.d.Log.Info("subscribed", "chat", r.u.ChatID, "source", id)
		return b.text(r, "subscribed", map[string]any{"ID": id})
	}
	return b.text(r, "already_subscribed", map[string]any{"ID": id})
}

func (b *Bot) unsubscribe(ctx context.Context, r *request) string {
	id, refusal := b.subscription(r, "/unsubscribe SOURCE")
	if refusal != "" {
		return refusal
	}
	removed, err := b.d.Store.Unsubscribe(ctx, r.u.ChatID, id)
	switch {
	case err != nil:
		return b.failed(r, err)
	case removed:
		return b.text(r, "unsubscribed", map[string]any{"ID": id})
	}
	return b.text(r, "not_subscribed", map[string]any{"ID": id})
}

func (b *Bot) mysubs(ctx context.Context, r *request) string {
	ids, err := b.d.Store.Subscriptions(ctx, r.u.ChatID)
	if err != nil {
		return b.failed(r, err)
	}
	if len(ids) == 0 {
		return b.text(r, "no_subs", nil)
	}
	return b.text(r, "mysubs", map[string]any{"IDs": ids})
}

func (b *Bot) start(_ context.Context, r *request) string {
	return b.text(r, "start", map[string]any{"Bot": "@" + strings.TrimPrefix(b.d.Username, "@")})
}

func (b *Bot) help(_ context.Context, r *request) string {
	text := b.text(r, "help", map[string]any{"Languages": strings.Join(b.d.Catalog.Languages(), ", ")})
	if b.admins[r.u.FromID] {
		text += "\n\n" + b.text(r, "help_admin", nil)
	}
	return text
}

func (b *Bot) sources(_ context.Context, r *request) string {
	list := b.d.Sources.All()
	if len(list) == 0 {
		return b.text(r, "no_sources", nil)
	}
	return b.text(r, "sources", map[string]any{"Sources": list})
}

// withKeyboard adds the subscription buttons to the last reply of /sources
// in a private chat.
func (b *Bot) withKeyboard(ctx context.Context, u Update, replies []Reply) []Reply {
	if u.ChatType != "private" || len(replies) == 0 || len(b.d.Sources.All()) == 0 {
		return replies
	}
	kb, err := b.sourcesKeyboard(ctx, u.ChatID)
	if err != nil {
		b.d.Log.Warn("sources keyboard", "chat", u.ChatID, "err", err)
		return replies
	}
	replies[len(replies)-1].Buttons = kb
	return replies
}

func (b *Bot) setLanguage(ctx context.Context, r *request) string {
	langs := b.d.Catalog.Languages()
	if len(r.cmd.Args) != 1 || !b.d.Catalog.Has(strings.ToLower(r.cmd.Args[0])) {
		return b.text(r, "language_unknown", map[string]any{"Languages": strings.Join(langs, ", "), "Example": langs[len(langs)-1]})
	}
	lang := strings.ToLower(r.cmd.Args[0])
	if err := b.d.Store.SetChatLanguage(ctx, r.u.ChatID, lang); err != nil {
		b.d.Log.Error("set chat language", "chat", r.u.ChatID, "err", err)
	}
	r.lang = lang
	return b.text(r, "language_set", nil)
}

// MenuCommands are the commands Telegram clients list in their menu, in
// order, with their description in lang.
func (b *Bot) MenuCommands(lang string) (descriptions map[string]string, order []string) {
	order = []string{"start", "help", "sources", "subscribe", "unsubscribe", "mysubs", "language"}
	descriptions = map[string]string{}
	r := &request{lang: lang}
	for _, name := range order {
		descriptions[name] = b.text(r, "cmd_"+name, nil)
	}
	return descriptions, order
}

// Languages are the languages the bot speaks.
func (b *Bot) Languages() []string { return b.d.Catalog.Languages() }
