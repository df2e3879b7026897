package main

import (
	"context"
	"strings"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/crierhq/crier/bot"
	"github.com/crierhq/crier/internal/config"
	"github.com/crierhq/crier/publishers/telegram"
)

// runBot answers the bot's commands until ctx ends: it learns the bot's
// @username, publishes the command menu, then long-polls.
func (m *Main) runBot(ctx context.Context) {
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
	b := bot.New(bot.Deps{Store: m.store, Checker: checker{m}, Previewer: previewer{m}, Catalog: catalog, Username: username,
		Admins: m.cfg.Telegram.Admins, Sources: botSources(m.cfg), Targets: botTargets(m.cfg),
		Version: fullVersion(), Now: m.now, Log: m.log})
	for _, lang := range append([]string{""}, b.Languages()...) {
		descriptions, order := b.MenuCommands(lang)
		if err := m.tg.SetCommands(ctx, lang, descriptions, order); err != nil {
			m.log.Warn("bot: setMyCommands failed", "language", lang, "err", err)
		}
	}
	m.log.Info("bot: answering commands", "username", username)
	b.RunPolling(ctx, telegramUpdates{m.tg}, m.store, bot.IntakeOptions{Conflict: telegram.ErrConflict})
}

func sleepCtx(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}

func botSources(cfg *config.Config) []bot.SourceInfo {
	var out []bot.SourceInfo
	for _, s := range cfg.Sources {
		out = append(out, bot.SourceInfo{ID: s.ID, Name: s.Name, URL: s.URL})
	}
	return out
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
	s, _ := c.m.cfg.SourceByID(sourceID)
	res, err := c.m.pipeline.Poll(ctx, sourceModel(s))
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

func (t telegramUpdates) Send(ctx context.Context, chatID int64, text string) error {
	return t.c.SendText(ctx, chatID, text)
}

// updateOf keeps what the bot needs of a Telegram update: a message, or a
// channel post (which has no sender). Other kinds become an update with no
// text, which the bot ignores but whose id still advances the offset.
func updateOf(u tgbotapi.Update) bot.Update {
	out := bot.Update{ID: int64(u.UpdateID)}
	msg := u.Message
	if msg == nil {
		msg = u.ChannelPost
	}
	if msg == nil || msg.Chat == nil {
		return out
	}
	out.ChatID, out.ChatType, out.Text = msg.Chat.ID, msg.Chat.Type, msg.Text
	if msg.From != nil {
		out.FromID, out.FromLang = msg.From.ID, msg.From.LanguageCode
	}
	return out
}

// previewer renders /preview with the CLI's preview: the newest item, as
// each target would get it.
type previewer struct{ m *Main }

func (p previewer) Preview(ctx context.Context, sourceOrURL string) (string, error) {
	var b strings.Builder
	err := preview(ctx, p.m.cfg, sourceOrURL, 1, &b)
	return b.String(), err
}
