package telegramapi_test

import (
	"errors"
	"net/http"
	"runtime"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/crierhq/crier/internal/fakes/telegramapi"
)

func TestFaults(t *testing.T) {
	tests := []struct {
		name  string
		fault telegramapi.Fault
		// apiCode is the *tgbotapi.Error code expected, or 0 when the client
		// must fail without one (it could not read a Bot API answer).
		apiCode int
		apiDesc string
	}{
		{"proxy HTML page", telegramapi.Fault{Status: 502, ContentType: "text/html",
			Body: "<html><body><h1>502 Bad Gateway</h1></body></html>"}, 0, ""},
		{"default is a JSON 500", telegramapi.Fault{}, 500, "Internal Server Error"},
		{"custom JSON error", telegramapi.Fault{Status: 429,
			Body: `{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 7","parameters":{"retry_after":7}}`},
			429, "Too Many Requests: retry after 7"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv := newServer(t, telegramapi.Options{})
			addChats(srv, userChat)
			bot := newBot(t, srv)
			srv.FailNext("sendmessage", tc.fault)

			_, err := bot.Send(htmlMessage(userChat.ID, "x"))
			var apiErr *tgbotapi.Error
			switch {
			case err == nil:
				t.Fatal("faulty send succeeded")
			case tc.apiCode == 0 && errors.As(err, &apiErr):
				t.Fatalf("error = %+v, want a decoding failure", apiErr)
			case tc.apiCode != 0:
				apiErr = asAPIError(t, err)
				if apiErr.Code != tc.apiCode || apiErr.Message != tc.apiDesc {
					t.Fatalf("error = %d %q, want %d %q", apiErr.Code, apiErr.Message, tc.apiCode, tc.apiDesc)
				}
			}
			if _, err := bot.Send(htmlMessage(userChat.ID, "x")); err != nil {
				t.Fatalf("send after the fault: %v", err)
			}
			reqs := srv.Requests()
			if got := reqs[1].Status; got != tc.fault.Status && !(tc.fault.Status == 0 && got == 500) {
				t.Errorf("recorded status %d", got)
			}
			if n := len(srv.Messages(userChat.ID)); n != 1 {
				t.Errorf("%d messages, want only the one after the fault", n)
			}
		})
	}
}

func TestFaultTimesAndMethods(t *testing.T) {
	srv := newServer(t, telegramapi.Options{})
	addChats(srv, userChat)
	bot := newBot(t, srv)
	srv.FailNext("sendPhoto", telegramapi.Fault{Status: 503})
	srv.FailNext("SENDMESSAGE", telegramapi.Fault{Status: 500, Times: 2})

	for i := range 2 {
		if _, err := bot.Send(htmlMessage(userChat.ID, "x")); err == nil {
			t.Fatalf("send %d succeeded, want the injected 500", i)
		}
	}
	if _, err := bot.Send(htmlMessage(userChat.ID, "x")); err != nil {
		t.Fatalf("third send: %v", err)
	}
	_, err := bot.Send(tgbotapi.NewPhoto(userChat.ID, tgbotapi.FileURL("https://e.com/p.jpg")))
	if apiErr := asAPIError(t, err); apiErr.Code != 503 {
		t.Errorf("sendPhoto error %d, want the injected 503", apiErr.Code)
	}
}

func TestFaultAnyMethod(t *testing.T) {
	srv := newServer(t, telegramapi.Options{})
	srv.FailNext("", telegramapi.Fault{Status: 502})
	_, err := tgbotapi.NewBotAPIWithClient(token, srv.Endpoint(), &http.Client{Timeout: 5 * time.Second})
	if apiErr := asAPIError(t, err); apiErr.Code != 502 {
		t.Errorf("getMe error %d, want the injected 502", apiErr.Code)
	}
}

func TestHang(t *testing.T) {
	srv := newServer(t, telegramapi.Options{})
	addChats(srv, userChat)
	// The client's timeout is what ends a hanging request, as in production.
	bot := newBotWithClient(t, srv, &http.Client{Timeout: 100 * time.Millisecond})
	srv.FailNext("sendMessage", telegramapi.Fault{Hang: true})

	start := time.Now()
	_, err := bot.Send(htmlMessage(userChat.ID, "x"))
	var apiErr *tgbotapi.Error
	if err == nil || errors.As(err, &apiErr) {
		t.Fatalf("error = %v, want a client timeout", err)
	}
	if elapsed := time.Since(start); elapsed < 100*time.Millisecond {
		t.Errorf("request ended after %s, before the client's timeout", elapsed)
	}
	if r := srv.Requests()[1]; r.Status != 0 || r.Method != "sendMessage" {
		t.Errorf("hanging request recorded as %+v", r)
	}
	if _, err := bot.Send(htmlMessage(userChat.ID, "x")); err != nil {
		t.Fatalf("send after the hang: %v", err)
	}
}

// Close must not wait for a request that hangs with no client timeout.
func TestCloseReleasesHang(t *testing.T) {
	srv := telegramapi.New(telegramapi.Options{Token: token})
	srv.FailNext("getMe", telegramapi.Fault{Hang: true})
	done := make(chan error, 1)
	go func() {
		_, err := tgbotapi.NewBotAPIWithClient(token, srv.Endpoint(), &http.Client{})
		done <- err
	}()
	// Wait until the request is in, so that Close has something to release.
	deadline := time.After(5 * time.Second)
	for len(srv.Requests()) == 0 {
		select {
		case <-deadline:
			t.Fatal("request never arrived")
		default:
			runtime.Gosched()
		}
	}
	srv.Close()
	select {
	case err := <-done:
		if err == nil {
			t.Error("hanging getMe succeeded")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Close did not release the hanging request")
	}
}
