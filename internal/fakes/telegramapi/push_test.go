package telegramapi_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/crierhq/crier/internal/fakes/telegramapi"
)

// The exact JSON of each kind of update: field names and shapes are what a
// bot's decoder meets on Telegram.
func TestPushedUpdateJSON(t *testing.T) {
	clk := newClock()
	date := clk.Now().Unix()
	tests := []struct {
		name string
		push func(*telegramapi.Server) int
		want string
	}{
		{"private message with a command",
			func(srv *telegramapi.Server) int { return srv.PushMessage(userChat.ID, ann, "/start now") },
			fmt.Sprintf(`{"update_id":100000001,"message":{"message_id":1,`+
				`"from":{"id":1001,"is_bot":false,"first_name":"Ann","username":"ann","language_code":"en"},`+
				`"date":%d,"chat":{"id":1001,"type":"private","username":"ann","first_name":"Ann"},`+
				`"text":"/start now","entities":[{"type":"bot_command","offset":0,"length":6}]}}`, date)},
		{"group message after the bot's own two",
			func(srv *telegramapi.Server) int { return srv.PushMessage(groupChat.ID, bob, "hello all") },
			fmt.Sprintf(`{"update_id":100000001,"message":{"message_id":3,`+
				`"from":{"id":1002,"is_bot":false,"first_name":"Bob"},`+
				`"date":%d,"chat":{"id":-4001,"type":"group","title":"Friends"},"text":"hello all"}}`, date)},
		{"channel post",
			func(srv *telegramapi.Server) int { return srv.PushChannelPost(channelChat.ID, "/digest") },
			fmt.Sprintf(`{"update_id":100000001,"channel_post":{"message_id":1,`+
				`"sender_chat":{"id":-1001234567890,"type":"channel","title":"News","username":"crier_news"},`+
				`"date":%d,"chat":{"id":-1001234567890,"type":"channel","title":"News","username":"crier_news"},`+
				`"text":"/digest","entities":[{"type":"bot_command","offset":0,"length":7}]}}`, date)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv := newServer(t, telegramapi.Options{Now: clk.Now})
			addChats(srv, userChat, channelChat, groupChat)
			bot := newBot(t, srv)
			for range 2 {
				if _, err := bot.Send(htmlMessage(groupChat.ID, "from the bot")); err != nil {
					t.Fatalf("Send: %v", err)
				}
			}
			if id := tc.push(srv); id != firstUpdate {
				t.Errorf("update_id = %d, want %d", id, firstUpdate)
			}
			a := mustCall(t, srv, "getUpdates", nil)
			if got := string(a.Result); got != "["+tc.want+"]" {
				t.Errorf("result =\n%s\nwant\n[%s]", got, tc.want)
			}
		})
	}
}

// tgbotapi reads pushed updates, commands included.
func TestPushedUpdatesDecode(t *testing.T) {
	srv := newServer(t, telegramapi.Options{})
	addChats(srv, userChat, groupChat)
	srv.PushMessage(userChat.ID, ann, "/subscribe@crier_fake_bot https://e.com/feed")
	srv.PushMessage(groupChat.ID, bob, "no command here")

	ups, err := newBot(t, srv).GetUpdates(tgbotapi.NewUpdate(0))
	if err != nil || len(ups) != 2 {
		t.Fatalf("GetUpdates = %+v, %v", ups, err)
	}
	m := ups[0].Message
	if ups[0].UpdateID != firstUpdate || m == nil || !m.IsCommand() || m.Command() != "subscribe" ||
		m.CommandArguments() != "https://e.com/feed" || m.From.LanguageCode != "en" || !m.Chat.IsPrivate() {
		t.Errorf("first update = %+v, message %+v", ups[0], m)
	}
	if m := ups[1].Message; ups[1].UpdateID != firstUpdate+1 || m.IsCommand() || m.From.ID != bob.ID || !m.Chat.IsGroup() {
		t.Errorf("second update = %+v, message %+v", ups[1], m)
	}
}

// Update ids count up by one across chats; message ids count per chat and
// go on from the bot's own messages.
func TestPushNumbering(t *testing.T) {
	srv := newServer(t, telegramapi.Options{Limits: telegramapi.Limits{Disabled: true}})
	addChats(srv, userChat, channelChat)
	bot := newBot(t, srv)
	pushes := []struct {
		push      func() int
		chatID    int64
		messageID int
	}{
		{func() int { return srv.PushMessage(userChat.ID, ann, "a") }, userChat.ID, 1},
		{func() int { return srv.PushChannelPost(channelChat.ID, "b") }, channelChat.ID, 1},
		{func() int { return srv.PushMessage(userChat.ID, ann, "c") }, userChat.ID, 3}, // the bot sent 2
	}
	for i, p := range pushes {
		if i == 2 {
			sent, err := bot.Send(htmlMessage(userChat.ID, "reply"))
			if err != nil || sent.MessageID != 2 {
				t.Fatalf("Send between pushes: id %d, %v; want 2", sent.MessageID, err)
			}
		}
		if id := p.push(); id != firstUpdate+i {
			t.Errorf("push %d: update_id %d, want %d", i, id, firstUpdate+i)
		}
	}
	ups, err := bot.GetUpdates(tgbotapi.NewUpdate(0))
	if err != nil || len(ups) != len(pushes) {
		t.Fatalf("GetUpdates = %d updates, %v", len(ups), err)
	}
	for i, u := range ups {
		m := u.Message
		if m == nil {
			m = u.ChannelPost
		}
		if m.Chat.ID != pushes[i].chatID || m.MessageID != pushes[i].messageID {
			t.Errorf("update %d: chat %d message %d, want chat %d message %d",
				i, m.Chat.ID, m.MessageID, pushes[i].chatID, pushes[i].messageID)
		}
	}
	if n := len(srv.Messages(userChat.ID)); n != 1 {
		t.Errorf("Messages = %d, want only the bot's own", n)
	}
}

func TestBotCommandEntities(t *testing.T) {
	long := "/" + strings.Repeat("a", 65)
	tests := []struct {
		text string
		want [][2]int // offset, length
	}{
		{"/start", [][2]int{{0, 6}}},
		{"/start@crier_fake_bot go", [][2]int{{0, 21}}},
		{"/Start_2 x", [][2]int{{0, 8}}},
		{"hi /help and /stop", [][2]int{{3, 5}, {13, 5}}},
		{"😀 /x", [][2]int{{3, 2}}}, // the emoji is two UTF-16 units
		{"/start-now", [][2]int{{0, 6}}},
		{"(/start)", [][2]int{{1, 6}}},
		{"just text", nil},
		{"/", nil},
		{"a/b", nil},
		{"/startя", nil},
		{"/start/x", nil},
		{"/ab@cd", nil}, // a bot username has at least three characters
		{"<b>/x</b>", nil},
		{long, nil}, // 65 characters are too many for a command
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			srv := newServer(t, telegramapi.Options{})
			addChats(srv, userChat)
			srv.PushMessage(userChat.ID, ann, tc.text)
			ups, err := newBot(t, srv).GetUpdates(tgbotapi.NewUpdate(0))
			if err != nil || len(ups) != 1 {
				t.Fatalf("GetUpdates = %+v, %v", ups, err)
			}
			var got [][2]int
			for _, e := range ups[0].Message.Entities {
				if e.Type != "bot_command" {
					t.Errorf("entity %+v", e)
				}
				got = append(got, [2]int{e.Offset, e.Length})
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("bot_command entities = %v, want %v", got, tc.want)
			}
		})
	}
}

// Pushes that no Telegram chat could produce are mistakes in the test.
func TestPushMistakesPanic(t *testing.T) {
	tests := []struct {
		name string
		push func(*telegramapi.Server)
	}{
		{"unknown chat", func(srv *telegramapi.Server) { srv.PushMessage(42, ann, "x") }},
		{"message in a channel", func(srv *telegramapi.Server) { srv.PushMessage(channelChat.ID, ann, "x") }},
		{"someone else's private chat", func(srv *telegramapi.Server) { srv.PushMessage(userChat.ID, bob, "x") }},
		{"empty text", func(srv *telegramapi.Server) { srv.PushMessage(userChat.ID, ann, "") }},
		{"channel post in a group", func(srv *telegramapi.Server) { srv.PushChannelPost(groupChat.ID, "x") }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv := newServer(t, telegramapi.Options{})
			addChats(srv, userChat, channelChat, groupChat)
			defer func() {
				if recover() == nil {
					t.Error("no panic")
				}
				if n := srv.PendingUpdates(); n != 0 { // and the server is still usable
					t.Errorf("%d updates queued", n)
				}
			}()
			tc.push(srv)
		})
	}
}
