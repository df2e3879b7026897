// Package mastodon publishes posts as statuses of one Mastodon account,
// through go-mastodon.
package mastodon

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	gomastodon "github.com/mattn/go-mastodon"

	"github.com/crierhq/crier/internal/model"
	"github.com/crierhq/crier/publishers/mastodon/statuslen"
)

// Options tune one account.
type Options struct {
	Visibility string // public | unlisted | private | direct
	// Language is the status language when the post's own is unknown.
	Language  string
	Timeout   time.Duration // one request
	UserAgent string
}

// Publisher posts statuses to one account.
type Publisher struct {
	client *gomastodon.Client
	hc     *http.Client
	server string
	token  string
	opts   Options

	mu     sync.Mutex
	limits *instanceLimits
	// limitsTried is when the instance was last asked, so a failing
	// instance endpoint is not asked before every post.
	limitsTried time.Time
	budget      *budget
}

// New prepares a publisher; nothing is sent until the first call.
func New(server, token string, opts Options) *Publisher {
	if opts.Timeout <= 0 {
		opts.Timeout = 30 * time.Second
	}
	b := &budget{}
	hc := &http.Client{Timeout: opts.Timeout, Transport: &transport{base: http.DefaultTransport, budget: b}}
	c := gomastodon.NewClient(&gomastodon.Config{Server: server, AccessToken: token})
	c.Client = *hc
	c.UserAgent = opts.UserAgent
	return &Publisher{client: c, hc: hc, server: strings.TrimRight(server, "/"), token: token, opts: opts, budget: b}
}

// Fits checks a status against the instance's limit, counted as the server
// counts it (grapheme clusters, URLs at a fixed length).
func (p *Publisher) Fits(ctx context.Context) func(string) bool {
	lim := p.instanceLimits(ctx)
	return func(text string) bool { return statuslen.Count(text, lim.urlLength) <= lim.maxChars }
}

// Publish posts the status. The message's idempotency key goes out as the
// Idempotency-Key header, so a retry after a timeout or a crash returns the
// first status instead of creating a second one.
// Specs: https://docs.joinmastodon.org/methods/statuses/#create
func (p *Publisher) Publish(ctx context.Context, msg model.Message) (string, error) {
	lang := msg.Language
	if lang == "" {
		lang = p.opts.Language
	}
	toot := &gomastodon.Toot{Status: msg.Text, Visibility: p.opts.Visibility, Language: lang}
	st, err := p.client.PostStatus(withIdempotencyKey(ctx, msg.IdempotencyKey), toot)
	if err != nil {
		return "", classify(err)
	}
	return string(st.ID), nil
}

func classify(err error) error {
	var rl *RateLimitError
	if errors.As(err, &rl) {
		return &model.PublishError{RetryAfter: rl.Wait(), Reason: rl.Error(), Err: err}
	}
	var api *gomastodon.APIError
	if errors.As(err, &api) {
		pe := &model.PublishError{Reason: fmt.Sprintf("mastodon %d: %s", api.StatusCode, api.Message), Err: err}
		switch code := api.StatusCode; {
		case code == http.StatusUnauthorized || code == http.StatusForbidden || code == http.StatusNotFound:
			// A revoked token, a suspended account or a wrong server URL:
			// nothing will post until the operator acts.
			pe.Permanent, pe.Remedy = true, model.RemedyPause
		case code == http.StatusUnprocessableEntity && strings.Contains(strings.ToLower(api.Message), "character limit"):
			pe.Permanent, pe.Remedy = true, model.RemedyShorten
		case code >= 400 && code < 500 && code != http.StatusRequestTimeout:
			pe.Permanent = true // 422: the status itself is refused
		}
		return pe
	}
	return &model.PublishError{Reason: "mastodon: " + err.Error(), Err: err}
}
