package templates_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/crierhq/crier/internal/hashtag"
	"github.com/crierhq/crier/internal/model"
	"github.com/crierhq/crier/publishers/mastodon/statuslen"
	"github.com/crierhq/crier/publishers/telegram/tghtml"
	"github.com/crierhq/crier/templates"
)

// platforms are the default templates with their platform's own limit,
// counted the platform's way: Telegram's 4096 characters after entity
// parsing, Mastodon's 500 with every URL as 23.
var platforms = []struct {
	name, template string
	limit          int
	count          func(string) int
}{
	{"telegram", "telegram.html.tmpl", 4096, func(s string) int {
		n, err := tghtml.VisibleLength(s)
		if err != nil {
			return 1 << 30
		}
		return n
	}},
	{"mastodon", "mastodon.txt.tmpl", 500, func(s string) int { return statuslen.Count(s, 23) }},
}

func taggedPost(title string, sentences int, sentence string) model.Post {
	p := model.Post{Title: title, Link: "https://example.com/news/2026/11/a-long-article-address?utm=1&x=2",
		SourceName: "Asbarez & Co", Author: "Staff", Language: "hy"}
	for i := range sentences {
		p.Summary = append(p.Summary, fmt.Sprintf("%s %d.", sentence, i))
	}
	opts := hashtag.Options{Categories: true, Fixed: []string{"News", "Armenia"}, Max: 6}
	p.Hashtags = opts.For([]string{"Human rights", "Права человека", "Հայաստանի լուրեր", "<b>&amp;"}, p.Language)
	return p
}

// TestHashtagsFitTheLimit renders posts whose parts grow one by one and
// checks that the message stays within each platform's limit, still parses,
// and gives up summary sentences before hashtags and hashtags (the last
// first) before the title.
func TestHashtagsFitTheLimit(t *testing.T) {
	set, _ := templates.New("")
	allTags := "#News #Armenia #HumanRights #ПраваЧеловека #ՀայաստանիԼուրեր #BAmp"
	for _, pl := range platforms {
		fits := func(s string) bool { return pl.count(s) <= pl.limit }
		for _, tc := range []struct {
			name      string
			post      model.Post
			wantTags  string // the hashtag line, "" for none
			wantTitle bool   // the title is whole
		}{
			{"short post keeps all", taggedPost("Title", 2, "Short sentence"), allTags, true},
			{"long summary gives way to tags", taggedPost("Title", 60, strings.Repeat("Երկար նախադասություն ", 10)), allTags, true},
			{"huge title drops every tag first", taggedPost(strings.Repeat("Заголовок ", pl.limit/5), 3, "S"), "", false},
		} {
			t.Run(pl.name+"/"+tc.name, func(t *testing.T) {
				msg, err := set.Render(pl.template, tc.post, templates.Limits{Fits: fits})
				if err != nil {
					t.Fatal(err)
				}
				if n := pl.count(msg.Text); n > pl.limit {
					t.Fatalf("%d characters, over %d:\n%s", n, pl.limit, msg.Text)
				}
				if pl.name == "telegram" {
					if _, _, err := tghtml.Parse(msg.Text); err != nil {
						t.Fatalf("telegram would refuse it: %v", err)
					}
				}
				lines := strings.Split(msg.Text, "\n")
				last := lines[len(lines)-1]
				if tc.wantTags != "" && !strings.HasPrefix(allTags, last) || tc.wantTags == "" && strings.HasPrefix(last, "#") {
					t.Errorf("last line %q, want the tags %q", last, tc.wantTags)
				}
				if tc.wantTags != "" && !strings.HasPrefix(last, tc.wantTags) {
					t.Errorf("tags %q, want at least %q", last, tc.wantTags)
				}
				if whole := !strings.Contains(msg.Text, "…"); whole != tc.wantTitle {
					t.Errorf("title whole = %v, want %v", whole, tc.wantTitle)
				}
				if len(tc.post.Summary) > 0 && tc.wantTags == allTags && !strings.Contains(msg.Text, tc.post.Summary[0]) {
					t.Error("the first sentence went before the hashtags")
				}
			})
		}
	}
}

// TestHashtagsDropLastFirstBeforeTheTitle grows the title a word at a time
// past each platform's limit: the tags go from the last, and the title is
// cut only once none is left.
func TestHashtagsDropLastFirstBeforeTheTitle(t *testing.T) {
	set, _ := templates.New("")
	for _, pl := range platforms {
		t.Run(pl.name, func(t *testing.T) {
			fits := func(s string) bool { return pl.count(s) <= pl.limit }
			partial := 0
			for words := pl.limit/4 - 40; words < pl.limit/4+5; words++ {
				p := taggedPost(strings.TrimSpace(strings.Repeat("Ծով ", words)), 2, "S")
				msg, err := set.Render(pl.template, p, templates.Limits{Fits: fits})
				if err != nil {
					t.Fatal(err)
				}
				if n := pl.count(msg.Text); n > pl.limit {
					t.Fatalf("%d words: %d characters, over %d", words, n, pl.limit)
				}
				lines := strings.Split(msg.Text, "\n")
				var tags []string
				if last := lines[len(lines)-1]; strings.HasPrefix(last, "#") {
					tags = strings.Fields(last)
				}
				for i, tag := range tags {
					if tag != "#"+p.Hashtags[i] {
						t.Fatalf("%d words: tags %q are not the first ones of %q", words, tags, p.Hashtags)
					}
				}
				if strings.Contains(lines[0], "…") && len(tags) > 0 {
					t.Fatalf("%d words: title cut while tags %q stay", words, tags)
				}
				if len(tags) > 0 && len(tags) < len(p.Hashtags) {
					partial++
				}
			}
			if partial == 0 {
				t.Error("no title length left some of the tags: the sweep misses the case")
			}
		})
	}
}

func TestHashtagsKeepTheFirstSentenceBeforeTags(t *testing.T) {
	set, _ := templates.New("")
	p := taggedPost("Title", 1, strings.Repeat("word ", 80))
	p.Hashtags = []string{"One", "Two", "Three"}
	full, _ := set.Render("mastodon.txt.tmpl", p, templates.Limits{})
	// Room for everything but the last tag: it goes, the sentence stays.
	limit := statuslen.Count(full.Text, 23) - 2
	msg, err := set.Render("mastodon.txt.tmpl", p, templates.Limits{Fits: func(s string) bool { return statuslen.Count(s, 23) <= limit }})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(msg.Text, p.Summary[0]) || !strings.HasSuffix(msg.Text, "#One #Two") {
		t.Errorf("want the sentence and the first two tags:\n%s", msg.Text)
	}
}
