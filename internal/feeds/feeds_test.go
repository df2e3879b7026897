package feeds_test

import (
	"context"
	"errors"
	"html"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/crierhq/crier/internal/feeds"
	"github.com/crierhq/crier/internal/model"
)

func TestNormalizeLink(t *testing.T) {
	tests := []struct{ in, want string }{
		{"HTTPS://Example.COM/Path?utm_source=rss&utm_medium=x&id=7#comments", "https://example.com/Path?id=7"},
		{"http://example.com:80/a?fbclid=1&gclid=2", "http://example.com/a"},
		{"https://example.com:8443/a?b=2&a=1", "https://example.com:8443/a?a=1&b=2"},
		{"https://example.com", "https://example.com/"},
		{"https://user:pw@example.com/x", "https://example.com/x"},
		{"/relative/path", ""},
		{"javascript:alert(1)", ""},
		{"mailto:a@b.c", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := feeds.NormalizeLink(tt.in); got != tt.want {
				t.Errorf("NormalizeLink(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestItemKeyPrecedence(t *testing.T) {
	day := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	if k := feeds.ItemKey(" abc ", "https://e.com/x", "T", day); k != "guid:abc" {
		t.Errorf("guid first: %q", k)
	}
	if a, b := feeds.ItemKey("", "https://E.com/x?utm_campaign=1", "T", day), feeds.ItemKey("", "https://e.com/x#top", "Other", day.Add(time.Hour)); a != b || a != "link:https://e.com/x" {
		t.Errorf("normalised link: %q vs %q", a, b)
	}
	h1, h2 := feeds.ItemKey("", "", "Title", day), feeds.ItemKey("", "", "Title", day.Add(time.Hour))
	if !strings.HasPrefix(h1, "hash:") || h1 == h2 || h1 != feeds.ItemKey("", "", " Title ", day) {
		t.Errorf("hash fallback: %q %q", h1, h2)
	}
	if long := feeds.ItemKey(strings.Repeat("x", 2000), "", "", time.Time{}); len(long) > 600 {
		t.Errorf("long guid key has %d bytes", len(long))
	}
}

func TestParseResolvesAndCleans(t *testing.T) {
	doc := `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>https://site.example/news/</link>
<item><title>&lt;b&gt;Bold&lt;/b&gt; &amp;amp; news</title><link>/2026/a.html</link><guid isPermaLink="false">g1</guid>
<description>&lt;p&gt;Body&lt;/p&gt;</description><category> Politics </category></item>
<item><title>Bad link</title><link>javascript:alert(1)</link><guid>g2</guid></item>
<item><title>No link</title><guid>https://site.example/p/3</guid></item>
<item><title>Dup</title><guid isPermaLink="false">g1</guid></item>
</channel></rss>`
	f, err := feeds.Parse([]byte(doc), "", "https://site.example/feed")
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Items) != 3 {
		t.Fatalf("items = %d, want 3 (duplicate guid dropped)", len(f.Items))
	}
	it := f.Items[0]
	if it.Title != "Bold & news" || it.Link != "https://site.example/2026/a.html" || it.Key != "guid:g1" || it.Tags[0] != "Politics" {
		t.Errorf("item 0: %+v", it)
	}
	if f.Items[1].Link != "" {
		t.Errorf("javascript: link kept: %q", f.Items[1].Link)
	}
	if f.Items[2].Link != "https://site.example/p/3" {
		t.Errorf("permalink guid not used as link: %q", f.Items[2].Link)
	}
}

func TestParseAtomAndJSON(t *testing.T) {
	atom := `<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><id>urn:x:1</id><title type="html">A &lt;i&gt;tale&lt;/i&gt; of &amp;lt;tags&amp;gt;</title>
<link rel="alternate" href="https://a.example/1"/><updated>2026-11-01T10:00:00Z</updated><author><name>Ann</name></author><content type="html">&lt;p&gt;Hi&lt;/p&gt;</content></entry></feed>`
	f, err := feeds.Parse([]byte(atom), "application/atom+xml", "https://a.example/feed")
	if err != nil || len(f.Items) != 1 {
		t.Fatalf("atom: %v %+v", err, f)
	}
	if it := f.Items[0]; it.Title != "A tale of <tags>" || it.Author != "Ann" || it.Link != "https://a.example/1" || it.Published.IsZero() {
		t.Errorf("atom item: %+v", it)
	}
	js := `{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"7","url":"https://j.example/7","title":"Seven","content_html":"<p>x</p>","date_published":"2026-11-01T10:00:00Z"}]}`
	f, err = feeds.Parse([]byte(js), "application/feed+json", "https://j.example/feed.json")
	if err != nil || len(f.Items) != 1 || f.Items[0].Key != "guid:7" || f.Items[0].Title != "Seven" {
		t.Fatalf("json feed: %v %+v", err, f)
	}
}

func TestParseCharsetFromHeader(t *testing.T) {
	// "Новости" in windows-1251, no XML declaration.
	body := append([]byte("<rss version=\"2.0\"><channel><title>"), 0xcd, 0xee, 0xe2, 0xee, 0xf1, 0xf2, 0xe8)
	body = append(body, []byte("</title></channel></rss>")...)
	f, err := feeds.Parse(body, "application/rss+xml; charset=windows-1251", "https://r.example/")
	if err != nil || f.Title != "Новости" {
		t.Fatalf("title = %q, %v", f.Title, err)
	}
}

func TestParseRejectsGarbage(t *testing.T) {
	for name, doc := range map[string]string{
		"empty": "", "html": "<html><body>nope</body></html>", "binary": "\x00\x01\x02\xff",
		"json not feed": `{"hello":"world"}`, "truncated": `<rss><channel><item><title>x`,
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := feeds.Parse([]byte(doc), "", "https://e.example/"); err == nil {
				t.Error("accepted")
			}
		})
	}
}

func TestFetchConditionalAndCapped(t *testing.T) {
	body := strings.Repeat("x", 2000)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/feed":
			if r.Header.Get("If-None-Match") == `"v1"` && r.Header.Get("If-Modified-Since") == "Sun, 01 Nov 2026 10:00:00 GMT" {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", `"v1"`)
			w.Header().Set("Last-Modified", "Sun, 01 Nov 2026 10:00:00 GMT")
			w.Write([]byte(body))
		case "/huge":
			w.Write([]byte(strings.Repeat("y", 5000)))
		case "/slow":
			select {
			case <-r.Context().Done():
			case <-time.After(5 * time.Second):
			}
		default:
			http.Error(w, "gone", http.StatusGone)
		}
	}))
	defer srv.Close()
	f := feeds.NewFetcher(feeds.Options{MaxBytes: 4096, Timeout: 300 * time.Millisecond})
	ctx := context.Background()
	res, err := f.Fetch(ctx, srv.URL+"/feed", model.FetchState{})
	if err != nil || string(res.Body) != body || res.ETag != `"v1"` {
		t.Fatalf("first fetch: %v %+v", err, res)
	}
	res, err = f.Fetch(ctx, srv.URL+"/feed", model.FetchState{ETag: res.ETag, LastModified: res.LastModified})
	if err != nil || !res.NotModified || res.ETag != `"v1"` || len(res.Body) != 0 {
		t.Fatalf("conditional fetch: %v %+v", err, res)
	}
	if _, err := f.Fetch(ctx, srv.URL+"/huge", model.FetchState{}); !errors.Is(err, feeds.ErrTooLarge) {
		t.Errorf("huge: %v", err)
	}
	var he *feeds.HTTPError
	if _, err := f.Fetch(ctx, srv.URL+"/gone", model.FetchState{}); !errors.As(err, &he) || he.StatusCode != 410 {
		t.Errorf("gone: %v", err)
	}
	start := time.Now()
	if _, err := f.Fetch(ctx, srv.URL+"/slow", model.FetchState{}); err == nil || time.Since(start) > 3*time.Second {
		t.Errorf("slow: %v after %s", err, time.Since(start))
	}
	if _, err := f.Fetch(ctx, "gopher://x/", model.FetchState{}); err == nil {
		t.Error("gopher accepted")
	}
}

func TestFetchFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f.xml")
	os.WriteFile(path, []byte("<rss/>"), 0o600)
	f := feeds.NewFetcher(feeds.Options{MaxBytes: 100})
	ctx := context.Background()
	res, err := f.Fetch(ctx, "file://"+path, model.FetchState{})
	if err != nil || string(res.Body) != "<rss/>" {
		t.Fatalf("%v %+v", err, res)
	}
	again, err := f.Fetch(ctx, "file://"+path, model.FetchState{LastModified: res.LastModified})
	if err != nil || !again.NotModified {
		t.Fatalf("unchanged file: %v %+v", err, again)
	}
	os.WriteFile(path, []byte("<rss version='2.0'/>"), 0o600)
	if changed, _ := f.Fetch(ctx, "file://"+path, model.FetchState{LastModified: res.LastModified}); changed.NotModified {
		t.Error("changed file reported unchanged")
	}
	os.WriteFile(path, []byte(strings.Repeat("z", 200)), 0o600)
	if _, err := f.Fetch(ctx, "file://"+path, model.FetchState{}); !errors.Is(err, feeds.ErrTooLarge) {
		t.Errorf("big file: %v", err)
	}
	if _, err := f.Fetch(ctx, "file://"+filepath.Dir(path), model.FetchState{}); err == nil {
		t.Error("directory accepted")
	}
	if _, err := f.Fetch(ctx, "file://otherhost/etc/passwd", model.FetchState{}); err == nil {
		t.Error("file URL with host accepted")
	}
}

func FuzzParse(f *testing.F) {
	// feedparser's test feeds: every format, encoding and oddity it met.
	_ = filepath.WalkDir("../../../shared/testdata/feeds/feedparser", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".xml") {
			if data, err := os.ReadFile(path); err == nil && len(data) < 64<<10 {
				f.Add(data)
			}
		}
		return nil
	})
	f.Add([]byte(`<rss version="2.0"><channel><item><title>a</title><guid>1</guid></item></channel></rss>`))
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>x</id></entry></feed>`))
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1","items":[{"id":"1"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		feed, err := feeds.Parse(data, "", "https://e.example/")
		if err != nil {
			return
		}
		seen := map[string]bool{}
		for _, it := range feed.Items {
			if it.Key == "" || seen[it.Key] {
				t.Fatalf("empty or duplicate key %q", it.Key)
			}
			seen[it.Key] = true
		}
	})
}

func TestTitleCleaning(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Plain  title\n", "Plain title"},
		{"<b>Bold</b> and <em>italic</em>", "Bold and italic"},
		{"History of the <blink> tag", "History of the <blink> tag"},
		{`Ankara & Yerevan: <script>alert("x")</script>`, `Ankara & Yerevan: <script>alert("x")</script>`},
		{"AT&amp;T", "AT&T"},
		{"AT&amp;amp;T", "AT&T"},
		{"Line<br/>break", "Line break"},
		{"zero\u200bwidth soft\u00adhyphen", "zerowidth softhyphen"},
		{"family 👨\u200d👩\u200d👧 emoji", "family 👨\u200d👩\u200d👧 emoji"},
		{"no\u00a0break", "no break"},
		{"<!-- c -->Commented", "Commented"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			doc := "<rss version=\"2.0\"><channel><item><guid>1</guid><title>" + html.EscapeString(tt.in) + "</title></item></channel></rss>"
			f, err := feeds.Parse([]byte(doc), "", "https://e.example/")
			if err != nil {
				t.Fatal(err)
			}
			if got := f.Items[0].Title; got != tt.want {
				t.Errorf("title %q -> %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestStrayInvalidByteKeepsTheFeed(t *testing.T) {
	doc := []byte("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>T</title>" +
		"<item><guid>1</guid><title>Caf\xe9 reopens</title></item><item><guid>2</guid><title>Fine</title></item></channel></rss>")
	f, err := feeds.Parse(doc, "application/rss+xml", "https://e.example/")
	if err != nil || len(f.Items) != 2 || f.Items[0].Title != "Caf\uFFFD reopens" {
		t.Fatalf("err %v, feed %+v", err, f)
	}
	// A declared legacy encoding is left to the decoder, not "repaired".
	latin := []byte("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Caf\xe9</title></channel></rss>")
	if f, err := feeds.Parse(latin, "", "https://e.example/"); err != nil || f.Title != "Café" {
		t.Fatalf("latin-1: %v %+v", err, f)
	}
}

func TestFetchRefusesSpecialFiles(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal("mkfifo:", err)
	}
	f := feeds.NewFetcher(feeds.Options{})
	for _, path := range []string{fifo, "/dev/zero"} {
		if _, err := f.Fetch(context.Background(), "file://"+path, model.FetchState{}); err == nil || !strings.Contains(err.Error(), "not a regular file") {
			t.Errorf("%s: %v", path, err)
		}
	}
}
