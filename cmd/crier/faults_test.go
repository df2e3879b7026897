package main

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/crierhq/crier/internal/fakes/mastodonapi"
	"github.com/crierhq/crier/internal/fakes/telegramapi"
	"github.com/crierhq/crier/internal/store/storetest"
)

// TestEveryFaultStillDeliversEachItemOncePerLiveTarget throws every fault
// the platforms produce at one run: 429 with retry_after, 500, a non-JSON
// 502, a request that never answers, a dropped connection, a status created
// but its answer lost, a group upgraded to a supergroup, a user who blocked
// the bot and a chat that does not exist. Every item reaches every live
// target exactly once and in order; the dead targets are paused with their
// posts kept, and the admins told.
func TestEveryFaultStillDeliversEachItemOncePerLiveTarget(t *testing.T) {
	w := newWorld(t, mastodonapi.Options{})
	w.tg.AddChat(telegramapi.Chat{ID: 42, Type: telegramapi.Private, Title: "Admin"})
	w.tg.AddChat(telegramapi.Chat{ID: -4001, Type: telegramapi.Group, Title: "Old group", MigrateToChatID: -1004001})
	w.tg.AddChat(telegramapi.Chat{ID: -1004001, Type: telegramapi.Supergroup, Title: "New group"})
	w.tg.AddChat(telegramapi.Chat{ID: 77, Type: telegramapi.Private, Title: "Reader", BotBlocked: true})
	w.writeConfig(`  - id: group
    publisher: telegram
    chat: "-4001"
  - id: reader
    publisher: telegram
    chat: "77"
  - id: ghost
    publisher: telegram
    chat: "@nobody_here"
`)
	cfg := strings.Replace(mustRead(t, w.config), "timezone: Europe/Istanbul", "timezone: Europe/Istanbul\ndelivery: {timeout: 1s}", 1)
	if err := os.WriteFile(w.config, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	clock := storetest.NewClock()
	m := w.open(clock.Now, nil)
	ctx := context.Background()
	w.publish(story(1))
	m.Once(ctx) // the first poll marks the feed's items seen

	for _, f := range []telegramapi.Fault{
		{Status: 429, Body: `{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 2","parameters":{"retry_after":2}}`},
		{Status: 500},
		{Status: 502, ContentType: "text/html", Body: "<html><body><h1>502 Bad Gateway</h1></body></html>"},
		{Hang: true},
	} {
		w.tg.FailNext("sendMessage", f)
	}
	for _, f := range []mastodonapi.Fault{
		{Status: 500},
		{Status: 502, ContentType: "text/html", Body: "<html>502 Bad Gateway</html>", AfterCommit: true},
		{Hang: true},
		{Drop: true},
		{Status: 429},
	} {
		w.masto.FailNext("/api/v1/statuses", f)
	}
	const first, last = 2, 6
	for i := first; i <= last; i++ {
		w.publish(story(i))
	}
	live := func() bool {
		return len(w.tg.Messages(channelID)) >= last-first+1 && len(w.tg.Messages(-1004001)) >= last-first+1 &&
			len(w.masto.Statuses()) >= last-first+1
	}
	for round := 0; round < 30 && !live(); round++ {
		m.Once(ctx)
		clock.Advance(10 * time.Minute) // past any backoff
	}

	check := func(name string, texts []string) {
		t.Helper()
		if len(texts) != last-first+1 {
			t.Errorf("%s got %d posts, want %d: %q", name, len(texts), last-first+1, texts)
			return
		}
		for i, text := range texts {
			if want := fmt.Sprintf("Story %d", first+i); !strings.HasPrefix(text, want) {
				t.Errorf("%s post %d is %q, want %q (each once, in order)", name, i, firstLine(text), want)
			}
		}
	}
	var channel, group, masto []string
	for _, msg := range w.tg.Messages(channelID) {
		channel = append(channel, msg.Text)
	}
	for _, msg := range w.tg.Messages(-1004001) {
		group = append(group, msg.Text)
	}
	for _, st := range w.masto.Statuses() {
		masto = append(masto, st.Text)
	}
	check("the channel", channel)
	check("the migrated group", group)
	check("mastodon", masto)
	if n := len(w.tg.Messages(77)) + len(w.tg.Messages(-4001)); n != 0 {
		t.Errorf("%d posts reached a blocked user or the old group", n)
	}
	var out strings.Builder
	if err := m.Status(ctx, &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"reader: 5 pending, 0 sent, 0 failed, 0 skipped as duplicates; PAUSED since ",
		"bot was blocked by the user",
		"ghost: 5 pending, 0 sent, 0 failed, 0 skipped as duplicates; PAUSED since ",
		"chat not found",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("status lacks %q:\n%s", want, out.String())
		}
	}
	// Every fault was met, not left queued.
	seen := map[int]bool{}
	for _, r := range w.tg.Requests() {
		seen[r.Status] = true
	}
	for _, code := range []int{429, 500, 502, 0, 400, 403} {
		if !seen[code] {
			t.Errorf("telegram never answered %d: the fault was not exercised", code)
		}
	}
	seen = map[int]bool{}
	for _, r := range w.masto.Requests() {
		seen[r.Status] = true
	}
	for _, code := range []int{429, 500, 502, 0} {
		if !seen[code] {
			t.Errorf("mastodon never answered %d: the fault was not exercised", code)
		}
	}
	var notices []string
	for _, msg := range w.tg.Messages(42) {
		notices = append(notices, firstLine(msg.Text))
	}
	if len(notices) != 3 { // reader paused, ghost paused, group moved
		t.Errorf("admins told %d things, want 3: %q", len(notices), notices)
	}
}

func firstLine(s string) string { return strings.SplitN(s, "\n", 2)[0] }

// postedTitles counts the posts on Mastodon and on the Telegram channel by
// their first line (the title).
func (w *world) postedTitles() (masto, tg map[string]int) {
	masto, tg = map[string]int{}, map[string]int{}
	for _, st := range w.masto.Statuses() {
		masto[firstLine(st.Text)]++
	}
	for _, m := range w.tg.Messages(channelID) {
		tg[firstLine(m.Text)]++
	}
	return masto, tg
}
