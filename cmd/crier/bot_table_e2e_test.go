package main

import (
	"strings"
	"testing"
	"time"

	"github.com/crierhq/crier/internal/fakes/feedserver"
	"github.com/crierhq/crier/internal/fakes/mastodonapi"
	"github.com/crierhq/crier/internal/fakes/telegramapi"
)

// TestEveryCommandThroughTheFakeTelegram runs each command as Telegram
// delivers it (getUpdates from the fake, in a private chat, in a group with
// this bot's @name and another's, as a channel post) and checks the reply
// the fake received.
func TestEveryCommandThroughTheFakeTelegram(t *testing.T) {
	// Telegram's pace, ten times faster, on both sides: the test sends
	// some forty replies.
	w := newWorld(t, mastodonapi.Options{}, func(o *telegramapi.Options) {
		o.Limits = telegramapi.Limits{PerChatInterval: 100 * time.Millisecond, PerChatBurst: 3}
	})
	w.writeConfig("fetch: {allow_private_pages: true} # the feeds are on the test's loopback server\n")
	w.editConfig("  admins: [42]\n", "  admins: [42]\n  limits: {per_chat_interval: 100ms}\n")
	const groupID = int64(-100500)
	admin := telegramapi.User{ID: 42, FirstName: "Admin", LanguageCode: "en"}
	reader := telegramapi.User{ID: 7, FirstName: "Reader", LanguageCode: "en"}
	w.tg.AddChat(telegramapi.Chat{ID: 42, Type: telegramapi.Private, Title: "Admin"})
	w.tg.AddChat(telegramapi.Chat{ID: 7, Type: telegramapi.Private, Title: "Reader"})
	w.tg.AddChat(telegramapi.Chat{ID: groupID, Type: telegramapi.Supergroup, Title: "Readers"})
	w.publish(story(1))
	w.feeds.SetItems("/wire.xml", "Daily Wire", []feedserver.Item{wireStory(1)})
	var logs syncBuffer
	stop := w.runCrier(t, &logs)
	defer stop()
	waitFor(t, "the bot polling", w.tg.Polling)

	type step struct {
		chat int64
		from telegramapi.User
		text string
		want string // "" for no reply (checked with a sentinel command after it)
	}
	steps := []step{
		{7, reader, "/start", "@crier_test_bot"},
		{7, reader, "/help", "/subscribe SOURCE"},
		{7, reader, "/sources", "asbarez — Asbarez"},
		{7, reader, "/subscribe asbarez", "Subscribed to asbarez"},
		{7, reader, "/mysubs", "• asbarez"},
		{7, reader, "/unsubscribe asbarez", "Unsubscribed from asbarez"},
		{7, reader, "/language tr", "Türkçe"},
		{7, reader, "/help", "/sources —"},
		{7, reader, "/language en", "English"},
		{7, reader, "/frobnicate", "I don't know /frobnicate"},
		{7, reader, "hello there", ""},
		{7, reader, "/status", "is for the admins"},
		{7, reader, "/add https://example.com/feed", "is for the admins"},
		{groupID, reader, "/subscribe@crier_test_bot asbarez", "in a private chat"},
		{groupID, admin, "/status@other_bot", ""},
		{groupID, admin, "/frobnicate", ""},
		{groupID, admin, "/targets@crier_test_bot", "channel (telegram)"},
		{42, admin, "/help", "/add URL [NAME]"},
		{42, admin, "/status", "asbarez: last poll"},
		{42, admin, "/targets", "toots (mastodon)"},
		{42, admin, "/stats", "channel: 0 sent"},
		{42, admin, "/check asbarez", "Polled asbarez"},
		{42, admin, "/check", "Usage: /check SOURCE"},
		{42, admin, "/pause channel", "channel is paused"},
		{42, admin, "/resume channel", "channel is resumed"},
		{42, admin, "/pause nope", "no source or target called nope"},
		{42, admin, "/retry", "0 failed deliveries"},
		{42, admin, "/preview asbarez", "── channel (telegram"},
		{42, admin, "/preview file:///etc/passwd", "Usage: /preview"},
		{42, admin, "/add " + w.feeds.URL("/wire.xml"), "Added daily-wire"},
		{42, admin, "/add " + w.feeds.URL("/wire.xml"), "already followed as daily-wire"},
		{42, admin, "/add file:///etc/passwd", "not an http or https address"},
		{42, admin, "/remove daily-wire", "Removed daily-wire"},
		{42, admin, "/remove asbarez", "comes from the config file"},
		{42, admin, "/post file:///etc/passwd", "Usage: /post"},
		{42, admin, "/post " + w.feeds.URL("/missing"), "Could not post"},
	}
	sentinel := func() {
		t.Helper()
		n := len(repliesTo(w, 42))
		w.tg.PushMessage(42, admin, "/stats")
		waitFor(t, "the sentinel's reply", func() bool { return len(repliesTo(w, 42)) > n })
	}
	for _, s := range steps {
		before := map[int64]int{7: len(repliesTo(w, 7)), 42: len(repliesTo(w, 42)), groupID: len(repliesTo(w, groupID))}
		w.tg.PushMessage(s.chat, s.from, s.text)
		if s.want == "" {
			sentinel() // handled in order: by now the step was handled too
			if n := len(repliesTo(w, s.chat)) - before[s.chat]; (s.chat != 42 && n != 0) || (s.chat == 42 && n != 1) {
				t.Errorf("%q in %d got a reply", s.text, s.chat)
			}
			continue
		}
		waitFor(t, "the answer to "+s.text, func() bool { return len(repliesTo(w, s.chat)) > before[s.chat] })
		if got := repliesTo(w, s.chat)[before[s.chat]]; !strings.Contains(got, s.want) {
			t.Errorf("%q in %d: %q, want %q", s.text, s.chat, got, s.want)
		}
	}
	// A command posted in the channel: no reply there (its readers would
	// see it), and no change.
	posts := len(w.tg.Messages(channelID))
	w.tg.PushChannelPost(channelID, "/pause channel")
	sentinel()
	if len(w.tg.Messages(channelID)) != posts {
		t.Errorf("the bot wrote in the channel: %+v", w.tg.Messages(channelID)[posts:])
	}
	if !strings.Contains(logs.String(), "command in a channel ignored") {
		t.Errorf("channel post not logged")
	}
	if m := w.open(nil, nil); m != nil {
		if st, _ := m.store.TargetStates(t.Context()); st["channel"].PausedReason != "" {
			t.Error("a channel post paused the channel")
		}
	}
	assertNoSecrets(t, logs.String())
}
