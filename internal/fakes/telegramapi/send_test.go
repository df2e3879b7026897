package telegramapi_test

import (
	"reflect"
	"strings"
	"testing"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/crierhq/crier/internal/fakes/telegramapi"
	"github.com/crierhq/crier/publishers/telegram/tghtml"
)

func TestSendMessageRecordsMessage(t *testing.T) {
	srv := newServer(t, telegramapi.Options{})
	addChats(srv, channelChat)
	bot := newBot(t, srv)

	html := ` <b>Big</b> news &amp; <a href="https://example.com/a">more</a>` + "\n"
	got, err := bot.Send(htmlMessage(channelChat.ID, html))
	if err != nil {
		t.Fatalf("Send: %v", err)
	}
	if got.MessageID != 1 || got.Chat.ID != channelChat.ID || got.Chat.Type != "channel" || got.Date == 0 {
		t.Errorf("message = %+v, chat %+v", got, got.Chat)
	}
	if got.SenderChat == nil || got.From != nil {
		t.Errorf("channel post: sender_chat %+v, from %+v; want the channel as sender", got.SenderChat, got.From)
	}
	if got.Text != "Big news & more" {
		t.Errorf("text = %q", got.Text)
	}
	wantEntities := []tgbotapi.MessageEntity{
		{Type: "bold", Offset: 0, Length: 3},
		{Type: "text_link", Offset: 11, Length: 4, URL: "https://example.com/a"},
	}
	if !reflect.DeepEqual(got.Entities, wantEntities) {
		t.Errorf("entities = %+v, want %+v", got.Entities, wantEntities)
	}

	second, err := bot.Send(htmlMessage(channelChat.ID, "again"))
	if err != nil || second.MessageID != 2 {
		t.Fatalf("second Send: id %d, %v; want id 2", second.MessageID, err)
	}

	msgs := srv.Messages(channelChat.ID)
	if len(msgs) != 2 {
		t.Fatalf("Messages = %d, want 2", len(msgs))
	}
	m := msgs[0]
	if m.MessageID != 1 || m.Text != "Big news & more" || m.RawText != html || m.ParseMode != "HTML" ||
		m.Method != "sendMessage" || len(m.Entities) != 2 || m.Entities[1].Type != tghtml.TextLink {
		t.Errorf("recorded message = %+v", m)
	}
}

func TestSendMessageOptions(t *testing.T) {
	srv := newServer(t, telegramapi.Options{})
	addChats(srv, userChat)
	bot := newBot(t, srv)

	msg := htmlMessage(userChat.ID, "pick")
	msg.DisableWebPagePreview = true
	msg.ReplyMarkup = tgbotapi.NewInlineKeyboardMarkup(
		tgbotapi.NewInlineKeyboardRow(tgbotapi.NewInlineKeyboardButtonData("ok", "ok")))
	got, err := bot.Send(msg)
	if err != nil {
		t.Fatalf("Send: %v", err)
	}
	if got.From == nil || !got.From.IsBot || got.ReplyMarkup == nil {
		t.Errorf("message from %+v, reply markup %+v", got.From, got.ReplyMarkup)
	}
	m := srv.Messages(userChat.ID)[0]
	if !m.DisableWebPagePreview || !strings.Contains(m.ReplyMarkup, "inline_keyboard") {
		t.Errorf("recorded message = %+v", m)
	}
}

func TestSendMessageErrors(t *testing.T) {
	blocked := userChat
	blocked.BotBlocked = true
	stranger := userChat
	stranger.BotNotMember = true
	leftChannel := channelChat
	leftChannel.BotNotMember = true
	upgraded := groupChat
	upgraded.MigrateToChatID = -1009876543210

	tests := []struct {
		name      string
		chat      telegramapi.Chat
		msg       tgbotapi.MessageConfig
		code      int
		desc      string
		migrateTo int64
	}{
		{"unknown chat", userChat, htmlMessage(42, "hi"), 400, "Bad Request: chat not found", 0},
		{"unknown channel username", channelChat, tgbotapi.NewMessageToChannel("@nobody", "hi"),
			400, "Bad Request: chat not found", 0},
		{"private chat by username", userChat, tgbotapi.NewMessageToChannel("@ann", "hi"),
			400, "Bad Request: chat not found", 0},
		{"empty text", userChat, htmlMessage(userChat.ID, ""), 400, "Bad Request: message text is empty", 0},
		{"empty after parsing", userChat, htmlMessage(userChat.ID, "<b> </b>\n"), 400, "Bad Request: message text is empty", 0},
		{"invisible only", userChat, htmlMessage(userChat.ID, "\u200b"), 400, "Bad Request: message text is empty", 0},
		{"bad HTML", userChat, htmlMessage(userChat.ID, "🏟 🏟&lt;<abac aba>"), 400,
			`Bad Request: can't parse entities: Unsupported start tag "abac" at byte offset 13`, 0},
		{"unclosed tag", userChat, htmlMessage(userChat.ID, "<b>x"), 400,
			`Bad Request: can't parse entities: Can't find end tag corresponding to start tag "b"`, 0},
		{"invalid UTF-8", userChat, htmlMessage(userChat.ID, "a\xffb"), 400,
			"Bad Request: text must be encoded in UTF-8", 0},
		{"unsupported parse_mode", userChat, withParseMode(userChat.ID, "hi", "XML"), 400,
			"Bad Request: unsupported parse_mode", 0},
		{"too long", userChat, htmlMessage(userChat.ID, "<b>"+strings.Repeat("я", 4097)+"</b>"), 400,
			"Bad Request: message is too long", 0},
		{"blocked by user", blocked, htmlMessage(userChat.ID, "hi"), 403, "Forbidden: bot was blocked by the user", 0},
		{"user never started bot", stranger, htmlMessage(userChat.ID, "hi"), 403,
			"Forbidden: bot can't initiate conversation with a user", 0},
		{"not in channel", leftChannel, tgbotapi.NewMessageToChannel("@crier_news", "hi"), 403,
			"Forbidden: bot is not a member of the channel chat", 0},
		{"group upgraded", upgraded, htmlMessage(groupChat.ID, "hi"), 400,
			"Bad Request: group chat was upgraded to a supergroup chat", -1009876543210},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv := newServer(t, telegramapi.Options{})
			srv.AddChat(tc.chat)
			_, err := newBot(t, srv).Send(tc.msg)
			apiErr := asAPIError(t, err)
			if apiErr.Code != tc.code || apiErr.Message != tc.desc || apiErr.MigrateToChatID != tc.migrateTo {
				t.Errorf("error = %d %q (migrate %d), want %d %q (migrate %d)",
					apiErr.Code, apiErr.Message, apiErr.MigrateToChatID, tc.code, tc.desc, tc.migrateTo)
			}
			if n := len(srv.Messages(tc.chat.ID)); n != 0 {
				t.Errorf("%d messages recorded for a refused send", n)
			}
		})
	}
}

func withParseMode(chatID int64, text, mode string) tgbotapi.MessageConfig {
	m := tgbotapi.NewMessage(chatID, text)
	m.ParseMode = mode
	return m
}

func TestSendMessageLimitCountsVisibleText(t *testing.T) {
	srv := newServer(t, telegramapi.Options{})
	addChats(srv, userChat)
	bot := newBot(t, srv)
	// 4096 characters once tags, references and surrounding space are gone.
	text := " <b>" + strings.Repeat("&amp;", 4000) + "</b>" + strings.Repeat("😀", 96) + " \n"
	if _, err := bot.Send(htmlMessage(userChat.ID, text)); err != nil {
		t.Fatalf("Send at the limit: %v", err)
	}
}

func TestPlainTextAndParseModeCase(t *testing.T) {
	srv := newServer(t, telegramapi.Options{})
	addChats(srv, userChat)
	bot := newBot(t, srv)

	got, err := bot.Send(tgbotapi.NewMessage(userChat.ID, "  <b>not bold</b> \r\n"))
	if err != nil || got.Text != "<b>not bold</b>" || len(got.Entities) != 0 {
		t.Fatalf("plain Send = %q %+v, %v", got.Text, got.Entities, err)
	}
	got, err = bot.Send(withParseMode(userChat.ID, "<i>x</i>", "html"))
	if err != nil || len(got.Entities) != 1 || got.Entities[0].Type != "italic" {
		t.Fatalf("lower-case html Send = %+v, %v", got.Entities, err)
	}
}
