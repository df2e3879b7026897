package main

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/crierhq/crier/bot"
	"github.com/crierhq/crier/internal/config"
	"github.com/crierhq/crier/internal/model"
	"github.com/crierhq/crier/internal/pipeline"
	"github.com/crierhq/crier/internal/store"
	"github.com/crierhq/crier/publishers/telegram"
)

// runBot answers the bot's commands until ctx ends: it learns the bot's
// @username, publishes the command menu, then long-polls, or sets the
// webhook and answers what arrives there (hook serves it).
func (m *Main) runBot(ctx context.Context, hook *atomic.Pointer[bot.Webhook]) {
	catalog, err := bot.LoadCatalog()
	if err != nil {
		m.log.Error("bot: message catalogs", "err", err)
		return
	}
	var username string
	for wait := time.Second; ctx.Err() == nil; wait = min(2*wait, time.Minute) {
		if username, err = m.tg.Username(ctx); err == nil {
			break
		}
		m.log.Warn("bot: getMe failed", "err", err, "retry_in", wait)
		sleepCtx(ctx, wait)
	}
	if ctx.Err() != nil {
		return
	}
	b := bot.New(bot.Deps{Store: m.store, Checker: checker{m}, Previewer: previewer{m}, Poster: poster{m}, Catalog: catalog, Username: username,
		Admins: m.cfg.Telegram.Admins, Sources: m.sources, Files: m.tg, Targets: botTargets(m.cfg),
		Version: fullVersion(), Now: m.now, Log: m.log})
	for _, lang := range append([]string{""}, b.Languages()...) {
		descriptions, order := b.MenuCommands(lang)
		if err := m.tg.SetCommands(ctx, lang, descriptions, order); err != nil {
			m.log.Warn("bot: setMyCommands failed", "language", lang, "err", err)
		}
	}
	if m.cfg.Telegram.Updates == config.UpdatesWebhook {
		m.runWebhook(ctx, b, hook)
		return
	}
	// A webhook left set (an earlier run in webhook mode) makes Telegram
	// refuse getUpdates: it must go before polling can work.
	for wait := time.Second; ctx.Err() == nil; wait = min(2*wait, time.Minute) {
		err := m.tg.DeleteWebhook(ctx)
		if err == nil {
			break
		}
		m.log.Warn("bot: deleteWebhook failed", "err", err, "retry_in", wait)
		sleepCtx(ctx, wait)
	}
	m.log.Info("bot: answering commands", "username", username, "updates", "polling")
	b.RunPolling(ctx, telegramUpdates{m.tg}, m.store, bot.IntakeOptions{Conflict: telegram.ErrConflict})
}

// runWebhook serves the webhook route, asks Telegram to use it, and answers
// what arrives until ctx ends. The webhook stays set when crier stops:
// Telegram keeps the updates until it is back.
func (m *Main) runWebhook(ctx context.Context, b *bot.Bot, hook *atomic.Pointer[bot.Webhook]) {
	w := m.cfg.Telegram.Webhook
	wh := b.Webhook(w.Secret.Value(), m.store, telegramUpdates{m.tg}, decodeUpdate)
	hook.Store(wh)
	for wait := time.Second; ctx.Err() == nil; wait = min(2*wait, time.Minute) {
		err := m.tg.SetWebhook(ctx, w.URL, w.Secret.Value())
		if err == nil {
			break
		}
		m.log.Warn("bot: setWebhook failed", "err", err, "retry_in", wait)
		sleepCtx(ctx, wait)
	}
	m.log.Info("bot: answering commands", "updates", "webhook", "path", webhookPath(m.cfg))
	wh.Run(ctx)
}

// webhookPath is the path of the webhook URL, which the listener serves.
func webhookPath(cfg *config.Config) string {
	u, err := url.Parse(cfg.Telegram.Webhook.URL)
	if err != nil || u.Path == "" {
		return "/"
	}
	return u.Path
}

// decodeUpdate reads a webhook request's body: one Telegram Update.
func decodeUpdate(body []byte) (bot.Update, error) {
	var u tgbotapi.Update
	if err := json.Unmarshal(body, &u); err != nil {
		return bot.Update{}, err
	}
	if u.UpdateID <= 0 {
		return bot.Update{}, errors.New("no update_id")
	}
	return updateOf(u), nil
}

func sleepCtx(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}

func botTargets(cfg *config.Config) []bot.TargetInfo {
	var out []bot.TargetInfo
	for _, t := range cfg.Targets {
		out = append(out, bot.TargetInfo{ID: t.ID, Publisher: t.Publisher})
	}
	return out
}

// checker polls a source now for /check and lets the dispatcher know.
type checker struct{ m *Main }

func (c checker) Check(ctx context.Context, sourceID string) (bot.CheckResult, error) {
	src, ok := c.m.sources.Get(sourceID)
	if !ok {
		return bot.CheckResult{}, fmt.Errorf("source %s: %w", sourceID, store.ErrNotFound)
	}
	res, err := c.m.pipeline.Poll(ctx, src)
	if err == nil && res.Enqueued > 0 {
		c.m.dispatcher.Wake()
	}
	return bot.CheckResult{NotDue: res.NotDue, NotModified: res.NotModified, New: res.New, Enqueued: res.Enqueued}, err
}

// telegramUpdates adapts the Telegram client to the bot's update source.
type telegramUpdates struct{ c *telegram.Client }

func (t telegramUpdates) Updates(ctx context.Context, offset int64, wait time.Duration) ([]bot.Update, error) {
	ups, err := t.c.GetUpdates(ctx, offset, wait)
	if err != nil {
		return nil, err
	}
	out := make([]bot.Update, 0, len(ups))
	for _, u := range ups {
		out = append(out, updateOf(u))
	}
	return out, nil
}

// Send sends a reply, or answers a pressed button and updates its keyboard.
func (t telegramUpdates) Send(ctx context.Context, r bot.Reply) error {
	if r.File != nil {
		return t.c.SendDocument(ctx, r.ChatID, r.File.Name, r.File.Data, r.Text)
	}
	if r.CallbackID == "" {
		return t.c.SendText(ctx, r.ChatID, r.Text, keyboard(r.Buttons))
	}
	if err := t.c.AnswerCallback(ctx, r.CallbackID, r.Text); err != nil {
		return err
	}
	if r.EditMessageID == 0 {
		return nil
	}
	return t.c.EditKeyboard(ctx, r.ChatID, r.EditMessageID, keyboard(r.Buttons))
}

func keyboard(rows [][]bot.Button) [][]telegram.Button {
	var out [][]telegram.Button
	for _, row := range rows {
		var r []telegram.Button
		for _, b := range row {
			r = append(r, telegram.Button{Text: b.Text, Data: b.Data})
		}
		out = append(out, r)
	}
	return out
}

// updateOf keeps what the bot needs of a Telegram update: a message, or a
// channel post (which has no sender). Other kinds become an update with no
// text, which the bot ignores but whose id still advances the offset.
func updateOf(u tgbotapi.Update) bot.Update {
	out := bot.Update{ID: int64(u.UpdateID)}
	if q := u.CallbackQuery; q != nil {
		if q.Message == nil || q.Message.Chat == nil || q.From == nil {
			// A button under an inline-mode message: not one of ours.
			out.CallbackID = q.ID
			return out
		}
		out.CallbackID, out.Data, out.MessageID = q.ID, q.Data, q.Message.MessageID
		out.ChatID, out.ChatType = q.Message.Chat.ID, q.Message.Chat.Type
		out.FromID, out.FromLang = q.From.ID, q.From.LanguageCode
		return out
	}
	msg := u.Message
	if msg == nil {
		msg = u.ChannelPost
	}
	if msg == nil || msg.Chat == nil {
		return out
	}
	out.ChatID, out.ChatType, out.Text = msg.Chat.ID, msg.Chat.Type, msg.Text
	// A file's command is its caption ("/import"), or the reply to it.
	out.Document = documentOf(msg.Document)
	if msg.Text == "" && out.Document != nil {
		out.Text = msg.Caption // a photo's or a video's caption is no command
	}
	if out.Document == nil && msg.ReplyToMessage != nil {
		out.Document = documentOf(msg.ReplyToMessage.Document)
	}
	if msg.From != nil {
		out.FromID, out.FromLang = msg.From.ID, msg.From.LanguageCode
	}
	return out
}

func documentOf(d *tgbotapi.Document) *bot.Document {
	if d == nil {
		return nil
	}
	return &bot.Document{FileID: d.FileID, Name: d.FileName, Size: int64(d.FileSize)}
}

// previewer renders /preview with the CLI's preview: the newest item, as
// each target would get it.
type previewer struct{ m *Main }

func (p previewer) Preview(ctx context.Context, sourceOrURL string, by int64) (string, error) {
	src, ok := p.m.sources.Get(sourceOrURL)
	targets := p.m.cfg.TargetsFor(src.ID)
	if !ok {
		// A URL from a chat: fetched like an added source's, from public
		// addresses only, whoever asks.
		src, targets = model.Source{ID: "preview", URL: sourceOrURL, AddedBy: cmp.Or(by, -1)}, p.m.cfg.Targets
	}
	var b strings.Builder
	err := previewItems(ctx, p.m.cfg, p.m.filters, src, targets, 1, &b)
	return b.String(), err
}

// poster queues an article page for /post and lets the dispatcher know.
type poster struct{ m *Main }

func (p poster) Post(ctx context.Context, rawURL string, targets []string) (bot.PostResult, error) {
	res, err := p.m.pipeline.PostPage(ctx, rawURL, targets)
	if errors.Is(err, pipeline.ErrAlreadyPosted) {
		return bot.PostResult{}, bot.ErrAlreadyPosted
	}
	if err != nil {
		return bot.PostResult{}, err
	}
	p.m.dispatcher.Wake()
	return bot.PostResult{Title: res.Title, Enqueued: res.Enqueued, Skipped: res.Skipped}, nil
}
