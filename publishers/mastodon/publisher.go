// Package mastodon publishes posts as statuses of one Mastodon account,
// through go-mastodon.
package mastodon

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
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
	// FetchImage downloads a message's image for upload; nil: statuses
	// never carry media.
	FetchImage model.ImageFetcher
	// MediaWait bounds downloading, uploading and processing an image
	// (default 30 s, and never more than half the time left to Publish);
	// past it the status goes without the image.
	MediaWait time.Duration
	// MediaPollInterval is the first wait between asking whether an upload
	// is processed (default 500 ms); it doubles up to 5 s.
	MediaPollInterval time.Duration
	// Logger hears why a status went without its image (default: none).
	Logger *slog.Logger
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
	// mediaUntil is when the media rate limit resets after a 429.
	mediaUntil time.Time
	uploads    uploads
}

// New prepares a publisher; nothing is sent until the first call.
func New(server, token string, opts Options) *Publisher {
	if opts.Timeout <= 0 {
		opts.Timeout = 30 * time.Second
	}
	if opts.MediaWait <= 0 {
		opts.MediaWait = DefaultMediaWait
	}
	if opts.MediaPollInterval <= 0 {
		opts.MediaPollInterval = DefaultMediaPollInterval
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
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

// Publish posts the status, with the message's image when there is one
// and it can be attached; any trouble with the image costs the image, never
// the post. The message's idempotency key goes out as the Idempotency-Key
// header, so a retry after a timeout or a crash returns the first status
// instead of creating a second one, with or without the image.
// Specs: https://docs.joinmastodon.org/methods/statuses/#create
func (p *Publisher) Publish(ctx context.Context, msg model.Message) (string, error) {
	lang := msg.Language
	if lang == "" {
		lang = p.opts.Language
	}
	toot := &gomastodon.Toot{Status: msg.Text, Visibility: p.opts.Visibility, Language: lang}
	mediaID, err := p.attachImage(ctx, msg)
	if err != nil {
		p.withoutImage(msg, err)
	} else if mediaID != "" {
		toot.MediaIDs = []gomastodon.ID{gomastodon.ID(mediaID)}
	}
	keyed := withIdempotencyKey(ctx, msg.IdempotencyKey)
	st, err := p.client.PostStatus(keyed, toot)
	if err != nil && len(toot.MediaIDs) > 0 && refusedMedia(err) {
		// Mastodon checks the media before the text: "not found or already
		// attached", "not finished processing". The text alone may pass.
		p.uploads.forget(msg.IdempotencyKey)
		p.withoutImage(msg, err)
		toot.MediaIDs = nil
		st, err = p.client.PostStatus(keyed, toot)
	}
	if err != nil {
		return "", classify(err)
	}
	p.uploads.forget(msg.IdempotencyKey)
	return string(st.ID), nil
}

func (p *Publisher) withoutImage(msg model.Message, reason error) {
	p.opts.Logger.Warn("mastodon: posting without the image",
		"key", msg.IdempotencyKey, "image", msg.Image.URL, "reason", reason.Error())
}

// refusedMedia tells a 422 about the attachments from one about the text,
// which would fail again without them.
func refusedMedia(err error) bool {
	var api *gomastodon.APIError
	return errors.As(err, &api) && api.StatusCode == http.StatusUnprocessableEntity &&
		!strings.Contains(strings.ToLower(api.Message), "validation failed")
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
