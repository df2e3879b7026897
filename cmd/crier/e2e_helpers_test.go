package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/crierhq/crier/internal/config"
	"github.com/crierhq/crier/internal/fakes/feedserver"
	"github.com/crierhq/crier/internal/fakes/mastodonapi"
	"github.com/crierhq/crier/internal/fakes/telegramapi"
	"github.com/crierhq/crier/internal/store/postgres/pgtest"
)

const (
	tgToken    = "7000001:AAHfakeTelegramTokenForTests_x1"
	mastoToken = "masto-secret-token-for-tests"
	channelID  = int64(-1001234567890)
)

// world is a crier process's outside: a feed server and fake platforms.
type world struct {
	t      *testing.T
	dir    string
	feeds  *feedserver.Server
	tg     *telegramapi.Server
	masto  *mastodonapi.Server
	config string
	items  []feedserver.Item
}

func newWorld(t *testing.T, mastoOpts mastodonapi.Options, tgOpts ...func(*telegramapi.Options)) *world {
	t.Helper()
	w := &world{t: t, dir: t.TempDir(), feeds: feedserver.New()}
	t.Cleanup(w.feeds.Close)
	opts := telegramapi.Options{Token: tgToken, Username: "crier_test_bot"}
	for _, o := range tgOpts {
		o(&opts)
	}
	w.tg = telegramapi.New(opts)
	t.Cleanup(w.tg.Close)
	w.tg.AddChat(telegramapi.Chat{ID: channelID, Username: "crier_news", Type: "channel", Title: "Crier News"})
	mastoOpts.Token = mastoToken
	w.masto = mastodonapi.New(mastoOpts)
	t.Cleanup(w.masto.Close)
	w.writeConfig("")
	return w
}

// writeConfig writes the test config; extra is appended to the targets list.
func (w *world) writeConfig(extraTargets string) {
	doc := fmt.Sprintf(`storage: sqlite:data/crier.db
timezone: Europe/Istanbul
telegram:
  token: ${TEST_TG_TOKEN}
  api_endpoint: %s
  admins: [42]
sources:
  - id: asbarez
    name: Asbarez
    url: %s
    language: en
    full_text: never # the stories link to asbarez.com, which tests must not reach
targets:
  - id: channel
    publisher: telegram
    chat: "@crier_news"
  - id: toots
    publisher: mastodon
    server: %s
    token: ${TEST_MASTO_TOKEN}
    visibility: unlisted
  - id: stdout
    publisher: console
%s`, w.tg.Endpoint(), w.feeds.URL("/feed.xml"), w.masto.URL(), extraTargets)
	w.config = filepath.Join(w.dir, "crier.yaml")
	if err := os.WriteFile(w.config, []byte(doc), 0o600); err != nil {
		w.t.Fatal(err)
	}
}

// usePostgres stores in a fresh schema of the test PostgreSQL (skipping
// without CRIER_TEST_POSTGRES).
func (w *world) usePostgres() {
	w.t.Helper()
	w.editConfig("storage: sqlite:data/crier.db", "storage: "+pgtest.DSN(w.t))
}

// editConfig replaces old with new in the config file, once.
func (w *world) editConfig(old, new string) {
	w.t.Helper()
	data, err := os.ReadFile(w.config)
	if err != nil || !strings.Contains(string(data), old) {
		w.t.Fatalf("config has no %q", old)
	}
	if err := os.WriteFile(w.config, []byte(strings.Replace(string(data), old, new, 1)), 0o600); err != nil {
		w.t.Fatal(err)
	}
}

func (w *world) env(k string) (string, bool) {
	switch k {
	case "TEST_TG_TOKEN":
		return tgToken, true
	case "TEST_MASTO_TOKEN":
		return mastoToken, true
	}
	return "", false
}

// publish puts items on the feed, newest first as feeds do.
func (w *world) publish(items ...feedserver.Item) {
	w.items = append(items, w.items...)
	w.feeds.SetItems("/feed.xml", "Asbarez", w.items)
}

func story(n int) feedserver.Item {
	return feedserver.Item{
		GUID:        fmt.Sprintf("https://asbarez.com/?p=%d", n),
		Title:       fmt.Sprintf("Story %d", n),
		Link:        fmt.Sprintf("https://asbarez.com/story-%d/", n),
		Author:      "Asbarez Staff",
		Description: fmt.Sprintf("<p>Story %d opens here. %s</p>", n, filler(n)),
		Published:   time.Date(2026, 11, 20, n, 0, 0, 0, time.UTC),
	}
}

// filler is a sentence of its own for each story, so that stories are not
// taken for copies of one another.
func filler(n int) string {
	words := strings.Fields("council budget river bridge harvest election museum festival tram school " +
		"hospital winter market vineyard airport court library stadium forest railway")
	var b []string
	for i := range 8 {
		b = append(b, words[(n*7+i*i*3+i)%len(words)])
	}
	return "It is about " + strings.Join(b, " and ") + "."
}

// crier runs the CLI and returns its exit code, stdout and stderr.
func (w *world) crier(args ...string) (int, string, string) {
	w.t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, &out, &errb, w.env)
	return code, out.String(), errb.String()
}

// open wires a Main on the world's config with an injected clock.
func (w *world) open(now func() time.Time, stdout io.Writer) *Main {
	w.t.Helper()
	cfg, err := config.Load(w.config, w.env)
	if err != nil {
		w.t.Fatal(err)
	}
	if stdout == nil {
		stdout = io.Discard
	}
	m, err := Open(context.Background(), cfg, Deps{Stdout: stdout, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Now: now})
	if err != nil {
		w.t.Fatal(err)
	}
	w.t.Cleanup(func() { m.Close() })
	return m
}

// syncBuffer is a bytes.Buffer safe for a logger and a test to share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

// waitFor polls cond until it holds or the deadline passes.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func assertNoSecrets(t *testing.T, texts ...string) {
	t.Helper()
	for _, s := range texts {
		if strings.Contains(s, tgToken) || strings.Contains(s, mastoToken) || strings.Contains(s, "AAHfakeTelegramToken") {
			t.Fatalf("a secret leaked into output:\n%s", s)
		}
	}
}
