package mastodon_test

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/png"
	"log/slog"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/crierhq/crier/internal/fakes/mastodonapi"
	"github.com/crierhq/crier/internal/model"
	"github.com/crierhq/crier/publishers/mastodon"
)

const imageURL = "https://news.example/lead.png"

// pngImage is what a fetcher returns for a small PNG.
func pngImage(t *testing.T) model.ImageData {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewRGBA(image.Rect(0, 0, 4, 3))); err != nil {
		t.Fatal(err)
	}
	return model.ImageData{Bytes: buf.Bytes(), ContentType: "image/png", Name: "lead.png"}
}

// fetcher serves one image (or fails) and counts calls; it checks the
// size cap it is given, as the real fetcher enforces it.
type fetcher struct {
	img   model.ImageData
	err   error
	calls atomic.Int32
	max   atomic.Int64
}

func (f *fetcher) fetch(_ context.Context, url string, maxBytes int64) (model.ImageData, error) {
	f.calls.Add(1)
	f.max.Store(maxBytes)
	if url != imageURL {
		return model.ImageData{}, errors.New("unexpected URL " + url)
	}
	return f.img, f.err
}

// setupMedia runs a fake instance and a publisher that fetches with f and
// logs into the returned buffer.
func setupMedia(t *testing.T, opts mastodonapi.Options, f *fetcher, popts mastodon.Options) (*mastodonapi.Server, *mastodon.Publisher, *bytes.Buffer) {
	t.Helper()
	opts.Token = token
	srv := mastodonapi.New(opts)
	t.Cleanup(srv.Close)
	var logs bytes.Buffer
	popts.Visibility, popts.Timeout = "public", 2*time.Second
	popts.FetchImage = f.fetch
	popts.Logger = slog.New(slog.NewTextHandler(&logs, nil))
	if popts.MediaPollInterval == 0 {
		popts.MediaPollInterval = 5 * time.Millisecond
	}
	return srv, mastodon.New(srv.URL(), token, popts), &logs
}

func imageMsg(text, key, alt string) model.Message {
	m := msg(text, key)
	m.Image = model.Image{URL: imageURL, Alt: alt}
	return m
}

// calls lists "METHOD path status" for the requests to paths under prefix.
func calls(srv *mastodonapi.Server, prefix string) []string {
	var out []string
	for _, r := range srv.Requests() {
		if strings.HasPrefix(r.Path, prefix) {
			out = append(out, r.Method+" "+r.Path+" "+http.StatusText(r.Status))
		}
	}
	return out
}

func TestImageWaitsForProcessingThenAttaches(t *testing.T) {
	f := &fetcher{img: pngImage(t)}
	srv, p, _ := setupMedia(t, mastodonapi.Options{MediaProcessingPolls: 2}, f, mastodon.Options{})
	id, err := p.Publish(context.Background(), imageMsg("Lead story https://news.example/a", "k1", "A flooded street in Yerevan"))
	if err != nil {
		t.Fatal(err)
	}
	media := srv.Media()
	if len(media) != 1 || media[0].StatusID != id || media[0].Description != "A flooded street in Yerevan" || media[0].Type != "image" {
		t.Fatalf("media %+v", media)
	}
	st := srv.Statuses()
	if len(st) != 1 || len(st[0].MediaIDs) != 1 || st[0].MediaIDs[0] != media[0].ID || st[0].IdempotencyKey != "k1" {
		t.Fatalf("statuses %+v", st)
	}
	mid := media[0].ID
	want := []string{
		"POST /api/v2/media Accepted",
		"GET /api/v1/media/" + mid + " Partial Content",
		"GET /api/v1/media/" + mid + " Partial Content",
		"GET /api/v1/media/" + mid + " OK",
	}
	if got := calls(srv, "/api/v"); strings.Join(got[1:5], "|") != strings.Join(want, "|") || len(got) != 6 {
		t.Errorf("requests %q, want instance, %q, status", got, want)
	}
	if f.max.Load() != 16<<20 {
		t.Errorf("fetch cap %d, want the instance's image_size_limit", f.max.Load())
	}
}

func TestImageTroubleCostsOnlyTheImage(t *testing.T) {
	cases := []struct {
		name   string
		opts   mastodonapi.Options
		popts  mastodon.Options
		img    *model.ImageData // default: a small PNG
		getErr error
		fault  *mastodonapi.Fault
		reason string
	}{
		{name: "upload refused", fault: &mastodonapi.Fault{Status: 422,
			Body: `{"error":"Validation failed: File file size must be less than 16 MB"}`}, reason: "File file size must be less than 16 MB"},
		{name: "upload fails", fault: &mastodonapi.Fault{Status: 500}, reason: "mastodon 500"},
		{name: "proxy drops the upload", fault: &mastodonapi.Fault{Drop: true}, reason: "upload image"},
		{name: "too big for the instance", opts: mastodonapi.Options{ImageSizeLimit: 10}, reason: "over the instance's 10"},
		{name: "download fails", getErr: errors.New("HTTP 403"), reason: "download image: HTTP 403"},
		{name: "not an image", img: &model.ImageData{Bytes: []byte("<html>"), ContentType: "text/html"}, reason: "not an image"},
		{name: "processing never ends", opts: mastodonapi.Options{MediaProcessingPolls: 1 << 20},
			popts: mastodon.Options{MediaWait: 200 * time.Millisecond}, reason: "still processing"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := &fetcher{img: pngImage(t), err: c.getErr}
			if c.img != nil {
				f.img = *c.img
			}
			srv, p, logs := setupMedia(t, c.opts, f, c.popts)
			if c.fault != nil {
				srv.FailNext("/api/v2/media", *c.fault)
			}
			text := "Բարև, աշխարհ https://news.example/a"
			id, err := p.Publish(context.Background(), imageMsg(text, "key-1", "alt"))
			if err != nil {
				t.Fatalf("publish: %v", err)
			}
			st := srv.Statuses()
			if len(st) != 1 || st[0].ID != id || st[0].Text != text || len(st[0].MediaIDs) != 0 || st[0].IdempotencyKey != "key-1" {
				t.Fatalf("statuses %+v, want the text alone", st)
			}
			if !strings.Contains(logs.String(), c.reason) {
				t.Errorf("log %q does not say %q", logs.String(), c.reason)
			}
		})
	}
}

func TestMediaRateLimitPostsWithoutImage(t *testing.T) {
	f := &fetcher{img: pngImage(t)}
	srv, p, logs := setupMedia(t, mastodonapi.Options{MediaRateLimit: mastodonapi.RateLimit{Limit: 1, Period: time.Hour}}, f, mastodon.Options{})
	ctx := context.Background()
	for i, key := range []string{"a", "b", "c"} {
		if _, err := p.Publish(ctx, imageMsg("story "+key, key, "alt")); err != nil {
			t.Fatalf("status %d: %v", i, err)
		}
	}
	st := srv.Statuses()
	if len(st) != 3 || len(st[0].MediaIDs) != 1 || len(st[1].MediaIDs) != 0 || len(st[2].MediaIDs) != 0 {
		t.Fatalf("statuses %+v, want the first with media only", st)
	}
	// Once refused, uploads wait for the reset instead of asking again.
	if got := calls(srv, "/api/v2/media"); len(got) != 2 || got[1] != "POST /api/v2/media Too Many Requests" {
		t.Errorf("uploads %q", got)
	}
	if !strings.Contains(logs.String(), "media rate limit exhausted until") {
		t.Errorf("log %q", logs.String())
	}
	// Statuses are not held back by the media limit afterwards.
	wctx, cancel := context.WithTimeout(ctx, 100*time.Millisecond)
	defer cancel()
	if err := p.Wait(wctx); err != nil {
		t.Errorf("statuses held back by the media limit: %v", err)
	}
}

func TestNoUploadWhenInstanceTakesNoMedia(t *testing.T) {
	f := &fetcher{img: pngImage(t)}
	srv, p, _ := setupMedia(t, mastodonapi.Options{MaxMediaAttachments: -1}, f, mastodon.Options{})
	if _, err := p.Publish(context.Background(), imageMsg("text", "k", "alt")); err != nil {
		t.Fatal(err)
	}
	if f.calls.Load() != 0 || len(srv.Media()) != 0 || len(srv.Statuses()) != 1 {
		t.Errorf("fetched %d, uploaded %d", f.calls.Load(), len(srv.Media()))
	}
}

func TestNoFetcherNoMedia(t *testing.T) {
	srv, p := setup(t, mastodonapi.Options{})
	if _, err := p.Publish(context.Background(), imageMsg("text", "k", "alt")); err != nil {
		t.Fatal(err)
	}
	if len(srv.Media()) != 0 || len(srv.Statuses()) != 1 {
		t.Errorf("media %+v", srv.Media())
	}
}

func TestDescriptionCapped(t *testing.T) {
	f := &fetcher{img: pngImage(t)}
	srv, p, _ := setupMedia(t, mastodonapi.Options{DescriptionLimit: 10}, f, mastodon.Options{})
	alt := strings.Repeat("Երևան ", 5)
	if _, err := p.Publish(context.Background(), imageMsg("text", "k", alt)); err != nil {
		t.Fatal(err)
	}
	media := srv.Media()
	if len(media) != 1 || media[0].StatusID == "" {
		t.Fatalf("media %+v", media)
	}
	if d := media[0].Description; utf8.RuneCountInString(d) != 10 || d != "Երևան Երև…" {
		t.Errorf("description %q", d)
	}
}

func TestRetryReusesTheUpload(t *testing.T) {
	f := &fetcher{img: pngImage(t)}
	srv, p, _ := setupMedia(t, mastodonapi.Options{}, f, mastodon.Options{})
	ctx := context.Background()
	srv.FailNext("/api/v1/statuses", mastodonapi.Fault{Status: 503})
	if _, err := p.Publish(ctx, imageMsg("text", "k", "alt")); err == nil || model.IsPermanent(err) {
		t.Fatalf("first attempt: %v, want a transient error", err)
	}
	id, err := p.Publish(ctx, imageMsg("text", "k", "alt"))
	if err != nil {
		t.Fatal(err)
	}
	if media := srv.Media(); len(media) != 1 || media[0].StatusID != id || f.calls.Load() != 1 {
		t.Errorf("media %+v after %d downloads, want one upload reused", media, f.calls.Load())
	}
}

func TestStatusRefusingMediaGoesWithoutIt(t *testing.T) {
	f := &fetcher{img: pngImage(t)}
	srv, p, logs := setupMedia(t, mastodonapi.Options{}, f, mastodon.Options{})
	srv.FailNext("/api/v1/statuses", mastodonapi.Fault{Status: 422,
		Body: `{"error":"Cannot attach files that have not finished processing. Try again in a moment!"}`})
	id, err := p.Publish(context.Background(), imageMsg("text", "k", "alt"))
	if err != nil {
		t.Fatal(err)
	}
	if st := srv.Statuses(); len(st) != 1 || st[0].ID != id || len(st[0].MediaIDs) != 0 || st[0].IdempotencyKey != "k" {
		t.Fatalf("statuses %+v", st)
	}
	if !strings.Contains(logs.String(), "not finished processing") {
		t.Errorf("log %q", logs.String())
	}
	// A refused text is not retried without media: it would fail again.
	_, p2, _ := setupMedia(t, mastodonapi.Options{MaxCharacters: 5}, f, mastodon.Options{})
	if _, err := p2.Publish(context.Background(), imageMsg("far too long", "k2", "alt")); !model.IsPermanent(err) {
		t.Errorf("too long: %v", err)
	}
}
