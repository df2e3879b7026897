package telegramapi_test

import (
	"errors"
	"net/http"
	"sync"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/crierhq/crier/internal/fakes/telegramapi"
)

const token = "123456:TEST-token_abc"

// clock is a settable time source for rate-limit tests.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func newClock() *clock { return &clock{now: time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

func newServer(t *testing.T, opts telegramapi.Options) *telegramapi.Server {
	t.Helper()
	if opts.Token == "" {
		opts.Token = token
	}
	srv := telegramapi.New(opts)
	t.Cleanup(srv.Close)
	return srv
}

func newBot(t *testing.T, srv *telegramapi.Server) *tgbotapi.BotAPI {
	t.Helper()
	return newBotWithClient(t, srv, &http.Client{Timeout: 5 * time.Second})
}

func newBotWithClient(t *testing.T, srv *telegramapi.Server, client *http.Client) *tgbotapi.BotAPI {
	t.Helper()
	bot, err := tgbotapi.NewBotAPIWithClient(token, srv.Endpoint(), client)
	if err != nil {
		t.Fatalf("NewBotAPIWithClient: %v", err)
	}
	return bot
}

// asAPIError returns the *tgbotapi.Error inside err, failing the test if
// there is none.
func asAPIError(t *testing.T, err error) *tgbotapi.Error {
	t.Helper()
	var apiErr *tgbotapi.Error
	if !errors.As(err, &apiErr) {
		t.Fatalf("error = %v (%T), want *tgbotapi.Error", err, err)
	}
	return apiErr
}

func htmlMessage(chatID int64, text string) tgbotapi.MessageConfig {
	m := tgbotapi.NewMessage(chatID, text)
	m.ParseMode = tgbotapi.ModeHTML
	return m
}

// Chats used across tests.
var (
	userChat    = telegramapi.Chat{ID: 1001, Type: telegramapi.Private, Title: "Ann", Username: "ann"}
	channelChat = telegramapi.Chat{ID: -1001234567890, Type: telegramapi.Channel, Title: "News", Username: "crier_news"}
	groupChat   = telegramapi.Chat{ID: -4001, Type: telegramapi.Group, Title: "Friends"}
)

func addChats(srv *telegramapi.Server, chats ...telegramapi.Chat) {
	for _, c := range chats {
		srv.AddChat(c)
	}
}
