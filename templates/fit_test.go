package templates_test

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/crierhq/crier/internal/model"
	"github.com/crierhq/crier/publishers/mastodon/statuslen"
	"github.com/crierhq/crier/publishers/telegram/tghtml"
	"github.com/crierhq/crier/templates"
)

func TestAuthorGoesBeforeTheTitle(t *testing.T) {
	set, _ := templates.New("")
	p := post()
	p.Author = strings.Repeat("Very Long Byline ", 30)
	msg, err := set.Render("mastodon.txt.tmpl", p, templates.Limits{Fits: maxRunes(200)})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(msg.Text, p.Title+"\n") || strings.Contains(msg.Text, "Byline") {
		t.Errorf("want the full title and no author:\n%s", msg.Text)
	}
}

func TestSpacelessTextIsCutByGraphemes(t *testing.T) {
	set, _ := templates.New("")
	p := post()
	p.Title = strings.Repeat("東京都知事選挙の結果", 60) // 600 characters, no spaces
	p.Summary = []string{strings.Repeat("東京", 200) + "。"}
	msg, err := set.Render("mastodon.txt.tmpl", p, templates.Limits{Fits: maxRunes(300)})
	if err != nil {
		t.Fatal(err)
	}
	title := strings.SplitN(msg.Text, "\n", 2)[0]
	if utf8.RuneCountInString(msg.Text) > 300 || !strings.HasSuffix(title, "…") || !strings.Contains(msg.Text, p.Link) {
		t.Errorf("spaceless title:\n%s", msg.Text)
	}
	p.Title = "東京"
	msg, _ = set.Render("mastodon.txt.tmpl", p, templates.Limits{Fits: maxRunes(200)})
	if strings.Contains(msg.Text, "東京東京") || utf8.RuneCountInString(msg.Text) > 200 || !strings.Contains(msg.Text, p.Link) {
		t.Errorf("a summary sentence that does not fit must be left out, not cut:\n%s", msg.Text)
	}
}

// hostile builds strings from the characters that matter to Telegram's
// HTML parser and to length counting.
func hostile(r *rand.Rand, n int) string {
	pieces := []string{"<", ">", "&", `"`, "'", "&amp;", "&lt;b&gt;", "<b>", "</a>", "<a href=\"", "\\", "\n", " ",
		"é", "😀", "👍🏽", "\u200d", "\x00", "\x1b", "\xff", "Ա", "ş", "https://e.com/x?a=1&b=2", "@user@host.example", "word"}
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}

// TestHostilePostsAlwaysParseAndFit renders random hostile posts with the
// default templates and checks them with the platforms' own rules: Telegram's
// HTML parser (as TDLib parses) and Mastodon's length counter.
func TestHostilePostsAlwaysParseAndFit(t *testing.T) {
	set, _ := templates.New("")
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 1500; i++ {
		p := model.Post{
			Title:      hostile(r, 1+r.IntN(40)),
			Summary:    []string{hostile(r, r.IntN(300)), hostile(r, r.IntN(300))},
			Link:       "https://example.com/" + hostile(r, r.IntN(5)),
			SourceName: hostile(r, 1+r.IntN(5)),
			Author:     hostile(r, r.IntN(10)),
		}
		tg, err := set.Render("telegram.html.tmpl", p, templates.Limits{Fits: func(s string) bool {
			// An unparsable text "fits" so that it reaches the check below.
			n, err := tghtml.VisibleLength(s)
			return err != nil || n <= 1000
		}})
		if err != nil {
			t.Fatalf("telegram render: %v", err)
		}
		if _, _, err := tghtml.Parse(tg.Text); err != nil {
			t.Fatalf("telegram would refuse %q: %v", tg.Text, err)
		}
		m, err := set.Render("mastodon.txt.tmpl", p, templates.Limits{Fits: func(s string) bool { return statuslen.Count(s, 23) <= 500 }})
		if err != nil {
			t.Fatalf("mastodon render: %v", err)
		}
		if statuslen.Count(m.Text, 23) > 500 || !utf8.ValidString(m.Text) {
			t.Fatalf("mastodon text too long or invalid: %q", m.Text)
		}
	}
}

func FuzzRenderTelegram(f *testing.F) {
	set, _ := templates.New("")
	f.Add("Title <b>", "Summary & more.", "Source \"x\"", "https://e.com/?a=1&b=2")
	// TDLib's HTML parse cases, as titles and summaries: markup-like text
	// must come out escaped, whatever it holds.
	if data, err := os.ReadFile("../../shared/testdata/posting/telegram-tdlib/parse_html.json"); err == nil {
		var doc struct {
			Cases []struct{ Input string } `json:"cases"`
		}
		if json.Unmarshal(data, &doc) == nil {
			for _, c := range doc.Cases {
				f.Add(c.Input, c.Input+" "+c.Input, "TDLib", "https://e.com/a?b="+c.Input)
			}
		}
	}
	f.Fuzz(func(t *testing.T, title, summary, source, link string) {
		p := model.Post{Title: title, Summary: []string{summary}, SourceName: source, Link: link}
		msg, err := set.Render("telegram.html.tmpl", p, templates.Limits{Fits: func(s string) bool {
			n, err := tghtml.VisibleLength(s)
			return err != nil || n <= 300
		}})
		if err != nil {
			return // ErrCannotFit: an oversized title that cannot be cut
		}
		if _, _, err := tghtml.Parse(msg.Text); err != nil {
			t.Fatalf("unparsable: %q: %v", msg.Text, err)
		}
	})
}
