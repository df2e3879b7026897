package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/crierhq/crier/internal/fakes/feedserver"
	"github.com/crierhq/crier/internal/fakes/mastodonapi"
	"github.com/crierhq/crier/internal/fakes/telegramapi"
)

// runCrier starts `crier run` on the world's config and returns a stop
// function that waits for a clean exit.
func (w *world) runCrier(t *testing.T, stderr *syncBuffer) func() {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() { done <- run(ctx, []string{"run", "--config", w.config}, &syncBuffer{}, stderr, w.env) }()
	return func() {
		cancel()
		select {
		case code := <-done:
			if code != 0 {
				t.Fatalf("run exit %d:\n%s", code, stderr.String())
			}
		case <-time.After(15 * time.Second):
			t.Fatal("run did not stop")
		}
	}
}

func repliesTo(w *world, chat int64) []string {
	var out []string
	for _, m := range w.tg.Messages(chat) {
		out = append(out, m.Text)
	}
	return out
}

func TestBotAnswersAdminsRefusesOthersAndNeverRerunsACommand(t *testing.T) {
	w := newWorld(t, mastodonapi.Options{})
	admin := telegramapi.User{ID: 42, FirstName: "Admin", Username: "the_admin", LanguageCode: "en"}
	stranger := telegramapi.User{ID: 7, FirstName: "Stranger", LanguageCode: "tr"}
	w.tg.AddChat(telegramapi.Chat{ID: 42, Type: telegramapi.Private, Title: "Admin"})
	w.tg.AddChat(telegramapi.Chat{ID: 7, Type: telegramapi.Private, Title: "Stranger"})
	w.tg.AddChat(telegramapi.Chat{ID: -100500, Type: telegramapi.Supergroup, Title: "Readers"})
	var logs syncBuffer
	stop := w.runCrier(t, &logs)

	waitFor(t, "the bot polling", w.tg.Polling)
	if cmds := w.tg.Commands(""); len(cmds) == 0 || cmds[0].Command != "start" {
		t.Errorf("menu %+v", cmds)
	}
	if cmds := w.tg.Commands("tr"); len(cmds) == 0 || !strings.Contains(cmds[0].Description, "Bu bot") {
		t.Errorf("turkish menu %+v", cmds)
	}
	w.tg.PushMessage(42, admin, "/status")
	waitFor(t, "the admin's status", func() bool { return len(repliesTo(w, 42)) == 1 })
	if got := repliesTo(w, 42)[0]; !strings.Contains(got, "crier ") || !strings.Contains(got, "asbarez: last poll") {
		t.Errorf("status reply:\n%s", got)
	}
	w.tg.PushMessage(7, stranger, "/pause channel")
	waitFor(t, "the stranger's refusal", func() bool { return len(repliesTo(w, 7)) == 1 })
	if got := repliesTo(w, 7)[0]; !strings.Contains(got, "yalnızca bu botun yöneticileri") {
		t.Errorf("refusal (in the stranger's Turkish): %s", got)
	}
	if !strings.Contains(logs.String(), "admin command refused") || !strings.Contains(logs.String(), "user=7") {
		t.Errorf("the refusal is not logged with the user id:\n%s", logs.String())
	}
	// In a group, a command for another bot is not ours.
	w.tg.PushMessage(-100500, admin, "/status@some_other_bot")
	w.tg.PushMessage(-100500, admin, "/help@crier_test_bot")
	waitFor(t, "the group's help", func() bool { return len(repliesTo(w, -100500)) == 1 })
	stop()

	// A restart asks from the stored offset: nothing is answered twice.
	stop = w.runCrier(t, &logs)
	waitFor(t, "the bot polling again", w.tg.Polling)
	w.tg.PushMessage(42, admin, "/targets")
	waitFor(t, "the admin's targets", func() bool { return len(repliesTo(w, 42)) == 2 })
	stop()
	if n := len(repliesTo(w, 7)); n != 1 {
		t.Errorf("the stranger got %d replies after a restart, want 1", n)
	}
	if n := len(repliesTo(w, -100500)); n != 1 {
		t.Errorf("the group got %d replies, want 1", n)
	}
	if got := repliesTo(w, 42)[1]; !strings.Contains(got, "channel (telegram)") {
		t.Errorf("targets reply: %s", got)
	}
	assertNoSecrets(t, logs.String())
}

func TestBotIntakeObeysRetryAfterAndNamesAConflict(t *testing.T) {
	w := newWorld(t, mastodonapi.Options{})
	w.tg.AddChat(telegramapi.Chat{ID: 42, Type: telegramapi.Private, Title: "Admin"})
	w.tg.FailNext("getUpdates", telegramapi.Fault{Status: 409,
		Body: `{"ok":false,"error_code":409,"description":"Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"}`})
	w.tg.FailNext("getUpdates", telegramapi.Fault{Status: 429,
		Body: `{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 2","parameters":{"retry_after":2}}`})
	var logs syncBuffer
	start := time.Now()
	stop := w.runCrier(t, &logs)
	defer stop()
	w.tg.PushMessage(42, telegramapi.User{ID: 42, FirstName: "Admin"}, "/stats")
	waitFor(t, "a reply after the faults", func() bool { return len(repliesTo(w, 42)) == 1 })
	for _, want := range []string{"another instance is polling this token", "Telegram asked to wait", "retry_after=2s"} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("log lacks %q:\n%s", want, logs.String())
		}
	}
	// A second of backoff after the 409, then the 2 s Telegram asked for.
	if took := time.Since(start); took < 3*time.Second {
		t.Errorf("answered %v after start: the waits were not kept", took)
	}
}

// TestSubscriberGetsTheNextArticleAndBlockingPausesOnlyThem: a reader
// subscribes in a private chat and receives the source's next article
// through the outbox; when they block the bot their subscription is paused,
// not deleted, and nobody else is affected; when they come back, the kept
// post arrives.
func TestSubscriberGetsTheNextArticleAndBlockingPausesOnlyThem(t *testing.T) {
	w := newWorld(t, mastodonapi.Options{})
	admin := telegramapi.User{ID: 42, FirstName: "Admin"}
	reader := telegramapi.User{ID: 7, FirstName: "Reader", LanguageCode: "en"}
	w.tg.AddChat(telegramapi.Chat{ID: 42, Type: telegramapi.Private, Title: "Admin"})
	w.tg.AddChat(telegramapi.Chat{ID: 7, Type: telegramapi.Private, Title: "Reader"})
	w.publish(story(1))
	w.crier("once", "--config", w.config) // the feed's current items are seen
	var logs syncBuffer
	stop := w.runCrier(t, &logs)
	defer stop()
	waitFor(t, "the bot polling", w.tg.Polling)

	w.tg.PushMessage(7, reader, "/subscribe asbarez")
	waitFor(t, "the subscription's answer", func() bool { return len(repliesTo(w, 7)) == 1 })
	w.publish(story(2))
	w.tg.PushMessage(42, admin, "/check asbarez")
	waitFor(t, "story 2 in the reader's chat", func() bool { return len(repliesTo(w, 7)) == 2 })
	if got := repliesTo(w, 7)[1]; !strings.HasPrefix(got, "Story 2") {
		t.Fatalf("the reader got %q", got)
	}

	w.tg.UpdateChat(7, func(c *telegramapi.Chat) { c.BotBlocked = true })
	w.publish(story(3))
	w.tg.PushMessage(42, admin, "/check asbarez")
	waitFor(t, "story 3 on the channel", func() bool { return len(w.tg.Messages(channelID)) == 2 })
	waitFor(t, "the reader's chat paused", func() bool {
		return strings.Contains(logs.String(), "target paused") && strings.Contains(logs.String(), "bot was blocked by the user")
	})
	if n := len(repliesTo(w, 7)); n != 2 {
		t.Fatalf("a blocked reader got %d messages", n)
	}
	// The reader unblocks the bot and writes to it: the kept post arrives.
	w.tg.UpdateChat(7, func(c *telegramapi.Chat) { c.BotBlocked = false })
	w.tg.PushMessage(7, reader, "/mysubs")
	waitFor(t, "the kept story 3", func() bool {
		for _, text := range repliesTo(w, 7) {
			if strings.HasPrefix(text, "Story 3") {
				return true
			}
		}
		return false
	})
	waitFor(t, "the answer to /mysubs", func() bool {
		return strings.Contains(strings.Join(repliesTo(w, 7), "\n"), "You follow")
	})
	if got := strings.Join(repliesTo(w, 7), "\n"); !strings.Contains(got, "• asbarez") {
		t.Errorf("the subscription was deleted, not paused:\n%s", got)
	}
}

func wireStory(n int) feedserver.Item {
	it := story(n)
	it.GUID, it.Title, it.Link = fmt.Sprintf("https://wire.example/%d", n), fmt.Sprintf("Wire %d", n), fmt.Sprintf("https://wire.example/%d", n)
	return it
}

// TestAddedSourceAndPostedArticleReachTheChannel: an admin adds a source by
// a web page's address (its feed is discovered), and its next article is
// posted to the channel; an admin posts one article page by URL; a restart
// keeps the added source; /remove takes it out of the schedule.
func TestAddedSourceAndPostedArticleReachTheChannel(t *testing.T) {
	w := newWorld(t, mastodonapi.Options{})
	w.writeConfig("fetch: {allow_private_pages: true} # the feeds and pages are on the test's loopback server\n")
	admin := telegramapi.User{ID: 42, FirstName: "Admin"}
	w.tg.AddChat(telegramapi.Chat{ID: 42, Type: telegramapi.Private, Title: "Admin"})
	w.publish(story(1))
	w.feeds.SetItems("/wire.xml", "Daily Wire", []feedserver.Item{wireStory(1)})
	w.feeds.SetRaw("/wire", "text/html", `<html><head><title>Daily Wire</title>
		<link rel="alternate" type="application/rss+xml" title="RSS" href="/wire.xml"></head><body>News.</body></html>`)
	page, err := os.ReadFile("../../internal/pipeline/testdata/golden/en/diplomacy-teaser-page.txt")
	if err != nil {
		t.Fatal(err)
	}
	_, html, _ := strings.Cut(string(page), "-- page --\n")
	html, _, _ = strings.Cut(html, "\n-- ")
	w.feeds.SetRaw("/article", "text/html; charset=utf-8", html)
	w.crier("once", "--config", w.config) // the configured feed's items are seen

	var logs syncBuffer
	stop := w.runCrier(t, &logs)
	waitFor(t, "the bot polling", w.tg.Polling)
	say := func(text string, want string) {
		t.Helper()
		n := len(repliesTo(w, 42))
		w.tg.PushMessage(42, admin, text)
		deadline := time.Now().Add(10 * time.Second)
		for len(repliesTo(w, 42)) <= n {
			if time.Now().After(deadline) {
				t.Fatalf("no answer to %s:\n%s", text, logs.String())
			}
			time.Sleep(10 * time.Millisecond)
		}
		if got := repliesTo(w, 42)[n]; !strings.Contains(got, want) {
			t.Fatalf("%s: %q, want %q", text, got, want)
		}
	}
	say("/add "+w.feeds.URL("/wire"), "Added daily-wire — Daily Wire")
	// Polled at once: its current item is seen, not posted.
	// Wait for the poll's record, not its request: a new item published
	// while the first poll is in flight would be seen by it.
	waitFor(t, "the added source's first poll", func() bool {
		return strings.Contains(logs.String(), "msg=polled source=daily-wire")
	})
	say("/add "+w.feeds.URL("/wire.xml"), "already followed as daily-wire")
	w.feeds.SetItems("/wire.xml", "Daily Wire", []feedserver.Item{wireStory(2), wireStory(1)})
	say("/check daily-wire", "1 new item(s)")
	waitFor(t, "Wire 2 on the channel", func() bool { return hasPrefix(w.tg.Messages(channelID), "Wire 2") })
	if hasPrefix(w.tg.Messages(channelID), "Wire 1") {
		t.Error("the added source's existing item was posted")
	}

	say("/post "+w.feeds.URL("/article"), "Queued “Armenia and Azerbaijan agree to open first border crossing”: 3 delivery(ies)")
	waitFor(t, "the posted article on the channel", func() bool {
		return hasPrefix(w.tg.Messages(channelID), "Armenia and Azerbaijan agree")
	})
	for _, m := range w.tg.Messages(channelID) {
		if strings.HasPrefix(m.Text, "Armenia") && (!strings.Contains(m.Text, "The foreign ministers of Armenia") || !strings.Contains(m.RawText, ">Regional Monitor</a>")) {
			t.Errorf("posted article:\n%s", m.Text)
		}
	}
	say("/post "+w.feeds.URL("/article"), "was posted before")
	stop()

	// A restart: the added source is still there, and can be removed.
	stop = w.runCrier(t, &logs)
	defer stop()
	waitFor(t, "the bot polling again", w.tg.Polling)
	say("/sources", "daily-wire — Daily Wire")
	say("/remove asbarez", "comes from the config file")
	say("/remove daily-wire", "Removed daily-wire")
	say("/check daily-wire", "no source or target called daily-wire")
	say("/status", "asbarez: last poll")
	if got := repliesTo(w, 42); strings.Contains(got[len(got)-1], "daily-wire") {
		t.Errorf("status after removal:\n%s", got[len(got)-1])
	}
	if n := len(w.masto.Statuses()); n != 2 {
		t.Errorf("mastodon got %d statuses, want 2 (Wire 2, the posted article)", n)
	}
	assertNoSecrets(t, logs.String())
}

func hasPrefix(msgs []telegramapi.Message, prefix string) bool {
	for _, m := range msgs {
		if strings.HasPrefix(m.Text, prefix) {
			return true
		}
	}
	return false
}

// freePort finds a loopback port to listen on.
func freePort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// TestWebhookMode: crier serves the webhook on its listener and sets it
// with a secret; Telegram's deliveries are answered; a request without the
// secret header is refused and changes nothing; switching back to polling
// deletes the webhook.
func TestWebhookMode(t *testing.T) {
	w := newWorld(t, mastodonapi.Options{})
	addr := freePort(t)
	hookURL := "http://" + addr + "/telegram/hook"
	const secret = "webhook-Secret_123"
	w.writeConfig(fmt.Sprintf("http: {listen: %q}\n", addr))
	cfg, _ := os.ReadFile(w.config)
	w.editConfig("  admins: [42]\n", fmt.Sprintf("  admins: [42]\n  updates: webhook\n  webhook: {url: %q, secret: %q}\n", hookURL, secret))
	admin := telegramapi.User{ID: 42, FirstName: "Admin"}
	w.tg.AddChat(telegramapi.Chat{ID: 42, Type: telegramapi.Private, Title: "Admin"})

	var logs syncBuffer
	stop := w.runCrier(t, &logs)
	waitFor(t, "the webhook set", func() bool { u, s := w.tg.Webhook(); return u == hookURL && s == secret })
	resp, err := http.Get("http://" + addr + "/healthz")
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("healthz: %v", err)
	}
	resp.Body.Close()

	w.tg.PushMessage(42, admin, "/pause channel")
	// Someone who is not Telegram posts the same kind of update.
	forged := `{"update_id": 999, "message": {"message_id": 1, "date": 1, "chat": {"id": 42, "type": "private"},
		"from": {"id": 42, "is_bot": false, "first_name": "Admin"}, "text": "/pause channel",
		"entities": [{"type": "bot_command", "offset": 0, "length": 6}]}}`
	for _, header := range []string{"", "wrong-secret"} {
		req, _ := http.NewRequest(http.MethodPost, hookURL, strings.NewReader(forged))
		if header != "" {
			req.Header.Set("X-Telegram-Bot-Api-Secret-Token", header)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil || resp.StatusCode != http.StatusUnauthorized {
			t.Fatalf("forged update with secret %q: %v %v", header, resp.StatusCode, err)
		}
		resp.Body.Close()
	}
	m := w.open(time.Now, nil)
	if states, _ := m.store.TargetStates(context.Background()); states["channel"].PausedReason != "" {
		t.Fatal("a forged update paused the channel")
	}
	if off, _ := m.store.BotOffset(context.Background()); off != 0 {
		t.Fatalf("a forged update moved the offset to %d", off)
	}
	if !strings.Contains(logs.String(), "webhook request refused") {
		t.Errorf("refusal not logged:\n%s", logs.String())
	}

	if err := w.tg.DeliverWebhook(context.Background()); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the answer to /pause", func() bool { return len(repliesTo(w, 42)) == 1 })
	if got := repliesTo(w, 42)[0]; !strings.Contains(got, "channel is paused") {
		t.Errorf("reply %q", got)
	}
	stop()
	if strings.Contains(logs.String(), secret) {
		t.Errorf("the webhook secret is in the log")
	}

	// Back to polling: the webhook is deleted and commands keep coming.
	os.WriteFile(w.config, cfg, 0o600)
	stop = w.runCrier(t, &logs)
	defer stop()
	waitFor(t, "polling again", w.tg.Polling)
	if u, _ := w.tg.Webhook(); u != "" {
		t.Errorf("webhook still set: %s", u)
	}
	w.tg.PushMessage(42, admin, "/resume channel")
	waitFor(t, "the answer to /resume", func() bool { return len(repliesTo(w, 42)) == 2 })
	assertNoSecrets(t, logs.String())
}

// TestSubscriptionButtons: /sources in a private chat shows a button per
// source; pressing it subscribes, answers the callback and turns the button
// into an unsubscribe button.
func TestSubscriptionButtons(t *testing.T) {
	w := newWorld(t, mastodonapi.Options{})
	reader := telegramapi.User{ID: 7, FirstName: "Reader", LanguageCode: "ru"}
	w.tg.AddChat(telegramapi.Chat{ID: 7, Type: telegramapi.Private, Title: "Reader"})
	var logs syncBuffer
	stop := w.runCrier(t, &logs)
	defer stop()
	waitFor(t, "the bot polling", w.tg.Polling)

	w.tg.PushMessage(7, reader, "/sources")
	waitFor(t, "the list of sources", func() bool { return len(w.tg.Messages(7)) == 1 })
	list := w.tg.Messages(7)[0]
	if b := list.Buttons(); len(b) != 1 || b[0][0].Text != "➕ Asbarez" || b[0][0].CallbackData != "s:asbarez" {
		t.Fatalf("buttons %+v", b)
	}
	w.tg.PushCallbackQuery(7, reader, list.MessageID, "s:asbarez")
	waitFor(t, "the callback answered", func() bool { return len(w.tg.CallbackAnswers()) == 1 })
	if a := w.tg.CallbackAnswers()[0]; !strings.Contains(a.Text, "asbarez") {
		t.Errorf("answer %+v", a)
	}
	waitFor(t, "the keyboard edited", func() bool {
		b := w.tg.Messages(7)[0].Buttons()
		return len(b) == 1 && b[0][0].CallbackData == "u:asbarez" && b[0][0].Text == "✅ Asbarez"
	})
	m := w.open(nil, nil)
	if subs, _ := m.store.Subscriptions(t.Context(), 7); len(subs) != 1 || subs[0] != "asbarez" {
		t.Errorf("subscriptions %v", subs)
	}
	// Unsubscribing by button.
	w.tg.PushCallbackQuery(7, reader, list.MessageID, "u:asbarez")
	waitFor(t, "the second answer", func() bool { return len(w.tg.CallbackAnswers()) == 2 })
	waitFor(t, "the keyboard back", func() bool { return w.tg.Messages(7)[0].Buttons()[0][0].CallbackData == "s:asbarez" })
	if subs, _ := m.store.Subscriptions(t.Context(), 7); len(subs) != 0 {
		t.Errorf("still subscribed: %v", subs)
	}
	if strings.Contains(logs.String(), "reply not sent") {
		t.Errorf("a reply failed:\n%s", logs.String())
	}
}
