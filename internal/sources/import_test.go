package sources_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/crierhq/crier/internal/feeds"
	"github.com/crierhq/crier/internal/model"
	"github.com/crierhq/crier/internal/opml"
	"github.com/crierhq/crier/internal/sources"
)

// noFetch fails a test that fetches: an import must not.
type noFetch struct{ t *testing.T }

func (n noFetch) Discover(_ context.Context, u string) (feeds.Found, error) {
	n.t.Errorf("import fetched %s", u)
	return feeds.Found{}, errors.New("no fetching")
}

func listFeeds(t *testing.T) []opml.Feed {
	f, err := os.Open("../opml/testdata/feeds.opml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	list, err := opml.Parse(f)
	if err != nil {
		t.Fatal(err)
	}
	return list
}

func TestImportTwiceChangesNothingTheSecondTime(t *testing.T) {
	st := open(t)
	configured := []model.Source{{ID: "hn", Name: "HN", URL: "https://news.ycombinator.com/rss"}}
	st.SyncSources(ctx, configured)
	set, err := sources.Load(ctx, st, noFetch{t}, sources.Options{Configured: configured, Reserved: []string{"the-go-blog"}})
	if err != nil {
		t.Fatal(err)
	}
	var watched []string
	set.Watch(func(s model.Source) { watched = append(watched, s.ID) }, nil)
	list := append(listFeeds(t),
		opml.Feed{Title: "Go again", XMLURL: "http://GO.dev/blog/feed.atom/", Line: 40},
		opml.Feed{Title: "Local file", XMLURL: "file:///etc/passwd", Line: 41},
		opml.Feed{Title: "No address", Line: 42},
		opml.Feed{Title: "Creds", XMLURL: "https://user:pw@e.example/feed", Line: 43})

	rep, err := set.Import(ctx, list, 42)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Added) != 7 || len(rep.Known) != 2 || len(rep.Refused) != 3 {
		t.Fatalf("first import: %d added, %d known, %d refused: %+v", len(rep.Added), len(rep.Known), len(rep.Refused), rep)
	}
	if rep.Known[0].ID != "hn" || rep.Known[1].ID != "the-go-blog-2" || rep.Known[1].Feed.Line != 40 {
		t.Errorf("known: %+v", rep.Known)
	}
	for _, r := range rep.Refused {
		if !errors.Is(r.Err, sources.ErrBadURL) {
			t.Errorf("line %d refused for %v, want a bad URL", r.Feed.Line, r.Err)
		}
	}
	want := map[string]model.Source{
		"the-go-blog-2":               {Name: "The Go Blog", URL: "https://go.dev/blog/feed.atom", Category: "Tech/Go", SiteURL: "https://go.dev/blog"},
		"q-a-generics-explained-it-s": {Name: `Q&A: <generics> "explained" — it's 🎉`, URL: "https://example.com/feed?a=1&b=2", Category: "Tech/Go"},
		"meduza-io":                   {Name: "Медуза — новости", URL: "https://meduza.io/rss/all", Category: "Новости", SiteURL: "https://meduza.io/"},
		"rnak-ta-g-ne-i-d-r":          {Name: "Şırnak'ta Güneş & İğdır", URL: "https://www.example.com.tr/rss/g%C3%BCndem.xml", Category: "Türkçe Haberler"},
	}
	stored, err := st.AddedSources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]model.Source{}
	for _, s := range stored {
		byID[s.ID] = s
	}
	for id, w := range want {
		got := byID[id]
		if got.Name != w.Name || got.URL != w.URL || got.Category != w.Category || got.SiteURL != w.SiteURL || got.AddedBy != 42 {
			t.Errorf("%s stored as %+v, want %+v", id, got, w)
		}
	}
	if len(watched) != 7 || len(set.All()) != 8 {
		t.Errorf("watcher told of %v; set has %d sources", watched, len(set.All()))
	}

	// The second time: everything is known, nothing is stored or told.
	again, err := set.Import(ctx, list, 42)
	if err != nil {
		t.Fatal(err)
	}
	if len(again.Added) != 0 || len(again.Known) != 9 || len(again.Refused) != 3 {
		t.Errorf("second import: %d added, %d known, %d refused", len(again.Added), len(again.Known), len(again.Refused))
	}
	after, _ := st.AddedSources(ctx)
	if len(after) != len(stored) || len(watched) != 7 {
		t.Errorf("second import changed the store (%d → %d sources) or the schedule (%v)", len(stored), len(after), watched)
	}
	// A process started later (or a replica's Refresh) sees the same.
	reloaded, err := sources.Load(ctx, st, noFetch{t}, sources.Options{Configured: configured})
	if err != nil || len(reloaded.All()) != 8 {
		t.Errorf("reloaded: %d sources, %v", len(reloaded.All()), err)
	}
}

func TestImportRespectsTheCap(t *testing.T) {
	st := open(t)
	set, err := sources.Load(ctx, st, noFetch{t}, sources.Options{Max: 2})
	if err != nil {
		t.Fatal(err)
	}
	list := []opml.Feed{{XMLURL: "https://a.example/feed"}, {XMLURL: "https://b.example/feed"}, {XMLURL: "https://c.example/feed", Line: 9}}
	rep, err := set.Import(ctx, list, 7)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Added) != 2 || len(rep.Refused) != 1 || !errors.Is(rep.Refused[0].Err, sources.ErrMaxSources) || rep.Refused[0].Feed.Line != 9 {
		t.Fatalf("report %+v", rep)
	}
	if rep.Added[0].Name != "a.example" || rep.Added[0].ID != "a-example" {
		t.Errorf("untitled feed named %q (%s)", rep.Added[0].Name, rep.Added[0].ID)
	}
	if _, err := set.Import(ctx, list, 0); err == nil {
		t.Error("an import answered for by nobody was accepted")
	}
}

func TestImportOfFiveHundredFeedsIsQuick(t *testing.T) {
	st := open(t)
	set, err := sources.Load(ctx, st, noFetch{t}, sources.Options{Max: 1000})
	if err != nil {
		t.Fatal(err)
	}
	var list []opml.Feed
	for i := range 500 {
		list = append(list, opml.Feed{Title: fmt.Sprintf("Feed %d", i), XMLURL: fmt.Sprintf("https://f%d.example/rss", i), Category: "Bulk"})
	}
	start := time.Now()
	rep, err := set.Import(ctx, list, 7)
	if err != nil || len(rep.Added) != 500 {
		t.Fatalf("added %d: %v", len(rep.Added), err)
	}
	// Generous for a loaded machine: the point is no fetch per feed.
	if took := time.Since(start); took > 20*time.Second {
		t.Errorf("500 feeds took %v", took)
	}
	if !strings.HasPrefix(rep.Added[499].ID, "feed-499") {
		t.Errorf("last id %s", rep.Added[499].ID)
	}
}

// What the bot exports leaves out credentials and local files.
func TestPublicFeedsHideCredentials(t *testing.T) {
	got := sources.PublicFeeds([]model.Source{
		{ID: "a", Name: "A", URL: "https://user:secret@feeds.example/a.xml", SiteURL: "https://user:secret@example.com/"},
		{ID: "b", Name: "B", URL: "file:///srv/feeds/b.xml"},
		{ID: "c", Name: "C", URL: "https://c.example/feed?lang=hy"},
	})
	if len(got) != 2 || got[0].XMLURL != "https://feeds.example/a.xml" || got[0].HTMLURL != "https://example.com/" ||
		got[1].XMLURL != "https://c.example/feed?lang=hy" {
		t.Errorf("public feeds = %+v", got)
	}
}
