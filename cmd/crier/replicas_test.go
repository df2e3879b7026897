package main

import (
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the test reads the lease table

	"github.com/crierhq/crier/internal/fakes/feedserver"
	"github.com/crierhq/crier/internal/fakes/mastodonapi"
	"github.com/crierhq/crier/internal/fakes/telegramapi"
	"github.com/crierhq/crier/internal/store/postgres/pgtest"
)

// TestReplicasShareTheWorkAndSurviveALeaderKill runs three crier processes
// on one PostgreSQL with fifty sources that gain items over several cycles,
// and SIGKILLs the replica leading the bot half-way. Afterwards: every item
// is on Mastodon exactly once; on Telegram at least once and repeated at
// most once (the kill's accept-to-record window); no source was fetched
// twice for one due time; and the bot still answers commands.
func TestReplicasShareTheWorkAndSurviveALeaderKill(t *testing.T) {
	if testing.Short() {
		t.Skip("runs three crier processes")
	}
	dsn := pgtest.DSN(t)
	bin := buildCrier(t)
	w := newWorld(t, mastodonapi.Options{})
	w.tg.AddChat(telegramapi.Chat{ID: 42, Type: telegramapi.Private, Title: "Admin"})
	const nSources, every = 50, 2 * time.Second
	var sources strings.Builder
	var onChannel []string
	published := map[int][]feedserver.Item{}
	for i := range nSources {
		id := fmt.Sprintf("src-%02d", i)
		fmt.Fprintf(&sources, "  - {id: %s, name: Source %02d, url: %q, full_text: never}\n", id, i, w.feeds.URL("/"+id+".xml"))
		if i < 5 {
			onChannel = append(onChannel, id)
		}
		published[i] = []feedserver.Item{replicaItem(i, 0)}
		w.feeds.SetItems("/"+id+".xml", fmt.Sprintf("Source %02d", i), published[i])
	}
	doc := fmt.Sprintf(`storage: %s
schedule: "@every %s"
cluster: {lease: 2s}
log: {level: debug} # the test reads which due time each poll stood for
telegram:
  token: ${TEST_TG_TOKEN}
  api_endpoint: %s
  admins: [42]
delivery: {timeout: 2s, lease: 4s, max_backoff: 1s}
dedupe: {disabled: true}
sources:
%stargets:
  - {id: channel, publisher: telegram, chat: "@crier_news", sources: [%s]}
  - {id: toots, publisher: mastodon, server: %q, token: "${TEST_MASTO_TOKEN}"}
`, dsn, every, w.tg.Endpoint(), sources.String(), strings.Join(onChannel, ", "), w.masto.URL())
	if err := os.WriteFile(w.config, []byte(doc), 0o600); err != nil {
		t.Fatal(err)
	}

	type replica struct {
		cmd  *exec.Cmd
		logs *syncBuffer
		done chan error
	}
	start := func() *replica {
		r := &replica{cmd: w.command(bin, "run", "--config", w.config), logs: &syncBuffer{}, done: make(chan error, 1)}
		r.cmd.Stderr, r.cmd.Stdout = r.logs, r.logs
		if err := r.cmd.Start(); err != nil {
			t.Fatal(err)
		}
		go func() { r.done <- r.cmd.Wait() }()
		return r
	}
	began := time.Now()
	replicas := []*replica{start(), start(), start()}
	defer func() {
		for _, r := range replicas {
			if r.cmd.ProcessState == nil {
				_ = r.cmd.Process.Kill()
			}
		}
		if t.Failed() {
			for i, r := range replicas {
				t.Logf("replica %d (poll lines left out):\n%s", i, tail(withoutPolls(r.logs.String()), 6000))
			}
		}
	}()
	// Wait for each first poll's record, not its request: an item published
	// while a first poll is in flight would be taken as already seen.
	waitFor(t, "the first polls", func() bool {
		var logs strings.Builder
		for _, r := range replicas {
			logs.WriteString(r.logs.String())
		}
		all := logs.String()
		for i := range nSources {
			if !strings.Contains(all, fmt.Sprintf("msg=polled source=src-%02d ", i)) {
				return false
			}
		}
		return true
	})

	// Four cycles: ten sources gain an item each; the bot leader is killed
	// after the second.
	var killed *replica
	want := 0
	for cycle := 1; cycle <= 4; cycle++ {
		for k := range 10 {
			i := (cycle*7 + k*5) % nSources
			published[i] = append([]feedserver.Item{replicaItem(i, cycle)}, published[i]...)
			w.feeds.SetItems(fmt.Sprintf("/src-%02d.xml", i), fmt.Sprintf("Source %02d", i), published[i])
			want++
		}
		time.Sleep(every + every/2)
		if cycle == 2 {
			pid := leaderPID(t, dsn)
			for _, r := range replicas {
				if r.cmd.Process.Pid == pid {
					killed = r
				}
			}
			if killed == nil {
				t.Fatalf("no replica has the bot's lease (pid %d)", pid)
			}
			_ = killed.cmd.Process.Signal(syscall.SIGKILL)
			<-killed.done
		}
	}
	// Wait for both platforms: the channel's posts go at Telegram's pace
	// and can trail the toots.
	onTelegram := func() bool {
		_, got := w.postedTitles()
		for i := range 5 {
			for _, it := range published[i][:len(published[i])-1] { // the last is the first poll's
				if got[it.Title] == 0 {
					return false
				}
			}
		}
		return true
	}
	deadline := time.Now().Add(45 * time.Second)
	for (len(w.masto.Statuses()) < want || !onTelegram()) && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
	}

	// The bot answers after its leader died.
	w.tg.PushMessage(42, telegramapi.User{ID: 42, FirstName: "Admin"}, "/status")
	waitForLong(t, "the bot's answer after the leader's death", 30*time.Second, func() bool {
		return strings.Contains(strings.Join(repliesTo(w, 42), "\n"), "src-49: last poll") // the end of a reply in parts
	})

	masto, tg := w.postedTitles()
	dupTG := 0
	for i := range nSources {
		for _, it := range published[i] {
			if it.Title == replicaItem(i, 0).Title {
				if masto[it.Title] != 0 {
					t.Errorf("%q, seen on the first poll, was posted", it.Title)
				}
				continue
			}
			if masto[it.Title] != 1 {
				t.Errorf("mastodon has %q %d times, want exactly once", it.Title, masto[it.Title])
			}
			if i < 5 {
				if tg[it.Title] == 0 {
					t.Errorf("telegram lacks %q", it.Title)
				}
				dupTG += max(tg[it.Title]-1, 0)
			}
		}
	}
	if dupTG > 1 {
		t.Errorf("telegram repeated %d posts; one kill allows at most one", dupTG)
	}
	// Each due time was polled by one replica: across the replicas' logs,
	// no source has two polls for one due time; and no source was fetched
	// more often than due times elapsed (three uncoordinated replicas
	// would fetch three times as often).
	polled := map[string]int{}
	for _, r := range replicas {
		for _, line := range strings.Split(r.logs.String(), "\n") {
			if strings.Contains(line, "msg=polling ") {
				polled[fieldOf(line, "source")+" "+fieldOf(line, "due")]++
			}
		}
	}
	if len(polled) < nSources {
		t.Errorf("only %d polls logged", len(polled))
	}
	for key, n := range polled {
		if n > 1 {
			t.Errorf("%s polled %d times", key, n)
		}
	}
	slots := int(time.Since(began)/every) + 2
	for i := range nSources {
		if n := len(w.feeds.RequestTimes(fmt.Sprintf("/src-%02d.xml", i))); n > slots {
			t.Errorf("src-%02d fetched %d times in %d due times", i, n, slots)
		}
	}
	for _, r := range replicas {
		assertNoSecrets(t, r.logs.String())
	}
	t.Logf("%d items, %d statuses, %d channel posts (%d repeated), bot leader %d killed",
		want, len(w.masto.Statuses()), len(w.tg.Messages(channelID)), dupTG, killed.cmd.Process.Pid)
}

func replicaItem(source, n int) feedserver.Item {
	return feedserver.Item{
		GUID:        fmt.Sprintf("https://s%02d.example/%d", source, n),
		Title:       fmt.Sprintf("Source %02d story %d", source, n),
		Link:        fmt.Sprintf("https://s%02d.example/%d", source, n),
		Description: fmt.Sprintf("<p>Story %d of source %d opens here. %s</p>", n, source, filler(source*10+n)),
		Published:   time.Date(2026, 11, 20, n, source, 0, 0, time.UTC),
	}
}

// leaderPID reads which process holds the bot's lease ("host/pid/random").
func leaderPID(t *testing.T, dsn string) int {
	t.Helper()
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var holder string
	waitForLong(t, "a bot leader", 10*time.Second, func() bool {
		return db.QueryRow(`SELECT holder FROM leases WHERE name = 'bot' AND expires_at > $1`, time.Now().UnixMilli()).Scan(&holder) == nil
	})
	parts := strings.Split(holder, "/")
	if len(parts) != 3 {
		t.Fatalf("holder %q", holder)
	}
	pid, _ := strconv.Atoi(parts[1])
	return pid
}

// fieldOf reads key=value from a text log line (the value may be quoted).
func fieldOf(line, key string) string {
	_, rest, ok := strings.Cut(line, " "+key+"=")
	if !ok {
		return ""
	}
	if strings.HasPrefix(rest, `"`) {
		v, _, _ := strings.Cut(rest[1:], `"`)
		return v
	}
	v, _, _ := strings.Cut(rest, " ")
	return v
}

func waitForLong(t *testing.T, what string, d time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// withoutPolls drops the per-poll lines, which would hide the rest.
func withoutPolls(logs string) string {
	var b strings.Builder
	for _, line := range strings.Split(logs, "\n") {
		if !strings.Contains(line, "msg=polled ") && !strings.Contains(line, "msg=polling ") && !strings.Contains(line, "poll taken by another") {
			b.WriteString(line + "\n")
		}
	}
	return b.String()
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "…" + s[len(s)-n:]
}
