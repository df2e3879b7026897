package telegram

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/crierhq/crier/internal/model"
	"github.com/crierhq/crier/publishers/telegram/tghtml"
)

// Options tune one target.
type Options struct {
	DisableWebPagePreview bool
	// ImageLayout is how a message with an image goes out: "caption"
	// (the default), "photo_then_text" or "preview"; see config.
	ImageLayout string
	// FetchImage downloads an image Telegram could not fetch itself, for
	// upload; nil: such a post goes out as text.
	FetchImage model.ImageFetcher
	// Keyboard is an inline keyboard under the message (bot replies).
	Keyboard [][]Button
}

// Button is an inline keyboard button whose Data comes back in a callback
// query when it is pressed.
type Button struct{ Text, Data string }

// inlineKeyboard is a keyboard as the Bot API takes it.
func inlineKeyboard(rows [][]Button) tgbotapi.InlineKeyboardMarkup {
	kb := tgbotapi.InlineKeyboardMarkup{InlineKeyboard: [][]tgbotapi.InlineKeyboardButton{}}
	for _, row := range rows {
		var r []tgbotapi.InlineKeyboardButton
		for _, b := range row {
			r = append(r, tgbotapi.NewInlineKeyboardButtonData(b.Text, b.Data))
		}
		kb.InlineKeyboard = append(kb.InlineKeyboard, r)
	}
	return kb
}

// Publisher posts to one chat.
type Publisher struct {
	client *Client
	opts   Options

	mu   sync.Mutex
	chat string
	// The messages Wait let go, oldest first, each dated again by its
	// answer. A target's worker sends one at a time; the admin notifier's
	// publishers may be used by several goroutines at once.
	receipts []receipt
	photos   sentPhotos
}

// maxReceipts bounds the receipts kept for messages let go but not (yet)
// sent.
const maxReceipts = 16

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
//
// A wait that would pass ctx's deadline is not begun (*model.PaceError).
// The process's own pace is checked first without counting, so a message
// refused by the shared pace leaves no phantom here; the shared places come
// next, then the count here, which by then lets it go.
func (p *Publisher) Wait(ctx context.Context) error {
	chat := p.address()
	if p.client.shared != nil {
		if d := p.client.limiter.ahead(chat); d > model.PaceDeadline(ctx) {
			return &model.PaceError{Wait: d}
		}
		if err := p.client.sharedWait(ctx, chat); err != nil {
			return err
		}
	}
	r, err := p.client.limiter.wait(ctx, chat)
	if err == nil {
		p.mu.Lock()
		if len(p.receipts) >= maxReceipts {
			p.receipts = p.receipts[1:]
		}
		p.receipts = append(p.receipts, r)
		p.mu.Unlock()
	}
	return err
}

// Publish sends the message and returns Telegram's message id. A text
// Telegram cannot parse as HTML is sent again at once as plain text: a post
// with its formatting lost beats no post.
func (p *Publisher) Publish(ctx context.Context, msg model.Message) (string, error) {
	if msg.Image.URL != "" {
		return p.publishWithImage(ctx, msg)
	}
	return p.publishText(ctx, msg)
}

func (p *Publisher) publishText(ctx context.Context, msg model.Message) (string, error) {
	id, se := p.send(ctx, msg)
	if se != nil && se.parse && msg.Format == model.FormatHTML {
		id, se = p.send(ctx, model.Message{Text: tghtml.PlainText(msg.Text), Format: model.FormatPlain})
	}
	if se != nil {
		return "", se.PublishError
	}
	return id, nil
}

// sendError is a classified failure, with whether it was an HTML parse error.
type sendError struct {
	*model.PublishError
	parse bool
	image bool // the photo was refused, not the message
}

func (p *Publisher) send(ctx context.Context, msg model.Message) (string, *sendError) {
	var cfg tgbotapi.MessageConfig
	chat := p.address()
	if id, err := strconv.ParseInt(chat, 10, 64); err == nil {
		cfg = tgbotapi.NewMessage(id, msg.Text)
	} else {
		cfg = tgbotapi.NewMessageToChannel(chat, msg.Text)
	}
	if msg.Format == model.FormatHTML {
		cfg.ParseMode = tgbotapi.ModeHTML
	}
	cfg.DisableWebPagePreview = p.opts.DisableWebPagePreview
	if len(p.opts.Keyboard) > 0 {
		cfg.ReplyMarkup = inlineKeyboard(p.opts.Keyboard)
	}
	if msg.Image.URL != "" && p.opts.ImageLayout == layoutPreview {
		return p.sendPreview(ctx, cfg, msg.Image.URL)
	}
	return p.deliver(ctx, cfg)
}

// deliver sends one request that posts a message, keeping the limiter's
// books: the place Wait took is dated by Telegram's answer.
func (p *Publisher) deliver(ctx context.Context, c tgbotapi.Chattable) (string, *sendError) {
	return p.request(ctx, func(bot *tgbotapi.BotAPI) (tgbotapi.Message, error) { return bot.Send(c) })
}

func (p *Publisher) request(ctx context.Context, call func(*tgbotapi.BotAPI) (tgbotapi.Message, error)) (string, *sendError) {
	chat := p.address()
	sent, err := call(p.client.withContext(ctx))
	var r receipt
	p.mu.Lock()
	if len(p.receipts) > 0 {
		r, p.receipts = p.receipts[0], p.receipts[1:]
	}
	p.mu.Unlock()
	p.client.limiter.sent(r)
	if err != nil {
		se := classify(p.client.redact(err))
		if se.RetryAfter > 0 {
			// Telegram asked this chat to wait; the others go on.
			p.client.limiter.block(chat, time.Now().Add(se.RetryAfter))
			p.client.sharedHold(ctx, chat, time.Now().Add(se.RetryAfter))
		}
		return "", se
	}
	return strconv.Itoa(sent.MessageID), nil
}

// Move makes the publisher send to a new address (a group's supergroup)
// and returns the old one.
func (p *Publisher) Move(address string) (from string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	from, p.chat = p.chat, address
	return from
}

func (p *Publisher) address() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.chat
}

// classify turns a Bot API failure into a publish error with its remedy.
// Specs: https://core.telegram.org/bots/api#responseparameters
func classify(err error) *sendError {
	var api *tgbotapi.Error
	if !errors.As(err, &api) {
		// Network errors, timeouts, and non-JSON answers such as a proxy's
		// 502 page (tgbotapi reports them as decode errors) are worth
		// retrying.
		return &sendError{PublishError: &model.PublishError{Reason: "telegram: " + err.Error(), Err: err}}
	}
	pe := &model.PublishError{Reason: fmt.Sprintf("telegram %d: %s", api.Code, api.Message), Err: err}
	se := &sendError{PublishError: pe}
	desc := strings.ToLower(api.Message)
	switch {
	case api.Code == 429:
		pe.RetryAfter = time.Duration(max(api.RetryAfter, 1)) * time.Second
	case api.Code >= 500:
	case api.MigrateToChatID != 0:
		pe.Permanent, pe.Remedy, pe.NewAddress = true, model.RemedyMove, strconv.FormatInt(api.MigrateToChatID, 10)
	case api.Code == 401 || api.Code == 403 || api.Code == 404 || strings.Contains(desc, "chat not found"):
		// 401/404: the token (or the endpoint) is wrong; 403: blocked,
		// kicked, not a member; chat not found: gone or never there.
		// Nothing will reach this chat until someone acts.
		pe.Permanent, pe.Remedy = true, model.RemedyPause
	case strings.Contains(desc, "message is too long") || strings.Contains(desc, "caption is too long"):
		pe.Permanent, pe.Remedy = true, model.RemedyShorten
	case strings.Contains(desc, "can't parse entities"):
		pe.Permanent, se.parse = true, true
	case imageRefusal(desc):
		pe.Permanent, se.image = true, true
	default:
		// Any other 400: the same request would fail again.
		pe.Permanent = true
	}
	return se
}
