// Package telegram publishes posts to Telegram chats and channels through the
// Bot API, with go-telegram-bot-api.
package telegram

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// Client is one bot token's connection to the Bot API, shared by every
// telegram target.
type Client struct {
	bot     *tgbotapi.BotAPI
	http    *http.Client
	token   string
	files   string // fmt pattern of file downloads: token, then file_path
	limiter *limiter
	shared  SharedPace // nil: this process is the token's only sender
}

// NewClient prepares a client without calling the API: tgbotapi's own
// constructor calls getMe and fails when Telegram is briefly unreachable,
// which must not stop crier from starting. endpoint is the fmt pattern of
// the API (token, then method); timeout bounds every request, since the
// default http.Client has none. Sends are paced to limits (zero fields take
// Telegram's).
func NewClient(token, endpoint string, timeout time.Duration, limits Limits) *Client {
	hc := &http.Client{
		Timeout: timeout,
		// The Bot API never redirects; following one would carry the
		// token, in the path, to wherever it points.
		CheckRedirect: func(*http.Request, []*http.Request) error { return errors.New("redirect refused") },
	}
	bot := &tgbotapi.BotAPI{Token: token, Client: hc, Buffer: 100}
	bot.SetAPIEndpoint(endpoint)
	files := tgbotapi.FileEndpoint
	if i := strings.Index(endpoint, "/bot%s/"); i >= 0 {
		// A local Bot API server or a proxy serves files beside its
		// methods: https://host/file/bot<token>/<file_path>.
		files = endpoint[:i] + "/file/bot%s/%s"
	}
	return &Client{bot: bot, http: hc, token: token, files: files, limiter: newLimiter(limits, time.Now)}
}

// SharePace makes the client keep the token's pace together with other
// processes through s (replicas sharing a store); call it before sending.
func (c *Client) SharePace(s SharedPace) { c.shared = s }

// withContext returns a copy of the bot whose requests carry ctx: tgbotapi
// has no context parameters, so cancellation goes through its HTTPClient.
func (c *Client) withContext(ctx context.Context) *tgbotapi.BotAPI {
	b := *c.bot
	b.Client = ctxDoer{ctx: ctx, client: c.http}
	return &b
}

type ctxDoer struct {
	ctx    context.Context
	client *http.Client
}

func (d ctxDoer) Do(req *http.Request) (*http.Response, error) {
	return d.client.Do(req.WithContext(d.ctx))
}

// redact removes the token from an error: it sits in every request URL, and
// *url.Error prints the URL.
func (c *Client) redact(err error) error {
	if err == nil || c.token == "" {
		return err
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		return &url.Error{Op: ue.Op, URL: maskToken(ue.URL, c.token), Err: redactedErr(ue.Err, c.token)}
	}
	return redactedErr(err, c.token)
}

func redactedErr(err error, token string) error {
	if err == nil {
		return err
	}
	msg := maskToken(err.Error(), token)
	if msg == err.Error() {
		return err
	}
	return &redacted{msg: msg, err: err}
}

// maskToken hides the token as written and in its escaped forms (a URL may
// carry ':' as %3A).
func maskToken(s, token string) string {
	for _, form := range []string{token, url.PathEscape(token), url.QueryEscape(token), strings.ReplaceAll(token, ":", "%3a")} {
		s = strings.ReplaceAll(s, form, "<token>")
	}
	return s
}

// redacted keeps the chain for errors.Is (timeouts, cancellation) while its
// message never shows the token.
type redacted struct {
	msg string
	err error
}

func (r *redacted) Error() string { return r.msg }
func (r *redacted) Unwrap() error { return errors.Unwrap(r.err) }
