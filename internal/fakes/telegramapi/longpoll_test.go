package telegramapi_test

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/crierhq/crier/internal/fakes/telegramapi"
)

// polled is how a getUpdates request running in a goroutine ended.
type polled struct {
	status int
	answer answer
	err    error
	took   time.Duration
}

// startPoll sends getUpdates with args in a goroutine and returns where its
// outcome arrives, once the server has it waiting.
func startPoll(ctx context.Context, t *testing.T, srv *telegramapi.Server, args url.Values) <-chan polled {
	t.Helper()
	done := make(chan polled, 1)
	go func() {
		start := time.Now()
		status, a, err := post(ctx, srv, "getUpdates", args)
		done <- polled{status, a, err, time.Since(start)}
	}()
	waitUntil(t, "the long poll waits", srv.Polling)
	return done
}

func outcome(t *testing.T, done <-chan polled) polled {
	t.Helper()
	select {
	case p := <-done:
		return p
	case <-time.After(10 * time.Second):
		t.Fatal("the long poll never ended")
		return polled{}
	}
}

// A waiting long poll ends with whatever ends it first.
func TestLongPollEnds(t *testing.T) {
	tests := []struct {
		name    string
		timeout string
		end     func(t *testing.T, srv *telegramapi.Server)
		status  int
		desc    string
		updates int
		atLeast time.Duration // the poll must not have ended sooner
	}{
		{"an update arrives", "30", func(t *testing.T, srv *telegramapi.Server) {
			srv.PushMessage(userChat.ID, ann, "/start")
		}, http.StatusOK, "", 1, 0},
		{"the timeout passes", "1", func(*testing.T, *telegramapi.Server) {}, http.StatusOK, "", 0, time.Second},
		{"a newer getUpdates", "30", func(t *testing.T, srv *telegramapi.Server) {
			go func() { _, _, _ = post(context.Background(), srv, "getUpdates", url.Values{"timeout": {"30"}}) }()
		}, http.StatusConflict,
			"Conflict: terminated by other getUpdates request; make sure that only one bot instance is running", 0, 0},
		{"setWebhook", "30", func(t *testing.T, srv *telegramapi.Server) {
			mustCall(t, srv, "setWebhook", url.Values{"url": {"https://example.com/hook"}})
		}, http.StatusConflict, "Conflict: terminated by setWebhook request", 0, 0},
		{"the server closes", "30", func(t *testing.T, srv *telegramapi.Server) { srv.Close() }, http.StatusOK, "", 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv := newServer(t, telegramapi.Options{})
			addChats(srv, userChat)
			done := startPoll(t.Context(), t, srv, url.Values{"timeout": {tc.timeout}})
			tc.end(t, srv)
			p := outcome(t, done)
			if p.err != nil {
				t.Fatalf("getUpdates: %v", p.err)
			}
			if p.status != tc.status || p.answer.Description != tc.desc {
				t.Errorf("answer = %d %+v, want %d %q", p.status, p.answer, tc.status, tc.desc)
			}
			if tc.status == http.StatusOK {
				if ups := updates(t, p.answer); len(ups) != tc.updates {
					t.Errorf("%d updates, want %d", len(ups), tc.updates)
				}
			}
			if p.took < tc.atLeast {
				t.Errorf("the poll ended after %s, want at least %s", p.took, tc.atLeast)
			}
		})
	}
}

// The newer of two long polls is the one still served.
func TestLongPollNewerWins(t *testing.T) {
	srv := newServer(t, telegramapi.Options{})
	addChats(srv, userChat)
	bot := newBotWithClient(t, srv, &http.Client{Timeout: time.Minute})
	first := startPoll(t.Context(), t, srv, url.Values{"timeout": {"30"}})
	second := make(chan []tgbotapi.Update, 1)
	go func() {
		ups, _ := bot.GetUpdates(tgbotapi.UpdateConfig{Timeout: 30})
		second <- ups
	}()
	if p := outcome(t, first); p.status != http.StatusConflict {
		t.Fatalf("first poll = %d %+v, want 409", p.status, p.answer)
	}
	waitUntil(t, "the second poll waits", srv.Polling)
	srv.PushMessage(userChat.ID, ann, "hi")
	select {
	case ups := <-second:
		if len(ups) != 1 || ups[0].Message.Text != "hi" {
			t.Errorf("second poll = %+v", ups)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the second poll never ended")
	}

	var polls []telegramapi.Request
	for _, r := range srv.Requests() {
		if r.Method == "getUpdates" {
			polls = append(polls, r)
		}
	}
	if len(polls) != 2 || polls[0].Status != http.StatusConflict || polls[1].Status != http.StatusOK ||
		polls[0].Params["timeout"] != "30" {
		t.Errorf("recorded polls = %+v", polls)
	}
}

// A long poll is recorded when it arrives, unanswered until it ends.
func TestLongPollRecordedOnArrival(t *testing.T) {
	srv := newServer(t, telegramapi.Options{})
	addChats(srv, userChat)
	done := startPoll(t.Context(), t, srv, url.Values{"timeout": {"30"}})
	if reqs := srv.Requests(); len(reqs) != 1 || reqs[0].Method != "getUpdates" || reqs[0].Status != 0 {
		t.Errorf("while waiting: %+v", reqs)
	}
	srv.PushMessage(userChat.ID, ann, "hi")
	outcome(t, done)
	if reqs := srv.Requests(); reqs[0].Status != http.StatusOK {
		t.Errorf("after the answer: %+v", reqs)
	}
}

// A client that gives up ends its long poll on the server too.
func TestLongPollClientGoesAway(t *testing.T) {
	srv := newServer(t, telegramapi.Options{})
	ctx, cancel := context.WithCancel(t.Context())
	done := startPoll(ctx, t, srv, url.Values{"timeout": {"30"}})
	cancel()
	if p := outcome(t, done); !errors.Is(p.err, context.Canceled) {
		t.Errorf("client error = %v, want its cancellation", p.err)
	}
	waitUntil(t, "the server stops polling", func() bool { return !srv.Polling() })
}

// tgbotapi's own loop sees the update a long poll is woken for.
func TestGetUpdatesChan(t *testing.T) {
	srv := newServer(t, telegramapi.Options{})
	addChats(srv, userChat)
	bot := newBot(t, srv)
	ch := bot.GetUpdatesChan(tgbotapi.UpdateConfig{Timeout: 30})
	waitUntil(t, "the bot polls", srv.Polling)
	srv.PushMessage(userChat.ID, ann, "/help")
	select {
	case u := <-ch:
		if u.Message == nil || u.Message.Command() != "help" {
			t.Errorf("update = %+v", u)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no update")
	}
	// Stop the loop while its next poll waits: closing the server answers
	// that poll, and the loop then sees it was stopped.
	waitUntil(t, "the bot polls again", srv.Polling)
	bot.StopReceivingUpdates()
	srv.Close()
}
