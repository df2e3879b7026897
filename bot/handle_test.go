package bot_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crierhq/crier/bot"
	"github.com/crierhq/crier/internal/fakes/feedserver"
	"github.com/crierhq/crier/internal/feeds"
	"github.com/crierhq/crier/internal/model"
	"github.com/crierhq/crier/internal/sources"
	"github.com/crierhq/crier/internal/store"
	"github.com/crierhq/crier/internal/store/sqlite"
	"github.com/crierhq/crier/internal/store/storetest"
)

const (
	admin    = int64(42)
	stranger = int64(7)
)

type checks struct{ calls []string }

type previews struct{ calls []string }

// posts answers /post as the pipeline would: a page is posted once.
type posts struct{ calls []string }

func (p *posts) Post(_ context.Context, url string, targets []string) (bot.PostResult, error) {
	for _, c := range p.calls {
		if strings.HasPrefix(c, url+" ") {
			return bot.PostResult{}, bot.ErrAlreadyPosted
		}
	}
	p.calls = append(p.calls, url+" "+strings.Join(targets, ","))
	return bot.PostResult{Title: "A story", Enqueued: len(targets)}, nil
}

// feedsURL serves the feeds and pages /add is tried on.
var feedsURL string

func TestMain(m *testing.M) {
	srv := feedserver.New()
	srv.SetItems("/feed.xml", "Daily News", []feedserver.Item{{GUID: "1", Title: "One"}})
	srv.SetRaw("/", "text/html", `<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head></html>`)
	srv.SetRaw("/blog", "text/html", `<html><head><title>Blog</title></head><body>No feed.</body></html>`)
	feedsURL = srv.URL("")
	code := m.Run()
	srv.Close()
	os.Exit(code)
}

func (p *previews) Preview(_ context.Context, arg string, _ int64) (string, error) {
	p.calls = append(p.calls, arg)
	return "── channel (telegram, telegram.html.tmpl)\n<b>Title</b>", nil
}

func (c *checks) Check(_ context.Context, id string) (bot.CheckResult, error) {
	c.calls = append(c.calls, id)
	return bot.CheckResult{New: 2, Enqueued: 4}, nil
}

func newBot(t *testing.T) (*bot.Bot, *sqlite.Store, *checks) {
	b, st, ck, _ := newBotPosts(t)
	return b, st, ck
}

func newBotPosts(t *testing.T) (*bot.Bot, *sqlite.Store, *checks, *posts) {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "c.db"), storetest.NewClock().Now)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	configured := []model.Source{{ID: "asbarez", Name: "Asbarez", URL: "https://asbarez.com/feed/"}}
	if err := st.SyncSources(ctx, configured); err != nil {
		t.Fatal(err)
	}
	// The feed server is on loopback: allowed here, as an operator would.
	set, err := sources.Load(ctx, st, feeds.NewFetcher(feeds.Options{AllowPrivatePages: true}),
		sources.Options{Configured: configured, Reserved: []string{"channel"}})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SyncTargets(ctx, []store.Target{{ID: "channel", Publisher: "telegram"}}); err != nil {
		t.Fatal(err)
	}
	catalog, err := bot.LoadCatalog()
	if err != nil {
		t.Fatal(err)
	}
	ck, ps := &checks{}, &posts{}
	b := bot.New(bot.Deps{Store: st, Checker: ck, Previewer: &previews{}, Poster: ps, Catalog: catalog, Username: "crier_test_bot", Admins: []int64{admin},
		Sources: set, Targets: []bot.TargetInfo{{ID: "channel", Publisher: "telegram"}, {ID: "masto", Publisher: "mastodon"}},
		Version: "v1.2.3", Now: storetest.NewClock().Now})
	return b, st, ck, ps
}

func private(from int64, text string) bot.Update {
	return bot.Update{ID: 1, ChatID: from, ChatType: "private", FromID: from, Text: text}
}

func TestCommands(t *testing.T) {
	tests := []struct {
		name   string
		update bot.Update
		want   []string // substrings of the one reply; nil: no reply
	}{
		{"start", private(stranger, "/start"), []string{"@crier_test_bot", "/sources"}},
		{"help for a subscriber", private(stranger, "/help"), []string{"/sources", "/language"}},
		{"sources", private(stranger, "/sources"), []string{"asbarez — Asbarez"}},
		{"plain text gets no answer", private(stranger, "hello"), nil},
		{"unknown command in a private chat", private(stranger, "/frobnicate"), []string{"/frobnicate", "/help"}},
		{"unknown command in a group stays quiet", bot.Update{ChatID: -100, ChatType: "supergroup", FromID: stranger, Text: "/frobnicate"}, nil},
		{"group command for this bot", bot.Update{ChatID: -100, ChatType: "supergroup", FromID: stranger, Text: "/help@crier_test_bot"}, []string{"/sources"}},
		{"group command for another bot", bot.Update{ChatID: -100, ChatType: "supergroup", FromID: admin, Text: "/status@other_bot"}, nil},
		{"commands in a channel get no reply (its readers would see it)", bot.Update{ChatID: -1001, ChatType: "channel", Text: "/status"}, nil},
		{"not even public ones", bot.Update{ChatID: -1001, ChatType: "channel", Text: "/help"}, nil},
		{"help for an admin", private(admin, "/help"), []string{"/status", "/retry"}},
		{"status", private(admin, "/status"), []string{"crier v1.2.3", "asbarez: last poll never", "channel: 0 pending, 0 failed, last sent never"}},
		{"targets", private(admin, "/targets"), []string{"channel (telegram)"}},
		{"stats", private(admin, "/stats"), []string{"channel: 0 sent, 0 pending, 0 failed, 0 skipped"}},
		{"check", private(admin, "/check asbarez"), []string{"Polled asbarez: 2 new item(s), 4 delivery(ies) queued"}},
		{"check without a source", private(admin, "/check"), []string{"Usage: /check SOURCE"}},
		{"check of an unknown source", private(admin, "/check nope"), []string{"no source or target called nope"}},
		{"retry", private(admin, "/retry"), []string{"0 failed deliveries"}},
		{"preview of a source", private(admin, "/preview asbarez"), []string{"── channel (telegram"}},
		{"preview of a feed URL", private(admin, "/preview https://example.com/feed"), []string{"<b>Title</b>"}},
		{"preview refuses a file URL", private(admin, "/preview file:///etc/passwd"), []string{"Usage: /preview SOURCE|https://"}},
		{"add a page's feed", private(admin, "/add "+feedsURL+"/ Daily Wire"), []string{"Added daily-wire — Daily Wire", feedsURL + "/feed.xml", "/subscribe daily-wire"}},
		{"add a feed named by its title", private(admin, "/add "+feedsURL+"/feed.xml"), []string{"Added daily-news — Daily News"}},
		{"add a feed already followed", private(admin, "/add https://www.asbarez.com/feed"), []string{"already followed as asbarez"}},
		{"add a page without a feed", private(admin, "/add "+feedsURL+"/blog"), []string{"announces no working feed"}},
		{"add a missing feed", private(admin, "/add "+feedsURL+"/gone"), []string{"Could not add", "404"}},
		{"add a file", private(admin, "/add file:///etc/passwd"), []string{"Could not add file:///etc/passwd", "not an http or https address"}},
		{"add without a URL", private(admin, "/add"), []string{"Usage: /add https://... [NAME]"}},
		{"remove a configured source", private(admin, "/remove asbarez"), []string{"comes from the config file", "/pause asbarez"}},
		{"remove an unknown source", private(admin, "/remove nope"), []string{"no source called nope"}},
		{"remove without a source", private(admin, "/remove"), []string{"Usage: /remove SOURCE"}},
		{"post to every target", private(admin, "/post https://news.example/a"), []string{"Queued “A story”: 2 delivery(ies)"}},
		{"post to one target", private(admin, "/post https://news.example/a masto"), []string{"Queued “A story”: 1 delivery(ies)"}},
		{"post to an unknown target", private(admin, "/post https://news.example/a nope"), []string{"no source or target called nope"}},
		{"post a file", private(admin, "/post file:///etc/passwd"), []string{"Usage: /post https://"}},
		{"turkish user", bot.Update{ChatID: 9, ChatType: "private", FromID: 9, FromLang: "tr", Text: "/sources"}, []string{"Kaynaklar:"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, _, _ := newBot(t)
			replies := b.Handle(context.Background(), tt.update)
			if tt.want == nil {
				if len(replies) != 0 {
					t.Fatalf("replied %+v", replies)
				}
				return
			}
			if len(replies) != 1 || replies[0].ChatID != tt.update.ChatID {
				t.Fatalf("replies %+v", replies)
			}
			for _, w := range tt.want {
				if !strings.Contains(replies[0].Text, w) {
					t.Errorf("reply lacks %q:\n%s", w, replies[0].Text)
				}
			}
		})
	}
}

func TestPauseResumeAndLanguage(t *testing.T) {
	b, st, _ := newBot(t)
	ctx := context.Background()
	say := func(from int64, text string) string { return one(t, b, private(from, text)) }
	if got := say(admin, "/pause channel"); !strings.Contains(got, "channel is paused: paused by admin 42") {
		t.Fatalf("pause: %s", got)
	}
	states, _ := st.TargetStates(ctx)
	if states["channel"].PausedReason == "" {
		t.Fatal("target not paused in the store")
	}
	if got := say(admin, "/resume channel"); got != "channel is resumed." {
		t.Fatalf("resume: %s", got)
	}
	if got := say(admin, "/resume channel"); got != "channel was not paused." {
		t.Fatalf("second resume: %s", got)
	}
	say(admin, "/pause asbarez")
	if fs, _ := st.FetchState(ctx, "asbarez"); fs.PausedReason == "" {
		t.Fatal("source not paused")
	}
	if got := say(stranger, "/language tr"); got != "Bundan sonra Türkçe yanıt veriyorum." {
		t.Fatalf("language: %s", got)
	}
	if got := say(stranger, "/sources"); !strings.HasPrefix(got, "Kaynaklar:") {
		t.Errorf("the chat's language is not used: %s", got)
	}
	if got := say(stranger, "/language xx"); !strings.Contains(got, "en, hy, ru, tr") {
		t.Errorf("unknown language: %s", got)
	}
}

// TestAdminCommandsRefusedForOthers runs every admin command as a stranger:
// each is refused and the store is unchanged.
func TestAdminCommandsRefusedForOthers(t *testing.T) {
	b, st, ck, ps := newBotPosts(t)
	ctx := context.Background()
	// A failed delivery, so that a stranger's /retry would show.
	saved, _ := st.SaveItems(ctx, "asbarez", model.FetchState{}, []model.Item{{Key: "k", Title: "T", State: model.ItemNew}})
	st.EnqueueDeliveries(ctx, store.Enqueue{ItemID: saved[0].ID, Targets: []string{"channel"}})
	ds, _ := st.ClaimDeliveries(ctx, []string{"channel"}, 1, 1, time.Minute)
	if len(ds) != 1 || st.MarkFailed(ctx, ds[0], "telegram 400: Bad Request") != nil {
		t.Fatal("could not prepare a failed delivery")
	}
	before := snapshot(t, st)
	for _, cmd := range []string{"/status", "/targets", "/stats", "/check asbarez", "/pause channel", "/pause asbarez",
		"/resume channel", "/retry", "/retry channel", "/preview asbarez", "/add " + feedsURL + "/feed.xml",
		"/remove asbarez", "/post https://news.example/a"} {
		r := b.Handle(ctx, private(stranger, cmd))
		if len(r) != 1 || !strings.Contains(r[0].Text, "is for the admins of this bot") {
			t.Errorf("%s by a stranger: %+v", cmd, r)
		}
	}
	if len(ck.calls) != 0 || len(ps.calls) != 0 {
		t.Errorf("a stranger's /check polled %v, /post posted %v", ck.calls, ps.calls)
	}
	if after := snapshot(t, st); after != before {
		t.Errorf("store changed:\n%s\n%s", before, after)
	}
}

// snapshot is what an admin command could change: the source's and the
// target's state, and the deliveries by state.
func snapshot(t *testing.T, st *sqlite.Store) string {
	t.Helper()
	ctx := context.Background()
	fs, err := st.FetchState(ctx, "asbarez")
	if err != nil {
		t.Fatal(err)
	}
	ts, _ := st.TargetStates(ctx)
	c, _ := st.DeliveryCounts(ctx)
	added, _ := st.AddedSources(ctx)
	return fmt.Sprintf("%+v|%+v|%v|%+v", fs, ts, c, added)
}

func TestSubscriptions(t *testing.T) {
	b, st, _ := newBot(t)
	ctx := context.Background()
	say := func(u bot.Update) string { return one(t, b, u) }
	steps := []struct {
		update bot.Update
		want   string
	}{
		{private(stranger, "/mysubs"), "You follow nothing yet"},
		{private(stranger, "/subscribe asbarez"), "Subscribed to asbarez"},
		{private(stranger, "/subscribe asbarez"), "You already follow asbarez"},
		{private(stranger, "/subscribe nope"), "There is no source called nope"},
		{private(stranger, "/subscribe"), "Usage: /subscribe SOURCE"},
		{bot.Update{ChatID: -100, ChatType: "group", FromID: stranger, Text: "/subscribe@crier_test_bot asbarez"}, "in a private chat"},
		{private(stranger, "/mysubs"), "• asbarez"},
		{private(stranger, "/unsubscribe asbarez"), "Unsubscribed from asbarez"},
		{private(stranger, "/unsubscribe asbarez"), "You do not follow asbarez"},
	}
	for _, s := range steps {
		if got := say(s.update); !strings.Contains(got, s.want) {
			t.Errorf("%s: %q, want %q", s.update.Text, got, s.want)
		}
	}
	if subs, _ := st.Subscriptions(ctx, stranger); len(subs) != 0 {
		t.Errorf("left subscribed to %v", subs)
	}
}

// TestAddedSourceLifecycle: a source added by command is listed, followed,
// shown in /status, kept by the store, and removed with its subscriptions.
func TestAddedSourceLifecycle(t *testing.T) {
	b, st, _ := newBot(t)
	ctx := context.Background()
	say := func(from int64, text string) string { return one(t, b, private(from, text)) }
	if got := say(admin, "/add "+feedsURL+"/feed.xml"); !strings.Contains(got, "Added daily-news") {
		t.Fatalf("add: %s", got)
	}
	if got := say(stranger, "/sources"); !strings.Contains(got, "daily-news — Daily News") {
		t.Errorf("sources: %s", got)
	}
	if got := say(stranger, "/subscribe daily-news"); !strings.Contains(got, "Subscribed to daily-news") {
		t.Errorf("subscribe: %s", got)
	}
	if got := say(admin, "/status"); !strings.Contains(got, "daily-news: last poll never") {
		t.Errorf("status: %s", got)
	}
	if added, _ := st.AddedSources(ctx); len(added) != 1 || added[0].AddedBy != admin {
		t.Errorf("store holds %+v", added)
	}
	if got := say(admin, "/pause daily-news"); !strings.Contains(got, "daily-news is paused") {
		t.Errorf("pause: %s", got)
	}
	if got := say(admin, "/remove daily-news"); !strings.Contains(got, "Removed daily-news") {
		t.Fatalf("remove: %s", got)
	}
	if got := say(stranger, "/sources"); strings.Contains(got, "daily-news") {
		t.Errorf("removed source still listed: %s", got)
	}
	if subs, _ := st.Subscriptions(ctx, stranger); len(subs) != 0 {
		t.Errorf("subscriptions left: %v", subs)
	}
	if got := say(admin, "/post https://news.example/a"); !strings.Contains(got, "Queued") {
		t.Errorf("post: %s", got)
	}
	if got := say(admin, "/post https://news.example/a"); !strings.Contains(got, "was posted before") {
		t.Errorf("second post: %s", got)
	}
}

// one is the text of the one reply an update gets.
func one(t *testing.T, b *bot.Bot, u bot.Update) string {
	t.Helper()
	r := b.Handle(context.Background(), u)
	if len(r) != 1 {
		t.Fatalf("%s: replies %+v", u.Text, r)
	}
	return r[0].Text
}
