package telegramapi_test

import (
	"strconv"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/crierhq/crier/internal/fakes/telegramapi"
)

// step is one send at a point in fake time and the answer expected.
type step struct {
	advance    time.Duration // clock advance before sending
	chat       int64
	retryAfter int // 0: the send must succeed
}

func TestRateLimits(t *testing.T) {
	user2 := telegramapi.Chat{ID: 1002, Type: telegramapi.Private}
	tests := []struct {
		name   string
		limits telegramapi.Limits
		steps  []step
	}{
		{
			name:   "per chat: burst of 3, then one a second",
			limits: telegramapi.Limits{},
			steps: []step{
				{0, userChat.ID, 0}, {0, userChat.ID, 0}, {0, userChat.ID, 0},
				{0, userChat.ID, 1},
				{0, user2.ID, 0}, // other chats are not affected
				{time.Second, userChat.ID, 0},
				{0, userChat.ID, 1},
				{500 * time.Millisecond, userChat.ID, 1}, // half a token: rounded up
				{500 * time.Millisecond, userChat.ID, 0},
			},
		},
		{
			name:   "group: 3 a minute",
			limits: telegramapi.Limits{GroupMessages: 3, PerChatBurst: -1},
			steps: []step{
				{0, groupChat.ID, 0}, {10 * time.Second, groupChat.ID, 0}, {10 * time.Second, groupChat.ID, 0},
				{10 * time.Second, groupChat.ID, 30}, // the first send leaves the window at 0:60
				{0, userChat.ID, 0},                  // private chats have no group limit
				{30 * time.Second, groupChat.ID, 0},
				{0, groupChat.ID, 10},
			},
		},
		{
			name:   "overall: 2 a second",
			limits: telegramapi.Limits{GlobalMessages: 2},
			steps: []step{
				{0, userChat.ID, 0}, {0, user2.ID, 0}, {0, groupChat.ID, 1},
				{time.Second, groupChat.ID, 0},
			},
		},
		{
			name:   "disabled",
			limits: telegramapi.Limits{Disabled: true},
			steps:  []step{{0, userChat.ID, 0}, {0, userChat.ID, 0}, {0, userChat.ID, 0}, {0, userChat.ID, 0}, {0, userChat.ID, 0}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			clk := newClock()
			srv := newServer(t, telegramapi.Options{Limits: tc.limits, Now: clk.Now})
			addChats(srv, userChat, user2, groupChat)
			bot := newBot(t, srv)
			for i, s := range tc.steps {
				clk.Advance(s.advance)
				_, err := bot.Send(htmlMessage(s.chat, "x"))
				if s.retryAfter == 0 {
					if err != nil {
						t.Fatalf("step %d: %v", i, err)
					}
					continue
				}
				apiErr := asAPIError(t, err)
				want := "Too Many Requests: retry after " + strconv.Itoa(s.retryAfter)
				if apiErr.Code != 429 || apiErr.RetryAfter != s.retryAfter || apiErr.Message != want {
					t.Fatalf("step %d: error %d %q retry_after %d, want 429 %q", i, apiErr.Code, apiErr.Message, apiErr.RetryAfter, want)
				}
			}
		})
	}
}

// A client that waits as told gets through: refused sends use up nothing.
func TestRetryAfterIsEnough(t *testing.T) {
	clk := newClock()
	srv := newServer(t, telegramapi.Options{Now: clk.Now, Limits: telegramapi.Limits{GroupMessages: 20}})
	addChats(srv, channelChat)
	bot := newBot(t, srv)
	sent := 0
	for sent < 45 {
		_, err := bot.Send(tgbotapi.NewMessageToChannel("@crier_news", "x"))
		if err == nil {
			sent++
			continue
		}
		clk.Advance(time.Duration(asAPIError(t, err).RetryAfter) * time.Second)
	}
	if n := len(srv.Messages(channelChat.ID)); n != 45 {
		t.Errorf("%d messages delivered, want 45", n)
	}
	if elapsed := clk.Now().Sub(newClock().Now()); elapsed < 2*time.Minute || elapsed > 3*time.Minute {
		t.Errorf("45 channel posts took %s of fake time, want 2-3 minutes at 20 a minute", elapsed)
	}
}
