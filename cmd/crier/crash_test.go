package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/crierhq/crier/internal/fakes/mastodonapi"
	"github.com/crierhq/crier/internal/fakes/telegramapi"
)

// crashRuns is how many times the crash test kills crier; CRIER_CRASH_RUNS
// overrides it for a longer soak.
func crashRuns(t *testing.T) int {
	if v, err := strconv.Atoi(os.Getenv("CRIER_CRASH_RUNS")); err == nil && v > 0 {
		return v
	}
	return 50
}

// buildCrier compiles the real binary once for the process tests.
func buildCrier(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "crier")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// processWorld is a world whose fakes answer as fast as crier may send, with
// a config for crier running as a separate process.
func processWorld(t *testing.T, lease string) *world {
	w := newWorld(t, mastodonapi.Options{})
	w.tg.Close()
	w.tg = telegramapi.New(telegramapi.Options{Token: tgToken, Username: "crier_test_bot", Limits: telegramapi.Limits{Disabled: true}})
	t.Cleanup(w.tg.Close)
	w.tg.AddChat(telegramapi.Chat{ID: channelID, Username: "crier_news", Type: "channel", Title: "Crier News"})
	doc := fmt.Sprintf(`storage: sqlite:data/crier.db
schedule: "@every 1s"
telegram:
  token: ${TEST_TG_TOKEN}
  api_endpoint: %s
  limits: {per_chat_interval: 20ms, group_window: 100ms, global_window: 100ms}
delivery:
  timeout: 1s
  lease: %s
  max_backoff: 1s
sources:
  - id: asbarez
    name: Asbarez
    url: %s
    language: en
    full_text: never
dedupe: {disabled: true}
targets:
  - id: channel
    publisher: telegram
    chat: "@crier_news"
  - id: toots
    publisher: mastodon
    server: %s
    token: ${TEST_MASTO_TOKEN}
`, w.tg.Endpoint(), lease, w.feeds.URL("/feed.xml"), w.masto.URL())
	if err := os.WriteFile(w.config, []byte(doc), 0o600); err != nil {
		t.Fatal(err)
	}
	return w
}

func (w *world) command(bin string, args ...string) *exec.Cmd {
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "TEST_TG_TOKEN="+tgToken, "TEST_MASTO_TOKEN="+mastoToken)
	return cmd
}

// TestCrashesNeverLoseOrDuplicatePosts kills the real binary with SIGKILL at
// random moments while it polls and delivers, restarting it each time, with
// a new item on the feed before each start. Afterwards every item is on
// Mastodon exactly once (the Idempotency-Key makes a resent post harmless)
// and on Telegram at least once, duplicated at most once per kill: the
// window between Telegram accepting a message and crier recording it.
func TestCrashesNeverLoseOrDuplicatePosts(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and kills the binary many times")
	}
	bin := buildCrier(t)
	w := processWorld(t, "2s")
	w.publish(story(0))
	if out, err := w.command(bin, "once", "--config", w.config).CombinedOutput(); err != nil {
		t.Fatalf("first once: %v\n%s", err, out)
	}
	runs := crashRuns(t)
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 3))
	for i := 1; i <= runs; i++ {
		w.publish(story(i))
		cmd := w.command(bin, "run", "--config", w.config)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(20+rng.IntN(400)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
	}
	// Claims of the last killed process return when their lease ends.
	time.Sleep(2500 * time.Millisecond)
	var out []byte
	var err error
	for attempt := 0; attempt < 5; attempt++ {
		if out, err = w.command(bin, "once", "--config", w.config).CombinedOutput(); err == nil {
			break
		}
		time.Sleep(time.Second)
	}
	if err != nil {
		t.Fatalf("final once: %v\n%s", err, out)
	}

	want := map[string]bool{}
	for i := 1; i <= runs; i++ {
		want[fmt.Sprintf("Story %d", i)] = true
	}
	masto, tg := w.postedTitles()
	dupTG := 0
	for title := range want {
		if masto[title] != 1 {
			t.Errorf("mastodon has %q %d times, want exactly once", title, masto[title])
		}
		switch n := tg[title]; {
		case n == 0:
			t.Errorf("telegram lost %q", title)
		case n > 1:
			dupTG += n - 1
		}
	}
	if len(masto) != len(want) || len(tg) != len(want) {
		t.Errorf("posts of items never published: mastodon %d titles, telegram %d, want %d", len(masto), len(tg), len(want))
	}
	if dupTG > runs {
		t.Errorf("%d telegram duplicates after %d kills: more than one per kill", dupTG, runs)
	}
	t.Logf("%d kills: every item delivered; mastodon exactly once; telegram duplicates %d (the accept-to-record window)", runs, dupTG)
}

// TestSigtermDuringDeliveryExitsCleanlyAndLosesNothing stops the real binary
// with SIGTERM while it is delivering: it must finish or give back what is
// in flight, exit 0, and a later run must deliver the rest exactly once.
func TestSigtermDuringDeliveryExitsCleanlyAndLosesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	bin := buildCrier(t)
	w := processWorld(t, "1m")
	w.publish(story(0))
	if out, err := w.command(bin, "once", "--config", w.config).CombinedOutput(); err != nil {
		t.Fatalf("first once: %v\n%s", err, out)
	}
	const n = 40
	var items []int
	for i := 1; i <= n; i++ {
		items = append(items, i)
		w.publish(story(i))
	}
	cmd := w.command(bin, "run", "--config", w.config)
	var logs strings.Builder
	cmd.Stderr = &logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "delivery under way", func() bool { return len(w.tg.Messages(channelID)) >= 5 })
	cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("exit after SIGTERM: %v\n%s", err, logs.String())
		}
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		t.Fatal("did not stop within 30s of SIGTERM")
	}
	if !strings.Contains(logs.String(), "stopped cleanly") {
		t.Errorf("log:\n%s", logs.String())
	}
	delivered := len(w.tg.Messages(channelID))
	if delivered == n {
		t.Log("everything was delivered before the stop; the test proves less than it could")
	}
	if out, err := w.command(bin, "once", "--config", w.config).CombinedOutput(); err != nil {
		t.Fatalf("once after the stop: %v\n%s", err, out)
	}
	tg := map[string]int{}
	for _, m := range w.tg.Messages(channelID) {
		tg[strings.SplitN(m.Text, "\n", 2)[0]]++
	}
	for _, i := range items {
		if title := fmt.Sprintf("Story %d", i); tg[title] != 1 {
			t.Errorf("telegram has %q %d times, want exactly once", title, tg[title])
		}
	}
	if len(w.masto.Statuses()) != n {
		t.Errorf("mastodon has %d statuses, want %d", len(w.masto.Statuses()), n)
	}
	t.Logf("stopped after %d of %d posts; the rest delivered by the next run", delivered, n)
}
