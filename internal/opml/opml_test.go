package opml_test

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"

	"github.com/crierhq/crier/internal/opml"
)

var update = flag.Bool("update", false, "rewrite the expected-output files in testdata")

// wantFeeds is what testdata/feeds.opml holds.
var wantFeeds = []opml.Feed{
	{Title: "Hacker News", XMLURL: "https://news.ycombinator.com/rss", HTMLURL: "https://news.ycombinator.com/", Line: 10},
	{Title: "The Go Blog", XMLURL: "https://go.dev/blog/feed.atom", HTMLURL: "https://go.dev/blog", Category: "Tech/Go", Line: 13},
	{Title: `Q&A: <generics> "explained" — it's 🎉`, XMLURL: "https://example.com/feed?a=1&b=2", Category: "Tech/Go", Line: 14},
	{Title: "Ars Technica", XMLURL: "http://feeds.arstechnica.com/arstechnica/index", Category: "Tech", Line: 16},
	{Title: "Медуза — новости", XMLURL: "https://meduza.io/rss/all", HTMLURL: "https://meduza.io/", Category: "Новости", Line: 19},
	{Title: "Ազատություն ռադիոկայան", XMLURL: "https://www.azatutyun.am/api/zrqiteuuir", Category: "Հայաստան", Line: 22},
	{Title: "Şırnak'ta Güneş & İğdır", XMLURL: "https://www.example.com.tr/rss/gündem.xml", Category: "Türkçe Haberler", Line: 25},
	{Title: "Tagged by attribute", XMLURL: "https://physics.example.org/feed/", Category: "Science/Physics", Line: 27},
}

func TestParseRealWorldList(t *testing.T) {
	f, err := os.Open("testdata/feeds.opml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := opml.Parse(f)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, wantFeeds) {
		t.Errorf("parsed:\n%+v\nwant:\n%+v", got, wantFeeds)
	}
}

// TestRoundTrip writes the parsed list (compared with the expected file) and
// reads it back: titles, URLs and categories survive.
func TestRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	created := time.Date(2025, 6, 2, 10, 0, 0, 0, time.UTC)
	if err := opml.Write(&buf, "crier sources", created, wantFeeds); err != nil {
		t.Fatal(err)
	}
	const golden = "testdata/feeds.export.opml"
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if buf.String() != string(want) {
		t.Errorf("export differs from %s (go test -update rewrites it):\n%s", golden, buf.String())
	}
	back, err := opml.Parse(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(back) != len(wantFeeds) {
		t.Fatalf("read back %d feeds, want %d", len(back), len(wantFeeds))
	}
	byURL := map[string]opml.Feed{}
	for _, f := range back {
		f.Line = 0
		byURL[f.XMLURL] = f
	}
	for _, w := range wantFeeds {
		w.Line = 0
		if got := byURL[w.XMLURL]; got != w {
			t.Errorf("round trip of %s:\n got %+v\nwant %+v", w.XMLURL, got, w)
		}
	}
}

func TestWriteEmptyListHasBody(t *testing.T) {
	var buf bytes.Buffer
	if err := opml.Write(&buf, "none", time.Unix(0, 0), nil); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "<body></body>") {
		t.Errorf("no body element:\n%s", buf.String())
	}
	if feeds, err := opml.Parse(&buf); err != nil || len(feeds) != 0 {
		t.Errorf("read back: %v, %v", feeds, err)
	}
}

func TestWriteReplacesCharactersXMLCannotHold(t *testing.T) {
	var buf bytes.Buffer
	feeds := []opml.Feed{{Title: "bell\x07 tab\tnew\nline", XMLURL: "https://e.example/feed"}}
	if err := opml.Write(&buf, "x", time.Unix(0, 0), feeds); err != nil {
		t.Fatal(err)
	}
	back, err := opml.Parse(&buf)
	if err != nil {
		t.Fatalf("export is not readable: %v\n%s", err, buf.String())
	}
	if back[0].Title != "bell\uFFFD tab new line" {
		t.Errorf("title %q", back[0].Title)
	}
}

func TestParseDeclaredEncoding(t *testing.T) {
	src := `<?xml version="1.0" encoding="windows-1251"?><opml version="2.0"><body>` +
		`<outline text="Лента" xmlUrl="https://lenta.example/rss"/></body></opml>`
	enc, err := charmap.Windows1251.NewEncoder().String(src)
	if err != nil {
		t.Fatal(err)
	}
	feeds, err := opml.Parse(strings.NewReader(enc))
	if err != nil {
		t.Fatal(err)
	}
	if len(feeds) != 1 || feeds[0].Title != "Лента" {
		t.Errorf("feeds %+v", feeds)
	}
}

func TestParseRefusesHostileInput(t *testing.T) {
	laughs := `<?xml version="1.0"?>
<!DOCTYPE opml [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<opml version="2.0"><body><outline text="&lol3;" xmlUrl="https://e.example/"/></body></opml>`
	tooBig := `<opml version="2.0"><body>` + strings.Repeat(`<outline text="x" xmlUrl="https://e.example/feed"/>`, opml.MaxBytes/40) + `</body></opml>`
	deep := `<opml version="2.0"><body>` + strings.Repeat(`<outline text="f">`, 10000) + `</body></opml>`
	tests := []struct {
		name, in string
		want     error
		says     string
	}{
		{"billion laughs", laughs, opml.ErrEntities, "declares its own entities"},
		{"external entity", `<!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]><opml><body><outline text="&x;" xmlUrl="https://e.example/"/></body></opml>`, opml.ErrEntities, "line 1"},
		{"too big", tooBig, opml.ErrTooBig, "over 5 MB"},
		{"deep nesting", deep, opml.ErrTooDeep, "over 32 levels"},
		{"malformed", `<opml version="2.0"><body><outline text="a" xmlUrl="https://e.example/">`, opml.ErrNotOPML, "unexpected EOF"},
		{"unclosed attribute", `<opml><body><outline text="a xmlUrl="https://e.example/"/></body></opml>`, opml.ErrNotOPML, "line 1"},
		{"undeclared entity", `<opml><body><outline text="&bogus;" xmlUrl="https://e.example/"/></body></opml>`, opml.ErrNotOPML, "bogus"},
		{"an RSS feed, not a list", `<?xml version="1.0"?><rss version="2.0"><channel/></rss>`, opml.ErrNotOPML, "<rss>"},
		{"not XML at all", "\x00\x01binary", opml.ErrNotOPML, "OPML"},
		{"empty", "", opml.ErrNotOPML, "no <opml> element"},
		{"unknown encoding", `<?xml version="1.0" encoding="x-klingon"?><opml/>`, opml.ErrNotOPML, "x-klingon"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			feeds, err := opml.Parse(strings.NewReader(tt.in))
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v (feeds %d), want %v", err, len(feeds), tt.want)
			}
			if !strings.Contains(err.Error(), tt.says) {
				t.Errorf("err %q does not say %q", err, tt.says)
			}
		})
	}
}

func TestCleanCategory(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"/Tech/Go", "Tech/Go"},
		{" Tech //  Go  lang /", "Tech/Go lang"},
		{strings.Repeat("ж", 300), strings.Repeat("ж", 200)},
	}
	for _, tt := range tests {
		if got := opml.CleanCategory(tt.in); got != tt.want {
			t.Errorf("CleanCategory(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzParse(f *testing.F) {
	seed, _ := os.ReadFile("testdata/feeds.opml")
	f.Add(seed)
	f.Add([]byte(`<opml><body><outline text="a"><outline xmlUrl="x"/></outline></body></opml>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		feeds, err := opml.Parse(bytes.NewReader(data))
		if err != nil {
			return
		}
		// Whatever parses writes out and reads back the same.
		var buf bytes.Buffer
		if err := opml.Write(&buf, "t", time.Unix(0, 0), feeds); err != nil {
			t.Fatal(err)
		}
		if _, err := opml.Parse(&buf); err != nil {
			t.Fatalf("export of a parsed list does not parse: %v", err)
		}
	})
}
