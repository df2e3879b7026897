package telegram

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/crierhq/crier/internal/model"
	"github.com/crierhq/crier/publishers/telegram/tghtml"
)

// Options tune one target.
type Options struct {
	DisableWebPagePreview bool
}

// Publisher posts to one chat.
type Publisher struct {
	client *Client
	chat   string
	opts   Options
}

// Publisher returns the publisher for one chat: "@channelname" or a numeric id.
func (c *Client) Publisher(chat string, opts Options) *Publisher {
	return &Publisher{client: c, chat: chat, opts: opts}
}

// Fits checks a rendered text against sendMessage's limit, counted after
// entity parsing. UTF-16 units over-estimate Telegram's code-point count only
// for characters outside the BMP, which is the safe side.
// Specs: https://core.telegram.org/bots/api#sendmessage
func (p *Publisher) Fits(context.Context) func(string) bool {
	return func(text string) bool { return Length(text, model.FormatHTML) <= tghtml.MaxMessageLength }
}

// Length is the length Telegram checks, for a text in the given format.
func Length(text string, f model.Format) int {
	if f == model.FormatHTML {
		plain, entities, err := tghtml.Parse(text)
		if err == nil {
			plain, _ = tghtml.Normalize(plain, entities)
			return tghtml.UTF16Len(plain)
		}
		// Unparsable HTML will be refused anyway; count every byte of it.
	}
	return tghtml.UTF16Len(strings.TrimSpace(text))
}

// Wait blocks until the chat's and the bot's rate limits let one more
// message go, and counts it: the dispatcher calls it before Publish, so
// waiting is not part of the send's timeout.
func (p *Publisher) Wait(ctx context.Context) error { return p.client.limiter.wait(ctx, p.chat) }

// Publish sends the message and returns Telegram's message id.
func (p *Publisher) Publish(ctx context.Context, msg model.Message) (string, error) {
	var cfg tgbotapi.MessageConfig
	if id, err := strconv.ParseInt(p.chat, 10, 64); err == nil {
		cfg = tgbotapi.NewMessage(id, msg.Text)
	} else {
		cfg = tgbotapi.NewMessageToChannel(p.chat, msg.Text)
	}
	if msg.Format == model.FormatHTML {
		cfg.ParseMode = tgbotapi.ModeHTML
	}
	cfg.DisableWebPagePreview = p.opts.DisableWebPagePreview
	sent, err := p.client.withContext(ctx).Send(cfg)
	if err != nil {
		err = classify(p.client.redact(err))
		var pe *model.PublishError
		if errors.As(err, &pe) && pe.RetryAfter > 0 && pe.RetryAfter < credentialsRetry {
			// Telegram asked this chat to wait; the others go on.
			p.client.limiter.block(p.chat, time.Now().Add(pe.RetryAfter))
		}
		return "", err
	}
	return strconv.Itoa(sent.MessageID), nil
}

// credentialsRetry is how often posts are retried while the platform
// rejects crier's credentials.
const credentialsRetry = 10 * time.Minute

// classify turns a Bot API failure into a model.PublishError.
func classify(err error) error {
	var api *tgbotapi.Error
	if errors.As(err, &api) {
		pe := &model.PublishError{Reason: fmt.Sprintf("telegram %d: %s", api.Code, api.Message), Err: err}
		switch {
		case api.Code == 429:
			pe.RetryAfter = time.Duration(api.RetryAfter) * time.Second
		case api.Code == 401 || api.Code == 404:
			// The token (or the endpoint) is wrong for every chat alike:
			// an operator's mistake to fix, not a reason to drop posts.
			// Wait for it without using up attempts.
			pe.RetryAfter = credentialsRetry
		case api.Code >= 500:
		default:
			// 400 (bad text, chat not found, migrated group), 403 (blocked,
			// not a member): the same request would fail again.
			pe.Permanent = true
		}
		return pe
	}
	// Network errors, timeouts, and non-JSON answers such as a proxy's 502
	// page (tgbotapi reports them as decode errors) are worth retrying.
	return &model.PublishError{Reason: "telegram: " + err.Error(), Err: err}
}
