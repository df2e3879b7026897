package tghtml_test

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/crierhq/crier/publishers/telegram/tghtml"
)

func TestEscape(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "hello, world", "hello, world"},
		{"markup", `<b>"Tom" & 'Jerry'</b>`, `&lt;b&gt;&quot;Tom&quot; &amp; 'Jerry'&lt;/b&gt;`},
		{"existing reference is escaped again", "&amp;", "&amp;amp;"},
		{"emoji untouched", "🏟 ➡️", "🏟 ➡️"},
		{"invalid bytes become U+FFFD each", "a\xff\xfeb", "a\uFFFD\uFFFDb"},
		{"truncated sequence", "\xe2\x82", "\uFFFD\uFFFD"},
		{"surrogate encoding", "\xed\xa0\x80", "\uFFFD\uFFFD\uFFFD"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tghtml.Escape(tc.in); got != tc.want {
				t.Errorf("Escape(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// An escaped value must also be safe inside a double-quoted attribute.
func TestEscapeInHref(t *testing.T) {
	link := `https://example.com/?q="><b>x</b>&r=1`
	_, entities, err := tghtml.Parse(`<a href="` + tghtml.Escape(link) + `">t</a>`)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if len(entities) != 1 || entities[0].URL != link {
		t.Fatalf("entities = %+v, want one link to %q", entities, link)
	}
}

// TestEscapeRoundTrip checks the property behind Escape on strings built from
// the characters that matter to the parser, a few thousand at a time.
func TestEscapeRoundTrip(t *testing.T) {
	pieces := []string{"<", ">", "&", `"`, "'", "/", "=", ";", "#", "x", "amp", "lt", "#60", "#x3C",
		"b", "a href", " ", "\n", "\t", "\x00", "é", "🏟", "➡️", "\xff", "\xe2\x82", "\xed\xa0\x80"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		checkRoundTrip(t, b.String())
	}
}

func FuzzEscapeRoundTrip(f *testing.F) {
	for _, s := range []string{"", "<b>x</b>", "&amp;", `"'`, "\xff", "&#xD800;", "🏟 &lt"} {
		f.Add(s)
	}
	f.Fuzz(checkRoundTrip)
}

func checkRoundTrip(t *testing.T, s string) {
	text, entities, err := tghtml.Parse(tghtml.Escape(s))
	if err != nil {
		t.Fatalf("Parse(Escape(%q)) error = %v", s, err)
	}
	if len(entities) != 0 {
		t.Fatalf("Parse(Escape(%q)) entities = %+v", s, entities)
	}
	// Converting to runes replaces each invalid byte by U+FFFD, as Escape does.
	if want := string([]rune(s)); text != want {
		t.Fatalf("Parse(Escape(%q)) = %q, want %q", s, text, want)
	}
}
