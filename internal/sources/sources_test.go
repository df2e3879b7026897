package sources_test

import (
	"context"
	"errors"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crierhq/crier/internal/fakes/feedserver"
	"github.com/crierhq/crier/internal/feeds"
	"github.com/crierhq/crier/internal/model"
	"github.com/crierhq/crier/internal/sources"
	"github.com/crierhq/crier/internal/store"
	"github.com/crierhq/crier/internal/store/sqlite"
	"github.com/crierhq/crier/internal/store/storetest"
)

var ctx = context.Background()

// feedServer serves a feed, a page announcing it, a page announcing
// none, and a feed titled in Armenian.
func feedServer(t *testing.T) *feedserver.Server {
	srv := feedserver.New()
	t.Cleanup(srv.Close)
	srv.SetItems("/feed.xml", "Daily News", []feedserver.Item{{GUID: "1", Title: "One"}})
	srv.SetItems("/hy.xml", "Լուրեր", []feedserver.Item{{GUID: "1", Title: "Մեկ"}})
	srv.SetRaw("/", "text/html", `<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head></html>`)
	srv.SetRaw("/blog", "text/html", `<html><head><title>Blog</title></head><body>No feed.</body></html>`)
	return srv
}

func open(t *testing.T) *sqlite.Store {
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "c.db"), storetest.NewClock().Now)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func TestAddRemoveAndRestart(t *testing.T) {
	srv := feedServer(t)
	st := open(t)
	configured := []model.Source{{ID: "asbarez", Name: "Asbarez", URL: "https://www.asbarez.com/feed/"}}
	st.SyncSources(ctx, configured)
	fetcher := feeds.NewFetcher(feeds.Options{AllowPrivatePages: true}) // the test server is on loopback
	opts := sources.Options{Configured: configured, Reserved: []string{"daily-news-2"}, Max: 3}
	set, err := sources.Load(ctx, st, fetcher, opts)
	if err != nil {
		t.Fatal(err)
	}
	var added, removed []string
	set.Watch(func(s model.Source) { added = append(added, s.ID) }, func(id string) { removed = append(removed, id) })

	// A page: its feed is found and named by its title.
	src, err := set.Add(ctx, srv.URL("")+"/", "", 42)
	if err != nil || src.ID != "daily-news" || src.Name != "Daily News" || src.URL != srv.URL("")+"/feed.xml" || src.AddedBy != 42 {
		t.Fatalf("add a page = %+v, %v", src, err)
	}
	// The same feed, however written, is refused.
	for _, u := range []string{srv.URL("") + "/feed.xml", srv.URL("") + "/feed.xml/", srv.URL("") + "/", "http://asbarez.com/feed", "https://WWW.Asbarez.com/feed/#x"} {
		var dup *sources.DuplicateError
		if _, err := set.Add(ctx, u, "", 42); !errors.As(err, &dup) {
			t.Errorf("%s: %v, want a duplicate", u, err)
		}
	}
	// A name is given: the id comes from it; the reserved id is skipped.
	src, err = set.Add(ctx, srv.URL("")+"/hy.xml", "Daily   News", 42)
	if err != nil || src.ID != "daily-news-3" || src.Name != "Daily News" {
		t.Fatalf("add with a name = %+v, %v", src, err)
	}
	for _, bad := range []struct{ url, why string }{
		{srv.URL("") + "/blog", "no feed"}, {srv.URL("") + "/missing", "404"}, {"file:///etc/passwd", "file"},
		{"ftp://x.example/feed", "ftp"}, {"https://", "no host"}, {"javascript:alert(1)", "javascript"},
	} {
		if _, err := set.Add(ctx, bad.url, "", 42); err == nil {
			t.Errorf("%s (%s) was added", bad.url, bad.why)
		}
	}
	if _, err := set.Add(ctx, srv.URL("")+"/", "", 0); err == nil {
		t.Error("added without an admin")
	}
	if got := ids(set.All()); got != "asbarez daily-news daily-news-3" {
		t.Errorf("set = %s", got)
	}
	if len(added) != 2 {
		t.Errorf("scheduler told of %v", added)
	}

	if err := set.Remove(ctx, "asbarez"); !errors.Is(err, store.ErrConfigSource) {
		t.Errorf("remove a configured source: %v", err)
	}
	if err := set.Remove(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("remove an unknown source: %v", err)
	}
	if err := set.Remove(ctx, "daily-news"); err != nil {
		t.Fatal(err)
	}
	if len(removed) != 1 || removed[0] != "daily-news" {
		t.Errorf("scheduler told of removals %v", removed)
	}

	// A restart: added sources come back from the store, after the
	// configured ones.
	again, err := sources.Load(ctx, st, fetcher, opts)
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(again.All()); got != "asbarez daily-news-3" {
		t.Errorf("after a restart: %s", got)
	}
	if src, ok := again.Get("daily-news-3"); !ok || src.AddedBy != 42 || src.URL != srv.URL("")+"/hy.xml" {
		t.Errorf("restored %+v", src)
	}
	// A name without Latin letters: the host names the id.
	src, err = again.Add(ctx, srv.URL("")+"/feed.xml", "Լուրեր", 42)
	if err != nil || src.ID != "127-0-0-1" || src.Name != "Լուրեր" {
		t.Errorf("armenian name = %+v, %v", src, err)
	}
	// The cap counts added sources only.
	again.Remove(ctx, "127-0-0-1")
	small, _ := sources.Load(ctx, st, fetcher, sources.Options{Configured: configured, Max: 1})
	if _, err := small.Add(ctx, srv.URL("")+"/feed.xml", "", 42); !errors.Is(err, sources.ErrMaxSources) {
		t.Errorf("beyond the cap: %v", err)
	}
}

func TestSameFeed(t *testing.T) {
	same := [][2]string{
		{"https://www.example.com/feed/", "http://example.com/feed"},
		{"https://example.com:443/rss", "https://EXAMPLE.com/rss#top"},
	}
	for _, p := range same {
		if sources.SameFeed(p[0]) != sources.SameFeed(p[1]) {
			t.Errorf("%s and %s differ", p[0], p[1])
		}
	}
	differ := [][2]string{
		{"https://example.com/feed?cat=1", "https://example.com/feed?cat=2"},
		{"https://example.com/feed", "https://example.org/feed"},
		{"https://example.com:8080/feed", "https://example.com/feed"},
		{"https://example.com/a/feed", "https://example.com/b/feed"},
	}
	for _, p := range differ {
		if sources.SameFeed(p[0]) == sources.SameFeed(p[1]) {
			t.Errorf("%s and %s are the same", p[0], p[1])
		}
	}
}

func ids(list []model.Source) string {
	out := ""
	for i, s := range list {
		if i > 0 {
			out += " "
		}
		out += s.ID
	}
	return out
}

// A target the config file declares later with an added source's id wins:
// the source is not polled, and can still be removed.
func TestAddedSourceShadowedByATarget(t *testing.T) {
	srv := feedServer(t)
	st := open(t)
	fetcher := feeds.NewFetcher(feeds.Options{AllowPrivatePages: true})
	set, _ := sources.Load(ctx, st, fetcher, sources.Options{})
	if _, err := set.Add(ctx, srv.URL("")+"/feed.xml", "Bulletin", 42); err != nil {
		t.Fatal(err)
	}
	var logs strings.Builder
	later, err := sources.Load(ctx, st, fetcher, sources.Options{Reserved: []string{"bulletin"},
		Log: slog.New(slog.NewTextHandler(&logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := later.Get("bulletin"); ok || len(later.All()) != 0 {
		t.Errorf("the shadowed source is polled: %+v", later.All())
	}
	if !strings.Contains(logs.String(), "has the id of a configured target") {
		t.Errorf("not logged: %s", logs.String())
	}
	if err := later.Remove(ctx, "bulletin"); err != nil {
		t.Errorf("remove the shadowed source: %v", err)
	}
	if added, _ := st.AddedSources(ctx); len(added) != 0 {
		t.Errorf("left in the store: %+v", added)
	}
}

// All hands out the set's list without a copy: a list already handed out
// stays as it was whatever the set does next.
func TestListsHandedOutDoNotChange(t *testing.T) {
	srv := feedServer(t)
	st := open(t)
	configured := make([]model.Source, 2, 10) // room to grow in place
	configured[0] = model.Source{ID: "a", Name: "A", URL: "https://a.example/feed"}
	configured[1] = model.Source{ID: "b", Name: "B", URL: "https://b.example/feed"}
	st.SyncSources(ctx, configured)
	fetcher := feeds.NewFetcher(feeds.Options{AllowPrivatePages: true})
	set, err := sources.Load(ctx, st, fetcher, sources.Options{Configured: configured})
	if err != nil {
		t.Fatal(err)
	}
	before := set.All()
	if _, err := set.Add(ctx, srv.URL("")+"/feed.xml", "", 42); err != nil {
		t.Fatal(err)
	}
	added := set.All()
	if err := set.Remove(ctx, "daily-news"); err != nil {
		t.Fatal(err)
	}
	if _, err := set.Add(ctx, srv.URL("")+"/hy.xml", "Other", 42); err != nil {
		t.Fatal(err)
	}
	if got := ids(before); got != "a b" {
		t.Errorf("first list became %s", got)
	}
	if got := ids(added); got != "a b daily-news" {
		t.Errorf("second list became %s", got)
	}
	if got := ids(set.All()); got != "a b other" {
		t.Errorf("set = %s", got)
	}
	if got := ids(configured[:3]); got != "a b " {
		t.Errorf("the caller's array was written: %q", got)
	}
}

// Replicas share the store: each catches up with what the others added or
// removed.
func TestRefreshFollowsOtherProcesses(t *testing.T) {
	srv := feedServer(t)
	st := open(t)
	fetcher := feeds.NewFetcher(feeds.Options{AllowPrivatePages: true})
	here, _ := sources.Load(ctx, st, fetcher, sources.Options{})
	there, _ := sources.Load(ctx, st, fetcher, sources.Options{})
	var came, went []string
	there.Watch(func(s model.Source) { came = append(came, s.ID) }, func(id string) { went = append(went, id) })
	if _, err := here.Add(ctx, srv.URL("")+"/feed.xml", "", 42); err != nil {
		t.Fatal(err)
	}
	if err := there.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	if ids(there.All()) != "daily-news" || len(came) != 1 {
		t.Errorf("after an addition elsewhere: %s, told %v", ids(there.All()), came)
	}
	there.Refresh(ctx)
	if len(came) != 1 {
		t.Errorf("told twice: %v", came)
	}
	if err := here.Remove(ctx, "daily-news"); err != nil {
		t.Fatal(err)
	}
	there.Refresh(ctx)
	if len(there.All()) != 0 || len(went) != 1 || went[0] != "daily-news" {
		t.Errorf("after a removal elsewhere: %s, told %v", ids(there.All()), went)
	}
}

// Removed and added again elsewhere under the same id with another feed:
// the replica follows the new feed.
func TestRefreshFollowsAReAddedSource(t *testing.T) {
	srv := feedServer(t)
	st := open(t)
	fetcher := feeds.NewFetcher(feeds.Options{AllowPrivatePages: true})
	clock := storetest.NewClock()
	here, _ := sources.Load(ctx, st, fetcher, sources.Options{Now: clock.Now})
	there, _ := sources.Load(ctx, st, fetcher, sources.Options{})
	var events []string
	there.Watch(func(s model.Source) { events = append(events, "+"+s.ID+" "+s.URL) }, func(id string) { events = append(events, "-"+id) })
	here.Add(ctx, srv.URL("")+"/feed.xml", "News", 42)
	there.Refresh(ctx)
	here.Remove(ctx, "news")
	clock.Advance(time.Second)
	here.Add(ctx, srv.URL("")+"/hy.xml", "News", 42)
	there.Refresh(ctx)
	want := []string{"+news " + srv.URL("") + "/feed.xml", "-news", "+news " + srv.URL("") + "/hy.xml"}
	if strings.Join(events, "|") != strings.Join(want, "|") {
		t.Errorf("events %q, want %q", events, want)
	}
	if src, _ := there.Get("news"); src.URL != srv.URL("")+"/hy.xml" {
		t.Errorf("polls %s", src.URL)
	}
}
