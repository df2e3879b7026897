package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crierhq/crier/internal/fakes/mastodonapi"
	"github.com/crierhq/crier/internal/opml"
	"github.com/crierhq/crier/internal/store/sqlite"
	"github.com/crierhq/crier/internal/store/storetest"
)

// TestImportExportOPMLCommands imports a real-world list twice (the second
// time changes nothing), refuses a hostile one without touching the store,
// and exports every source with its category.
func TestImportExportOPMLCommands(t *testing.T) {
	w := newWorld(t, mastodonapi.Options{})
	w.editConfig("    language: en\n", "    language: en\n    category: Armenia/News\n")
	list, err := os.ReadFile("../../internal/opml/testdata/feeds.opml")
	if err != nil {
		t.Fatal(err)
	}
	// The configured feed, written another way, and an address that is no
	// feed's.
	extra := fmt.Sprintf(`<outline text="Asbarez again" xmlUrl="%s/"/>
    <outline text="Local" xmlUrl="file:///etc/passwd"/>
  </body>`, w.feeds.URL("/feed.xml"))
	path := filepath.Join(w.dir, "list.opml")
	os.WriteFile(path, []byte(strings.Replace(string(list), "</body>", extra, 1)), 0o600)

	code, out, errOut := w.crier("import", "opml", "--config", w.config, path)
	if code != 0 || !strings.HasPrefix(out, "8 added, 1 already followed, 1 refused\n") {
		t.Fatalf("import: exit %d\n%s\n%s", code, out, errOut)
	}
	for _, want := range []string{"  added the-go-blog: https://go.dev/blog/feed.atom\n", "is already followed as asbarez\n",
		`line 30: refused "Local": not an http or https address: "file:///etc/passwd"`} {
		if !strings.Contains(out, want) {
			t.Errorf("import report lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = w.crier("import", "opml", "--config", w.config, path)
	if code != 0 || !strings.HasPrefix(out, "0 added, 9 already followed, 1 refused\n") {
		t.Errorf("second import: exit %d\n%s", code, out)
	}

	hostile := filepath.Join(w.dir, "laughs.opml")
	os.WriteFile(hostile, []byte(`<!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><opml><body><outline text="&b;" xmlUrl="https://x.example/"/></body></opml>`), 0o600)
	if code, _, errOut := w.crier("import", "opml", "--config", w.config, hostile); code != 1 || !strings.Contains(errOut, "OPML declares its own entities") {
		t.Errorf("hostile list: exit %d\n%s", code, errOut)
	}
	if code, _, errOut := w.crier("import", "opml", "--config", w.config); code != 2 || !strings.Contains(errOut, "usage: crier import opml") {
		t.Errorf("no file: exit %d\n%s", code, errOut)
	}

	st, err := sqlite.Open(context.Background(), filepath.Join(w.dir, "data", "crier.db"), storetest.NewClock().Now)
	if err != nil {
		t.Fatal(err)
	}
	added, err := st.AddedSources(context.Background())
	st.Close()
	if err != nil || len(added) != 8 || added[0].AddedBy != 42 {
		t.Fatalf("stored %d added sources (%v), first by %d, want 8 by the first admin", len(added), err, added[0].AddedBy)
	}

	code, out, errOut = w.crier("export", "opml", "--config", w.config)
	if code != 0 {
		t.Fatalf("export: exit %d\n%s", code, errOut)
	}
	feeds, err := opml.Parse(strings.NewReader(out))
	if err != nil || len(feeds) != 9 {
		t.Fatalf("export holds %d feeds (%v):\n%s", len(feeds), err, out)
	}
	cats := map[string]string{}
	for _, f := range feeds {
		cats[f.Title] = f.Category
	}
	for title, want := range map[string]string{"Asbarez": "Armenia/News", "The Go Blog": "Tech/Go",
		"Ազատություն ռադիոկայան": "Հայաստան", "Şırnak'ta Güneş & İğdır": "Türkçe Haberler", "Hacker News": "",
		`Q&A: <generics> "explained" — it's 🎉`: "Tech/Go", "Tagged by attribute": "Science/Physics"} {
		if got, ok := cats[title]; !ok || got != want {
			t.Errorf("exported %q in %q (found %v), want %q", title, got, ok, want)
		}
	}
}
