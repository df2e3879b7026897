package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crierhq/crier/internal/fakes/mastodonapi"
	"github.com/crierhq/crier/internal/fakes/telegramapi"
	"github.com/crierhq/crier/internal/store/sqlite"
	"github.com/crierhq/crier/internal/store/storetest"
)

func TestRefusedTargetIsPausedKeptAndResumed(t *testing.T) {
	w := newWorld(t, mastodonapi.Options{})
	w.tg.AddChat(telegramapi.Chat{ID: 42, Type: telegramapi.Private, Title: "Admin"})
	w.tg.UpdateChat(channelID, func(c *telegramapi.Chat) { c.BotNotMember = true })
	w.publish(story(1))
	w.crier("once", "--config", w.config)
	w.publish(story(2))
	code, _, errOut := w.crier("once", "--config", w.config)
	if code == 0 || !strings.Contains(errOut, "channel: paused: telegram 403: Forbidden: bot is not a member of the channel chat") {
		t.Fatalf("exit %d, want non-zero with the pause and its reason:\n%s", code, errOut)
	}
	if len(w.masto.Statuses()) != 1 {
		t.Errorf("one target's refusal stopped another")
	}
	notices := w.tg.Messages(42)
	if len(notices) != 1 || !strings.Contains(notices[0].Text, "target channel is paused") || !strings.Contains(notices[0].Text, "crier resume channel") {
		t.Fatalf("admin notices %+v", notices)
	}
	// Paused: no retry loop, the post is kept.
	sends := len(w.tg.Requests())
	code, _, errOut = w.crier("once", "--config", w.config)
	if code == 0 || !strings.Contains(errOut, "sent 0, to retry 0, failed 0; 1 waiting") || len(w.tg.Requests()) != sends {
		t.Errorf("paused target retried: exit %d, %d requests more\n%s", code, len(w.tg.Requests())-sends, errOut)
	}
	_, out, _ := w.crier("status", "--config", w.config)
	if !strings.Contains(out, "channel: 1 pending, 0 sent, 0 failed, 0 skipped as duplicates; PAUSED since ") {
		t.Errorf("status:\n%s", out)
	}
	// The bot is added back; an admin resumes the target.
	w.tg.UpdateChat(channelID, func(c *telegramapi.Chat) { c.BotNotMember = false })
	if code, out, errOut := w.crier("resume", "--config", w.config, "channel"); code != 0 || out != "channel resumed\n" {
		t.Fatalf("resume: exit %d %q %s", code, out, errOut)
	}
	if code, _, errOut := w.crier("once", "--config", w.config); code != 0 || len(w.tg.Messages(channelID)) != 1 {
		t.Fatalf("after resume: exit %d, channel has %d\n%s", code, len(w.tg.Messages(channelID)), errOut)
	}
	if !strings.Contains(w.tg.Messages(channelID)[0].Text, "Story 2") {
		t.Errorf("the kept post: %q", w.tg.Messages(channelID)[0].Text)
	}
	if code, _, errOut := w.crier("resume", "--config", w.config, "nope"); code == 0 || !strings.Contains(errOut, `no source or target "nope"`) {
		t.Errorf("resume of an unknown target: exit %d %s", code, errOut)
	}
	assertNoSecrets(t, errOut)
}

func TestMigratedGroupIsFollowed(t *testing.T) {
	w := newWorld(t, mastodonapi.Options{})
	w.tg.AddChat(telegramapi.Chat{ID: -4001, Type: telegramapi.Group, Title: "Old group", MigrateToChatID: -1004001})
	w.tg.AddChat(telegramapi.Chat{ID: -1004001, Type: telegramapi.Supergroup, Title: "New group"})
	w.writeConfig("  - id: group\n    publisher: telegram\n    chat: \"-4001\"\n")
	w.publish(story(1))
	w.crier("once", "--config", w.config)
	w.publish(story(2))
	if code, _, errOut := w.crier("once", "--config", w.config); code != 0 {
		t.Fatalf("once: exit %d\n%s", code, errOut)
	}
	if n := len(w.tg.Messages(-1004001)); n != 1 {
		t.Fatalf("the supergroup got %d posts, want 1", n)
	}
	// The next post goes straight to the supergroup, across restarts.
	w.publish(story(3))
	before := len(w.tg.Requests())
	if code, _, errOut := w.crier("once", "--config", w.config); code != 0 {
		t.Fatalf("once: exit %d\n%s", code, errOut)
	}
	for _, r := range w.tg.Requests()[before:] {
		if r.Params["chat_id"] == "-4001" {
			t.Errorf("sent to the old group again: %+v", r)
		}
	}
	if n := len(w.tg.Messages(-1004001)); n != 2 {
		t.Errorf("the supergroup has %d posts, want 2", n)
	}
}

func TestTransientFailuresRetryWithoutDuplicates(t *testing.T) {
	w := newWorld(t, mastodonapi.Options{})
	clock := storetest.NewClock()
	m := w.open(clock.Now, nil)
	w.publish(story(1))
	if rep := m.Once(context.Background()); !rep.OK() {
		t.Fatal(rep)
	}
	// Telegram's proxy answers an HTML 502; Mastodon creates the status but
	// the answer is lost.
	w.tg.FailNext("sendMessage", telegramapi.Fault{Status: 502, ContentType: "text/html", Body: "<html>502 Bad Gateway</html>"})
	w.masto.FailNext("/api/v1/statuses", mastodonapi.Fault{Status: 502, AfterCommit: true})
	w.publish(story(2), story(3))
	rep := m.Once(context.Background())
	if rep.OK() || rep.Delivery.Retried != 2 || rep.Delivery.Sent != 2 /* console */ {
		t.Fatalf("report: %s", rep)
	}
	if len(w.tg.Messages(channelID)) != 0 {
		t.Fatal("story 3 overtook story 2 on telegram")
	}
	clock.Advance(time.Minute)
	if rep := m.Once(context.Background()); !rep.OK() || rep.Delivery.Sent != 4 {
		t.Fatalf("after backoff: %s", rep)
	}
	msgs := w.tg.Messages(channelID)
	if len(msgs) != 2 || !strings.HasPrefix(msgs[0].Text, "Story 2") || !strings.HasPrefix(msgs[1].Text, "Story 3") {
		t.Fatalf("telegram order: %+v", msgs)
	}
	st := w.masto.Statuses()
	if len(st) != 2 || !strings.HasPrefix(st[0].Text, "Story 2") || !strings.HasPrefix(st[1].Text, "Story 3") {
		t.Fatalf("mastodon got %d statuses (want 2, the retry replayed by Idempotency-Key): %+v", len(st), st)
	}
}

func TestValidateCommand(t *testing.T) {
	w := newWorld(t, mastodonapi.Options{})
	code, out, errOut := w.crier("validate", "--config", w.config, "--print")
	if code != 0 || !strings.Contains(out, "OK (1 sources, 3 targets)") || !strings.Contains(out, "[redacted]") {
		t.Fatalf("validate exit %d\n%s\n%s", code, out, errOut)
	}
	assertNoSecrets(t, out, errOut)

	bad := filepath.Join(w.dir, "bad.yaml")
	os.WriteFile(bad, []byte(`
telegram: {token: "${TEST_TG_TOKEN}"}
sources: [{id: a, url: "https://e.com/feed"}]
targets:
  - {id: c, publisher: telegram}
  - {id: m, publisher: mastodon, token: "${TEST_MASTO_TOKEN}", server: "not a url"}
  - {id: x, publisher: console, template: missing.tmpl}
`), 0o600)
	code, out, errOut = w.crier("validate", "--config", bad)
	if code == 0 {
		t.Fatalf("invalid config accepted:\n%s", out)
	}
	for _, want := range []string{"targets[0].chat: required", "targets[1].server: must be", "2 problem(s)"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("missing %q in:\n%s", want, errOut)
		}
	}
	assertNoSecrets(t, out, errOut)

	missingTmpl := filepath.Join(w.dir, "tmpl.yaml")
	os.WriteFile(missingTmpl, []byte(`
sources: [{id: a, url: "https://e.com/feed"}]
targets: [{id: x, publisher: console, template: missing.tmpl}]
`), 0o600)
	if code, _, errOut = w.crier("validate", "--config", missingTmpl); code == 0 || !strings.Contains(errOut, `targets[0].template: "missing.tmpl" not found`) {
		t.Errorf("missing template: exit %d\n%s", code, errOut)
	}
	// A template of the operator's own that predates hashtags would drop
	// them silently.
	os.MkdirAll(filepath.Join(w.dir, "tmpl"), 0o755)
	os.WriteFile(filepath.Join(w.dir, "tmpl", "old.txt.tmpl"), []byte("{{.Title}}\n{{.Link}}\n"), 0o600)
	noTags := filepath.Join(w.dir, "tags.yaml")
	os.WriteFile(noTags, []byte(`
templates: tmpl
sources: [{id: a, url: "https://e.com/feed"}]
targets: [{id: x, publisher: console, template: old.txt.tmpl, hashtags: {fixed: [News]}}]
`), 0o600)
	if code, _, errOut = w.crier("validate", "--config", noTags); code == 0 || !strings.Contains(errOut, "targets[0].hashtags: template old.txt.tmpl does not show .Hashtags") {
		t.Errorf("template without hashtags: exit %d\n%s", code, errOut)
	}
	if code, _, errOut = w.crier("validate", "--config", filepath.Join(w.dir, "nope.yaml")); code == 0 || !strings.Contains(errOut, "no such file") {
		t.Errorf("missing file: exit %d\n%s", code, errOut)
	}
}

func TestPreviewPostsAndRecordsNothing(t *testing.T) {
	w := newWorld(t, mastodonapi.Options{})
	w.publish(story(1), story(2))
	code, out, errOut := w.crier("preview", "--config", w.config, "--items", "2", "asbarez")
	if code != 0 {
		t.Fatalf("preview exit %d:\n%s", code, errOut)
	}
	for _, want := range []string{"── channel (telegram, telegram.html.tmpl)", "<b>Story 2</b>", "── toots (mastodon", "── stdout (console", "[Asbarez] Story 1"} {
		if !strings.Contains(out, want) {
			t.Errorf("preview lacks %q:\n%s", want, out)
		}
	}
	if strings.Index(out, "Story 2") > strings.Index(out, "Story 1") {
		t.Error("preview should show the newest first")
	}
	if len(w.tg.Messages(channelID)) != 0 || len(w.masto.Statuses()) != 0 {
		t.Error("preview posted")
	}
	if _, err := os.Stat(filepath.Join(w.dir, "data")); !os.IsNotExist(err) {
		t.Error("preview created the store")
	}
	// Any feed URL works too, shown to every target.
	code, out, _ = w.crier("preview", "--config", w.config, w.feeds.URL("/feed.xml"))
	if code != 0 || strings.Count(out, "── ") != 3 || strings.Count(out, "Story 2 opens here.") != 3 {
		t.Errorf("preview by URL exit %d:\n%s", code, out)
	}
	if code, _, errOut = w.crier("preview", "--config", w.config, "no-such-source"); code == 0 || !strings.Contains(errOut, "neither a source id") {
		t.Errorf("unknown source: exit %d %s", code, errOut)
	}
}

func TestUsageAndVersion(t *testing.T) {
	w := newWorld(t, mastodonapi.Options{})
	if code, out, _ := w.crier("version"); code != 0 || !strings.HasPrefix(out, "crier ") {
		t.Errorf("version: %d %q", code, out)
	}
	if code, _, errOut := w.crier("frobnicate"); code != 2 || !strings.Contains(errOut, `unknown command "frobnicate"`) {
		t.Errorf("unknown command: %d %q", code, errOut)
	}
	if code, _, _ := w.crier(); code != 2 {
		t.Errorf("no command: %d", code)
	}
	if code, _, _ := w.crier("once", "--no-such-flag"); code != 2 {
		t.Errorf("bad flag: %d", code)
	}
}

func TestNetworkErrorsNeverLogTheToken(t *testing.T) {
	w := newWorld(t, mastodonapi.Options{})
	w.publish(story(1))
	w.crier("once", "--config", w.config)
	w.publish(story(2))
	w.tg.Close() // Telegram unreachable: connection refused, with the token in the URL
	code, out, errOut := w.crier("once", "--config", w.config, "--log-level", "debug")
	if code == 0 || !strings.Contains(errOut, "to retry 1") || !strings.Contains(errOut, "bot<token>") {
		t.Fatalf("exit %d, want a retry reported with the token masked:\n%s", code, errOut)
	}
	assertNoSecrets(t, out, errOut)
	// The next pass, before the retry is due, still says a post is waiting.
	code, out, errOut = w.crier("once", "--config", w.config)
	if code == 0 || !strings.Contains(errOut, "1 waiting") {
		t.Fatalf("exit %d with a post still waiting:\n%s", code, errOut)
	}
	assertNoSecrets(t, out, errOut)
}

func TestRunPollsDeliversAndStopsGracefully(t *testing.T) {
	w := newWorld(t, mastodonapi.Options{})
	w.publish(story(1))
	// Backfill one item so the start-up poll has something to deliver.
	os.WriteFile(w.config, []byte(strings.Replace(mustRead(t, w.config), "language: en", "language: en\n    backfill: 1", 1)), 0o600)
	ctx, cancel := context.WithCancel(context.Background())
	var stdout, stderr syncBuffer
	done := make(chan int, 1)
	go func() { done <- run(ctx, []string{"run", "--config", w.config}, &stdout, &stderr, w.env) }()
	waitFor(t, "the first post on every target", func() bool {
		return len(w.tg.Messages(channelID)) == 1 && len(w.masto.Statuses()) == 1 && strings.Contains(stdout.String(), "Story 1")
	})
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Fatalf("run exit %d:\n%s", code, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("run did not stop")
	}
	if !strings.Contains(stderr.String(), "stopped cleanly") {
		t.Errorf("log:\n%s", stderr.String())
	}
	assertNoSecrets(t, stdout.String(), stderr.String())
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// A backup taken while crier holds the database open is a working store.
func TestBackupWhileRunning(t *testing.T) {
	w := newWorld(t, mastodonapi.Options{})
	w.publish(story(1))
	w.crier("once", "--config", w.config)
	m := w.open(nil, nil) // the store stays open, as a running crier's
	// A write still in the WAL, not in the database file: a plain copy of
	// the file would miss it.
	if err := m.store.PauseTarget(t.Context(), "toots", "in the WAL"); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(filepath.Join(w.dir, "data", "crier.db-wal")); err != nil || fi.Size() == 0 {
		t.Fatalf("no WAL to back up through: %v", err)
	}
	out := filepath.Join(t.TempDir(), "copy.db")
	code, stdout, errOut := w.crier("backup", "--config", w.config, out)
	if code != 0 || !strings.Contains(stdout, "backed up") {
		t.Fatalf("backup: %d %q %q", code, stdout, errOut)
	}
	if code, _, errOut := w.crier("backup", "--config", w.config, out); code != 1 || !strings.Contains(errOut, "exists") {
		t.Errorf("backup over an existing file: %d %q", code, errOut)
	}
	copied, err := sqlite.Open(t.Context(), out, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer copied.Close()
	orig, _ := m.store.FetchState(t.Context(), "asbarez")
	got, err := copied.FetchState(t.Context(), "asbarez")
	if err != nil || got.ETag != orig.ETag || !got.Initialized {
		t.Errorf("the copy's source state %+v, %v; want %+v", got, err, orig)
	}
	if states, _ := copied.TargetStates(t.Context()); states["toots"].PausedReason != "in the WAL" {
		t.Errorf("the copy lacks the write still in the WAL: %+v", states["toots"])
	}
}
