package telegram_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/crierhq/crier/internal/fakes/telegramapi"
	"github.com/crierhq/crier/internal/model"
	"github.com/crierhq/crier/publishers/telegram"
)

const token = "123456:AAEsecretsecretsecretsecret_xyz"

func setup(t *testing.T, limits telegramapi.Limits) (*telegramapi.Server, *telegram.Client) {
	t.Helper()
	srv := telegramapi.New(telegramapi.Options{Token: token, Limits: limits})
	t.Cleanup(srv.Close)
	srv.AddChat(telegramapi.Chat{ID: -1001, Username: "news_channel", Type: "channel"})
	srv.AddChat(telegramapi.Chat{ID: 77, Type: "private", BotBlocked: true})
	srv.AddChat(telegramapi.Chat{ID: -55, Type: "group", MigrateToChatID: -100555})
	return srv, telegram.NewClient(token, srv.Endpoint(), 2*time.Second, telegram.Limits{})
}

func html(text string) model.Message { return model.Message{Text: text, Format: model.FormatHTML} }

func TestPublishAndClassify(t *testing.T) {
	srv, c := setup(t, telegramapi.Limits{Disabled: true})
	ctx := context.Background()
	id, err := c.Publisher("@news_channel", telegram.Options{DisableWebPagePreview: true}).Publish(ctx, html("<b>Hi</b> &amp; bye"))
	if err != nil || id != "1" {
		t.Fatalf("publish: %q, %v", id, err)
	}
	if m := srv.Messages(-1001); len(m) != 1 || m[0].Text != "Hi & bye" || !m[0].DisableWebPagePreview {
		t.Fatalf("recorded %+v", m)
	}
	tests := []struct {
		name, chat string
		msg        model.Message
		remedy     model.Remedy
		reason     string
	}{
		{"unknown chat", "@nobody_here", html("x"), model.RemedyPause, "chat not found"},
		{"too long", "-1001", html(strings.Repeat("é", 4097)), model.RemedyShorten, "message is too long"},
		{"blocked", "77", html("x"), model.RemedyPause, "bot was blocked by the user"},
		{"migrated", "-55", html("x"), model.RemedyMove, "upgraded to a supergroup"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := c.Publisher(tt.chat, telegram.Options{}).Publish(ctx, tt.msg)
			var pe *model.PublishError
			if !errors.As(err, &pe) || !pe.Permanent || pe.Remedy != tt.remedy || !strings.Contains(pe.Reason, tt.reason) {
				t.Errorf("err = %+v, want remedy %q with %q", err, tt.remedy, tt.reason)
			}
			if tt.remedy == model.RemedyMove && pe.NewAddress != "-100555" {
				t.Errorf("moved to %q", pe.NewAddress)
			}
		})
	}
}

func TestUnparsableHTMLIsResentAsPlainText(t *testing.T) {
	srv, c := setup(t, telegramapi.Limits{Disabled: true})
	if _, err := c.Publisher("-1001", telegram.Options{}).Publish(context.Background(), html("<b>Title</i> &amp; more")); err != nil {
		t.Fatalf("publish: %v", err)
	}
	m := srv.Messages(-1001)
	if len(m) != 1 || m[0].Text != "Title & more" || m[0].ParseMode != "" {
		t.Fatalf("recorded %+v, want the text once, plain", m)
	}
}

func TestTransientFailures(t *testing.T) {
	srv, c := setup(t, telegramapi.Limits{Disabled: true})
	p := c.Publisher("-1001", telegram.Options{})
	ctx := context.Background()
	srv.FailNext("sendMessage", telegramapi.Fault{Status: 502, ContentType: "text/html", Body: "<html><body><h1>502 Bad Gateway</h1></body></html>"})
	srv.FailNext("sendMessage", telegramapi.Fault{Status: 500, Body: `{"ok":false,"error_code":500,"description":"Internal Server Error"}`})
	for i, want := range []string{"telegram: ", "telegram 500"} {
		_, err := p.Publish(ctx, html("x"))
		var pe *model.PublishError
		if !errors.As(err, &pe) || pe.Permanent || !strings.Contains(pe.Reason, want) {
			t.Errorf("fault %d: %v, want transient %q", i, err, want)
		}
	}
	if _, err := p.Publish(ctx, html("x")); err != nil {
		t.Errorf("after faults: %v", err)
	}
}

func TestRateLimitCarriesRetryAfter(t *testing.T) {
	srv, c := setup(t, telegramapi.Limits{PerChatBurst: 1, PerChatInterval: time.Hour})
	p := c.Publisher("-1001", telegram.Options{})
	ctx := context.Background()
	if _, err := p.Publish(ctx, html("one")); err != nil {
		t.Fatal(err)
	}
	_, err := p.Publish(ctx, html("two"))
	var pe *model.PublishError
	if !errors.As(err, &pe) || pe.Permanent || pe.RetryAfter < time.Minute {
		t.Fatalf("err = %v, want transient with retry_after", err)
	}
	if n := len(srv.Messages(-1001)); n != 1 {
		t.Errorf("messages = %d", n)
	}
}

func TestTokenNeverInErrors(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // nothing listens there now: connection refused
	c := telegram.NewClient(token, "http://"+addr+"/bot%s/%s", time.Second, telegram.Limits{})
	_, err = c.Publisher("-1001", telegram.Options{}).Publish(context.Background(), html("x"))
	if err == nil {
		t.Fatal("publish to a closed port succeeded")
	}
	for _, s := range []string{err.Error(), fmt.Sprintf("%+v", err), fmt.Sprintf("%#v", errors.Unwrap(err))} {
		if strings.Contains(s, token) || strings.Contains(s, "AAEsecret") {
			t.Fatalf("token in error: %s", s)
		}
	}
	if !strings.Contains(err.Error(), "<token>") {
		t.Errorf("error lost the URL shape: %v", err)
	}
	var pe *model.PublishError
	if !errors.As(err, &pe) || pe.Permanent {
		t.Errorf("network error should be transient: %v", err)
	}
}

func TestCancelledContextStopsTheRequest(t *testing.T) {
	srv, c := setup(t, telegramapi.Limits{Disabled: true})
	srv.FailNext("sendMessage", telegramapi.Fault{Hang: true})
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := c.Publisher("-1001", telegram.Options{}).Publish(ctx, html("x"))
	if err == nil || !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > time.Second {
		t.Errorf("err = %v after %s", err, time.Since(start))
	}
}

func TestFitsCountsVisibleText(t *testing.T) {
	_, c := setup(t, telegramapi.Limits{Disabled: true})
	fits := c.Publisher("-1001", telegram.Options{}).Fits(context.Background())
	long := strings.Repeat("a", 4096)
	if !fits("<b>" + long + "</b>") {
		t.Error("tags counted against the limit")
	}
	if fits(long + "&amp;") {
		t.Error("4097 visible characters fit")
	}
	if fits(strings.Repeat("😀", 2049)) {
		t.Error("non-BMP characters should count twice (safe over-estimate)")
	}
}

func TestWrongTokenPausesTheTarget(t *testing.T) {
	srv, _ := setup(t, telegramapi.Limits{Disabled: true})
	c := telegram.NewClient("999:wrongwrongwrongwrongwrongwrong_x", srv.Endpoint(), time.Second, telegram.Limits{})
	_, err := c.Publisher("-1001", telegram.Options{}).Publish(context.Background(), html("x"))
	var pe *model.PublishError
	if !errors.As(err, &pe) || pe.Remedy != model.RemedyPause || !strings.Contains(pe.Reason, "401") {
		t.Errorf("err = %v, want the target paused on 401", err)
	}
}

func TestRedirectRefusedAndTokenMasked(t *testing.T) {
	redirector := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Points elsewhere with the token percent-escaped in the path.
		http.Redirect(w, r, "http://127.0.0.1:1"+strings.ReplaceAll(r.URL.Path, ":", "%3A"), http.StatusTemporaryRedirect)
	}))
	defer redirector.Close()
	c := telegram.NewClient(token, redirector.URL+"/bot%s/%s", time.Second, telegram.Limits{})
	_, err := c.Publisher("-1001", telegram.Options{}).Publish(context.Background(), html("x"))
	if err == nil {
		t.Fatal("publish through a redirect succeeded")
	}
	for _, form := range []string{token, "123456%3AAAEsecret", "AAEsecret"} {
		if strings.Contains(err.Error(), form) {
			t.Fatalf("token (%s) in error: %v", form, err)
		}
	}
}

// A bot reply is not in the outbox: after a restart (a fresh limiter, while
// Telegram still counts the chat's recent messages) its 429 is waited out.
func TestSendTextWaitsOutARateLimit(t *testing.T) {
	srv, _ := setup(t, telegramapi.Limits{})
	srv.AddChat(telegramapi.Chat{ID: 42, Type: "private"})
	ctx := context.Background()
	before := telegram.NewClient(token, srv.Endpoint(), 2*time.Second, telegram.Limits{})
	for i := range 3 {
		if err := before.SendText(ctx, 42, fmt.Sprintf("reply %d", i), nil); err != nil {
			t.Fatal(err)
		}
	}
	restarted := telegram.NewClient(token, srv.Endpoint(), 2*time.Second, telegram.Limits{})
	for i := range 3 {
		if err := restarted.SendText(ctx, 42, fmt.Sprintf("after %d", i), nil); err != nil {
			t.Fatalf("reply after a restart: %v", err)
		}
	}
	if n := len(srv.Messages(42)); n != 6 {
		t.Errorf("%d replies arrived, want 6", n)
	}
}
