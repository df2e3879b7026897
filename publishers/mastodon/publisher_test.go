package mastodon_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/crierhq/crier/internal/fakes/mastodonapi"
	"github.com/crierhq/crier/internal/model"
	"github.com/crierhq/crier/publishers/mastodon"
)

const token = "masto-token"

func setup(t *testing.T, opts mastodonapi.Options) (*mastodonapi.Server, *mastodon.Publisher) {
	t.Helper()
	opts.Token = token
	srv := mastodonapi.New(opts)
	t.Cleanup(srv.Close)
	return srv, mastodon.New(srv.URL(), token, mastodon.Options{Visibility: "public", Language: "hy", Timeout: 2 * time.Second})
}

func msg(text, key string) model.Message {
	return model.Message{Text: text, Format: model.FormatPlain, IdempotencyKey: key}
}

func TestPublishSendsStatusWithKey(t *testing.T) {
	srv, p := setup(t, mastodonapi.Options{})
	id, err := p.Publish(context.Background(), msg("Բարև, աշխարհ https://example.com/a", "k1"))
	if err != nil || id == "" {
		t.Fatalf("publish: %q, %v", id, err)
	}
	st := srv.Statuses()
	if len(st) != 1 || st[0].ID != id || st[0].IdempotencyKey != "k1" || st[0].Language != "hy" || st[0].Visibility != "public" {
		t.Fatalf("statuses %+v", st)
	}
	m := msg("Merkez Bankası faizi sabit tuttu.", "k2")
	m.Language = "tr" // detected from the post: wins over the account's default
	if _, err := p.Publish(context.Background(), m); err != nil {
		t.Fatal(err)
	}
	if st := srv.Statuses(); len(st) != 2 || st[1].Language != "tr" {
		t.Fatalf("post language not sent: %+v", st)
	}
}

func TestRetryAfterLostAnswerDoesNotPostTwice(t *testing.T) {
	srv, p := setup(t, mastodonapi.Options{})
	ctx := context.Background()
	srv.FailNext("/api/v1/statuses", mastodonapi.Fault{Status: 502, AfterCommit: true})
	_, err := p.Publish(ctx, msg("hello", "same-key"))
	var pe *model.PublishError
	if !errors.As(err, &pe) || pe.Permanent {
		t.Fatalf("first attempt: %v, want a transient error", err)
	}
	id, err := p.Publish(ctx, msg("hello", "same-key"))
	if err != nil {
		t.Fatal(err)
	}
	if st := srv.Statuses(); len(st) != 1 || st[0].ID != id {
		t.Fatalf("statuses after retry: %+v", st)
	}
}

func TestFitsUsesInstanceLimit(t *testing.T) {
	_, p := setup(t, mastodonapi.Options{MaxCharacters: 100})
	fits := p.Fits(context.Background())
	if !fits(strings.Repeat("a", 76) + " https://example.com/" + strings.Repeat("x", 200)) {
		t.Error("a long URL should count 23")
	}
	if fits(strings.Repeat("ա", 101)) {
		t.Error("101 characters fit a 100 limit")
	}
	if !fits(strings.Repeat("👍🏽", 100)) {
		t.Error("grapheme clusters should count once")
	}
}

func TestFitsFallsBackWhenInstanceUnreachable(t *testing.T) {
	p := mastodon.New("http://127.0.0.1:1", token, mastodon.Options{Timeout: time.Second})
	fits := p.Fits(context.Background())
	if !fits(strings.Repeat("a", 500)) || fits(strings.Repeat("a", 501)) {
		t.Error("fallback limit is not 500")
	}
}

func TestErrorsClassified(t *testing.T) {
	ctx := context.Background()
	srv, p := setup(t, mastodonapi.Options{MaxCharacters: 10})
	_, err := p.Publish(ctx, msg("far too long for ten", "a"))
	var pe *model.PublishError
	if !errors.As(err, &pe) || !pe.Permanent || pe.Remedy != model.RemedyShorten || !strings.Contains(pe.Reason, "422") {
		t.Errorf("too long: %v, want it shortened", err)
	}
	bad := mastodon.New(srv.URL(), "wrong-token", mastodon.Options{})
	_, err = bad.Publish(ctx, msg("x", "b"))
	if !errors.As(err, &pe) || pe.Remedy != model.RemedyPause || !strings.Contains(err.Error(), "401") {
		t.Errorf("bad token: %v, want the target paused", err)
	}
	srv.FailNext("/api/v1/statuses", mastodonapi.Fault{Status: 503})
	if _, err := p.Publish(ctx, msg("x", "c")); err == nil || model.IsPermanent(err) {
		t.Errorf("503: %v", err)
	}
	if strings.Contains(err.Error(), token) {
		t.Errorf("token leaked: %v", err)
	}
}

func TestRateLimitIsReturnedNotSlept(t *testing.T) {
	_, p := setup(t, mastodonapi.Options{StatusRateLimit: mastodonapi.RateLimit{Limit: 1, Period: time.Hour}})
	ctx := context.Background()
	if _, err := p.Publish(ctx, msg("one", "1")); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err := p.Publish(ctx, msg("two", "2"))
	var pe *model.PublishError
	if !errors.As(err, &pe) || pe.Permanent || pe.RetryAfter <= 0 || pe.RetryAfter > time.Hour+time.Minute {
		t.Fatalf("429: %v", err)
	}
	if time.Since(start) > time.Second {
		t.Errorf("the client slept on a 429 for %s", time.Since(start))
	}
}

func TestPacesBeforeTheRateLimit(t *testing.T) {
	const n = 30
	srv, p := setup(t, mastodonapi.Options{StatusRateLimit: mastodonapi.RateLimit{Limit: 20, Period: 3 * time.Second}})
	ctx := context.Background()
	start := time.Now()
	for i := range n {
		if err := p.Wait(ctx); err != nil {
			t.Fatal(err)
		}
		if _, err := p.Publish(ctx, msg(fmt.Sprintf("status %d", i), fmt.Sprint(i))); err != nil {
			t.Fatalf("status %d: %v", i, err)
		}
	}
	elapsed := time.Since(start)
	for _, r := range srv.Requests() {
		if r.Status == http.StatusTooManyRequests {
			t.Fatalf("the instance had to refuse a status: %+v", r)
		}
	}
	if got := len(srv.Statuses()); got != n {
		t.Fatalf("%d statuses, want %d", got, n)
	}
	// Windows are aligned to the clock (as rack-attack's are), so 30
	// statuses span two windows at most, never a third.
	if elapsed > 6*time.Second {
		t.Errorf("took %v, more than two 3 s windows: paced too slowly", elapsed)
	}
	t.Logf("%d statuses in %v at 20 per 3 s", n, elapsed.Round(time.Millisecond))
}
