package templates_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/crierhq/crier/internal/model"
	"github.com/crierhq/crier/templates"
)

func post() model.Post {
	return model.Post{
		Title:      `Ankara & "Yerevan" <script>alert(1)</script>`,
		Summary:    []string{"First sentence here.", "Second one follows.", "Third closes it."},
		Link:       "https://example.com/a?x=1&y=2",
		SourceName: "Asbarez",
		Author:     "Staff <desk>",
		Published:  time.Date(2026, 11, 29, 10, 0, 0, 0, time.UTC),
	}
}

func maxRunes(n int) func(string) bool {
	return func(s string) bool { return utf8.RuneCountInString(s) <= n }
}

func TestDefaultTemplatesRender(t *testing.T) {
	set, err := templates.New("")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		format model.Format
		want   string
	}{
		{"telegram.html.tmpl", model.FormatHTML, "<b>Ankara &amp; &quot;Yerevan&quot; &lt;script&gt;alert(1)&lt;/script&gt;</b>\n\n" +
			"First sentence here. Second one follows. Third closes it.\n\n" +
			`<a href="https://example.com/a?x=1&amp;y=2">Asbarez</a> · Staff &lt;desk&gt;`},
		{"mastodon.txt.tmpl", model.FormatPlain, `Ankara & "Yerevan" <script>alert(1)</script>` + "\n\n" +
			"First sentence here. Second one follows. Third closes it.\n\n" +
			"Asbarez · Staff <desk>\nhttps://example.com/a?x=1&y=2"},
		{"console.txt.tmpl", model.FormatPlain, `[Asbarez] Ankara & "Yerevan" <script>alert(1)</script>` + "\n" +
			"First sentence here. Second one follows. Third closes it.\nhttps://example.com/a?x=1&y=2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msg, err := set.Render(tt.name, post(), templates.Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if msg.Format != tt.format || msg.Text != tt.want {
				t.Errorf("got %s:\n%s\nwant %s:\n%s", msg.Format, msg.Text, tt.format, tt.want)
			}
		})
	}
}

func TestShrinksOnlyTheSummary(t *testing.T) {
	set, _ := templates.New("")
	full, _ := set.Render("mastodon.txt.tmpl", post(), templates.Limits{})
	fullLen := utf8.RuneCountInString(full.Text)
	tests := []struct {
		name    string
		limit   int
		summary string // the summary paragraph expected, "" for none
	}{
		{"fits", fullLen, "First sentence here. Second one follows. Third closes it."},
		{"drop one sentence", fullLen - 1, "First sentence here. Second one follows."},
		{"one sentence", fullLen - 18, "First sentence here."},
		{"a first sentence that does not fit is left out, not cut", fullLen - 38, ""},
		{"no summary", fullLen - 55, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msg, err := set.Render("mastodon.txt.tmpl", post(), templates.Limits{Fits: maxRunes(tt.limit)})
			if err != nil {
				t.Fatal(err)
			}
			if utf8.RuneCountInString(msg.Text) > tt.limit {
				t.Errorf("text of %d runes exceeds %d", utf8.RuneCountInString(msg.Text), tt.limit)
			}
			for _, keep := range []string{post().Title, post().Link, "Asbarez"} {
				if !strings.Contains(msg.Text, keep) {
					t.Errorf("lost %q:\n%s", keep, msg.Text)
				}
			}
			if tt.summary != "" && !strings.Contains(msg.Text, "\n\n"+tt.summary+"\n\n") {
				t.Errorf("summary: want %q in\n%s", tt.summary, msg.Text)
			}
			if tt.summary == "" && strings.Contains(msg.Text, "First") {
				t.Errorf("summary should be gone:\n%s", msg.Text)
			}
		})
	}
}

func TestSummaryCharsCap(t *testing.T) {
	set, _ := templates.New("")
	msg, _ := set.Render("console.txt.tmpl", post(), templates.Limits{SummaryChars: 45})
	if !strings.Contains(msg.Text, "\nFirst sentence here. Second one follows.\n") {
		t.Errorf("cap at whole sentences:\n%s", msg.Text)
	}
	msg, _ = set.Render("console.txt.tmpl", post(), templates.Limits{SummaryChars: 12})
	if strings.Contains(msg.Text, "First") {
		t.Errorf("a cap inside the first sentence leaves the summary out:\n%s", msg.Text)
	}
	msg, _ = set.Render("console.txt.tmpl", post(), templates.Limits{SummarySentences: 1, SummaryChars: 500})
	if !strings.Contains(msg.Text, "\nFirst sentence here.\n") {
		t.Errorf("cap at one sentence:\n%s", msg.Text)
	}
}

func TestCreditNamesTheOriginalOutlet(t *testing.T) {
	set, _ := templates.New("")
	p := post()
	p.Origin = "Reuters & Co"
	p.Language = "hy"
	tests := map[string]string{
		"telegram.html.tmpl": `<a href="https://example.com/a?x=1&amp;y=2">Reuters &amp; Co via Asbarez</a>`,
		"mastodon.txt.tmpl":  "\n\nReuters & Co via Asbarez · Staff <desk>\nhttps://example.com/a?x=1&y=2",
		"console.txt.tmpl":   "[Reuters & Co via Asbarez] ",
	}
	for name, want := range tests {
		msg, err := set.Render(name, p, templates.Limits{})
		if err != nil || !strings.Contains(msg.Text, want) || msg.Language != "hy" {
			t.Errorf("%s (%v, language %q): want %q in\n%s", name, err, msg.Language, want, msg.Text)
		}
	}
	p.Origin = "asbarez" // a source crediting itself
	msg, _ := set.Render("console.txt.tmpl", p, templates.Limits{})
	if strings.Contains(msg.Text, " via ") {
		t.Errorf("self-credit rendered as a republication:\n%s", msg.Text)
	}
	// An article an admin posted by URL has no source: its outlet alone.
	p.Origin, p.SourceName = "Daily News", ""
	msg, _ = set.Render("telegram.html.tmpl", p, templates.Limits{})
	if !strings.Contains(msg.Text, `">Daily News</a>`) {
		t.Errorf("posted article's credit:\n%s", msg.Text)
	}
}

func TestTitleShortenedOnlyAsLastResort(t *testing.T) {
	set, _ := templates.New("")
	p := post()
	p.Title = strings.Repeat("word ", 200)
	msg, err := set.Render("mastodon.txt.tmpl", p, templates.Limits{Fits: maxRunes(300)})
	if err != nil {
		t.Fatal(err)
	}
	if utf8.RuneCountInString(msg.Text) > 300 || !strings.HasSuffix(strings.SplitN(msg.Text, "\n", 2)[0], "word…") ||
		!strings.Contains(msg.Text, p.Link) {
		t.Errorf("long title handling:\n%s", msg.Text)
	}
	if _, err := set.Render("mastodon.txt.tmpl", p, templates.Limits{Fits: maxRunes(10)}); !errors.Is(err, templates.ErrCannotFit) {
		t.Errorf("impossible limit: err = %v", err)
	}
}

func TestHostileValuesStayEscaped(t *testing.T) {
	set, _ := templates.New("")
	p := post()
	p.Link = `https://e.com/"><b onclick=x>`
	p.Summary = []string{"bad \xff byte and \x00 nul \x1b escape."}
	msg, err := set.Render("telegram.html.tmpl", p, templates.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(msg.Text, `"><b`) || !strings.Contains(msg.Text, `&quot;&gt;&lt;b onclick=x&gt;`) {
		t.Errorf("attribute breakout:\n%s", msg.Text)
	}
	if !utf8.ValidString(msg.Text) || strings.ContainsAny(msg.Text, "\x00\x1b") {
		t.Errorf("control or invalid bytes survived: %q", msg.Text)
	}
}

func TestOverrideDirectory(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("telegram.html.tmpl", `<i>{{.Title}}</i> {{date "2006-01-02 15:04" .Published}}`)
	write("short.txt.tmpl", `{{.Title}} {{join .Tags ","}}`)
	set, err := templates.New(dir)
	if err != nil {
		t.Fatal(err)
	}
	msg, _ := set.Render("telegram.html.tmpl", post(), templates.Limits{Location: time.FixedZone("TRT", 3*3600)})
	if !strings.HasPrefix(msg.Text, "<i>Ankara &amp;") || !strings.HasSuffix(msg.Text, "2026-11-29 13:00") {
		t.Errorf("override: %q", msg.Text)
	}
	if !set.Has("short.txt.tmpl") || !set.Has("mastodon.txt.tmpl") {
		t.Errorf("names = %v", set.Names())
	}
	write("broken.txt.tmpl", `{{.Title`)
	if _, err := templates.New(dir); err == nil || !strings.Contains(err.Error(), "broken.txt.tmpl") {
		t.Errorf("broken template: %v", err)
	}
	if _, err := templates.New(filepath.Join(dir, "missing")); err == nil {
		t.Error("missing directory accepted")
	}
	if _, err := set.Render("nope.tmpl", post(), templates.Limits{}); err == nil {
		t.Error("unknown template rendered")
	}
}
