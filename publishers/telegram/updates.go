package telegram

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/crierhq/crier/internal/model"
)

// ErrConflict is getUpdates' 409: another process polls this token, or a
// webhook is set.
var ErrConflict = errors.New("telegram 409: another instance is polling this token (or a webhook is set)")

// allowedUpdates are the kinds of update the bot answers.
var allowedUpdates = []string{"message", "channel_post", "callback_query"}

// longPollSlack is how much longer than a long poll its HTTP request may take.
const longPollSlack = 15 * time.Second

// withTimeout is withContext with an HTTP timeout of its own: a long poll
// outlasts the timeout of a send.
func (c *Client) withTimeout(ctx context.Context, timeout time.Duration) *tgbotapi.BotAPI {
	b := *c.bot
	hc := *c.http
	hc.Timeout = timeout
	b.Client = ctxDoer{ctx: ctx, client: &hc}
	return &b
}

// GetUpdates long-polls for updates from offset on, waiting up to wait for
// one to come. A 429 comes back as a *model.PublishError with RetryAfter,
// a 409 as ErrConflict.
// Specs: https://core.telegram.org/bots/api#getupdates
func (c *Client) GetUpdates(ctx context.Context, offset int64, wait time.Duration) ([]tgbotapi.Update, error) {
	cfg := tgbotapi.UpdateConfig{Offset: int(offset), Limit: 100, Timeout: int(wait / time.Second),
		AllowedUpdates: allowedUpdates}
	ups, err := c.withTimeout(ctx, wait+longPollSlack).GetUpdates(cfg)
	if err != nil {
		var api *tgbotapi.Error
		if errors.As(err, &api) && api.Code == http.StatusConflict {
			return nil, ErrConflict
		}
		return nil, classify(c.redact(err)).PublishError
	}
	return ups, nil
}

// Username asks Telegram for the bot's @username (getMe).
func (c *Client) Username(ctx context.Context) (string, error) {
	me, err := c.withContext(ctx).GetMe()
	if err != nil {
		return "", classify(c.redact(err)).PublishError
	}
	return me.UserName, nil
}

// SendText sends a plain-text reply to a chat, paced like every message.
//
// A reply is not queued in the outbox, so a rate limit is waited out here:
// up to three tries, each after the retry_after Telegram gave (the limiter
// holds the chat back for it), as long as that is under half a minute.
// Telegram remembers the chat's recent messages across a restart of crier;
// the limiter does not.
func (c *Client) SendText(ctx context.Context, chatID int64, text string, keyboard [][]Button) error {
	p := c.Publisher(strconv.FormatInt(chatID, 10), Options{DisableWebPagePreview: true, Keyboard: keyboard})
	var err error
	for range 3 {
		if werr := p.Wait(ctx); werr != nil {
			return werr
		}
		_, err = p.Publish(ctx, model.Message{Text: text, Format: model.FormatPlain})
		var pe *model.PublishError
		if !errors.As(err, &pe) || pe.RetryAfter <= 0 || pe.RetryAfter > 30*time.Second {
			return err
		}
	}
	return err
}

// SetCommands publishes the command menu Telegram clients show, for one
// language ("" for the default).
// Specs: https://core.telegram.org/bots/api#setmycommands
func (c *Client) SetCommands(ctx context.Context, lang string, commands map[string]string, order []string) error {
	var cmds []tgbotapi.BotCommand
	for _, name := range order {
		cmds = append(cmds, tgbotapi.BotCommand{Command: name, Description: commands[name]})
	}
	cfg := tgbotapi.NewSetMyCommands(cmds...)
	cfg.LanguageCode = lang
	if _, err := c.withContext(ctx).Request(cfg); err != nil {
		return classify(c.redact(err)).PublishError
	}
	return nil
}

// SetWebhook asks Telegram to post the bot's updates to url, with secret in
// the X-Telegram-Bot-Api-Secret-Token header of each request, over one
// connection at a time (commands are answered in order).
// Specs: https://core.telegram.org/bots/api#setwebhook
func (c *Client) SetWebhook(ctx context.Context, url, secret string) error {
	p := tgbotapi.Params{"url": url, "secret_token": secret, "max_connections": "1"}
	if err := p.AddInterface("allowed_updates", allowedUpdates); err != nil {
		return err
	}
	if _, err := c.withContext(ctx).MakeRequest("setWebhook", p); err != nil {
		return classify(c.redact(err)).PublishError
	}
	return nil
}

// DeleteWebhook switches the bot back to getUpdates, keeping pending
// updates; Telegram answers getUpdates with 409 while a webhook is set.
// Specs: https://core.telegram.org/bots/api#deletewebhook
func (c *Client) DeleteWebhook(ctx context.Context) error {
	if _, err := c.withContext(ctx).MakeRequest("deleteWebhook", tgbotapi.Params{}); err != nil {
		return classify(c.redact(err)).PublishError
	}
	return nil
}

// AnswerCallback answers a pressed inline button with a short notice (at
// most 200 characters), which also stops the button's progress spinner.
// Specs: https://core.telegram.org/bots/api#answercallbackquery
func (c *Client) AnswerCallback(ctx context.Context, queryID, text string) error {
	if _, err := c.withContext(ctx).Request(tgbotapi.NewCallback(queryID, text)); err != nil {
		return classify(c.redact(err)).PublishError
	}
	return nil
}

// EditKeyboard replaces the inline keyboard of a message the bot sent. An
// edit that changes nothing (Telegram's "message is not modified") is no
// error.
// Specs: https://core.telegram.org/bots/api#editmessagereplymarkup
func (c *Client) EditKeyboard(ctx context.Context, chatID int64, messageID int, keyboard [][]Button) error {
	_, err := c.withContext(ctx).Request(tgbotapi.NewEditMessageReplyMarkup(chatID, messageID, inlineKeyboard(keyboard)))
	if err != nil && strings.Contains(err.Error(), "message is not modified") {
		return nil
	}
	if err != nil {
		return classify(c.redact(err)).PublishError
	}
	return nil
}
