package mastodon

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/crierhq/crier/internal/model"
)

// Defaults for waiting on an attachment the instance is still processing.
const (
	DefaultMediaWait         = 30 * time.Second
	DefaultMediaPollInterval = 500 * time.Millisecond
	maxMediaPollInterval     = 5 * time.Second
)

// attachImage uploads the message's image and waits until the instance has
// processed it, returning the attachment's ID. An error says why the status
// must go without its image; "" and nil mean there is no image to attach.
func (p *Publisher) attachImage(ctx context.Context, msg model.Message) (string, error) {
	if p.opts.FetchImage == nil || msg.Image.URL == "" {
		return "", nil
	}
	lim := p.instanceLimits(ctx)
	if lim.maxMedia < 1 {
		return "", nil
	}
	// The image gets part of the time, so the status itself can still go.
	ctx, cancel := context.WithTimeout(ctx, p.mediaBudget(ctx))
	defer cancel()
	if id, ok := p.uploads.get(msg.IdempotencyKey, time.Now()); ok {
		// An earlier attempt of this delivery uploaded it; the status failed.
		return id, p.awaitMedia(ctx, id)
	}
	if until := p.mediaBlockedUntil(); time.Now().Before(until) {
		return "", fmt.Errorf("media rate limit exhausted until %s", until.UTC().Format(time.RFC3339))
	}

	img, err := p.opts.FetchImage(ctx, msg.Image.URL, lim.imageSizeLimit)
	if err != nil {
		return "", fmt.Errorf("download image: %w", err)
	}
	switch {
	case !strings.HasPrefix(img.ContentType, "image/"):
		return "", fmt.Errorf("not an image: %q", img.ContentType)
	case len(lim.mimeTypes) > 0 && !slices.Contains(lim.mimeTypes, img.ContentType):
		return "", fmt.Errorf("the instance does not take %s", img.ContentType)
	case int64(len(img.Bytes)) > lim.imageSizeLimit:
		return "", fmt.Errorf("image of %d bytes is over the instance's %d", len(img.Bytes), lim.imageSizeLimit)
	}
	id, ready, err := p.uploadMedia(ctx, img, capRunes(msg.Image.Alt, lim.descriptionLimit))
	if err != nil {
		var rl *RateLimitError
		if errors.As(err, &rl) {
			// Media has its own limit (30 per 30 minutes); waiting for it
			// would hold the post up to half an hour, so posts go without
			// images until it resets.
			p.blockMedia(time.Now().Add(rl.Wait()))
		}
		return "", fmt.Errorf("upload image: %w", err)
	}
	p.uploads.put(msg.IdempotencyKey, id, time.Now())
	if ready {
		return id, nil
	}
	return id, p.awaitMedia(ctx, id)
}

// awaitMedia polls until the attachment is processed, backing off from
// MediaPollInterval, for as long as ctx allows.
func (p *Publisher) awaitMedia(ctx context.Context, id string) error {
	wait := p.opts.MediaPollInterval
	for {
		ready, err := p.mediaReady(ctx, id)
		if err != nil {
			return fmt.Errorf("processing image %s: %w", id, err)
		}
		if ready {
			return nil
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return fmt.Errorf("image %s still processing: %w", id, ctx.Err())
		case <-t.C:
		}
		wait = min(2*wait, maxMediaPollInterval)
	}
}

// mediaBudget is how long the image may take: MediaWait, and no more than
// half of what is left before ctx's deadline.
func (p *Publisher) mediaBudget(ctx context.Context) time.Duration {
	d := p.opts.MediaWait
	if dl, ok := ctx.Deadline(); ok {
		d = min(d, time.Until(dl)/2)
	}
	return d
}

func (p *Publisher) mediaBlockedUntil() time.Time {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.mediaUntil
}

func (p *Publisher) blockMedia(until time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.mediaUntil = until
}

// capRunes cuts s to n characters, as Rails counts them (code points),
// ending with an ellipsis when cut.
func capRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
