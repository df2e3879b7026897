package tghtml_test

import (
	"errors"
	"testing"
	"unicode/utf8"

	"github.com/crierhq/crier/publishers/telegram/tghtml"
)

// FuzzParse checks that Parse never panics and that what it returns is
// consistent: valid UTF-8, entities inside the text and in TDLib order, and
// Normalize keeping them so.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"", "<b>x</b>", "<a href=telegram.org>t</a>", "<a>t.me</a>",
		`<pre><code class="language-go">x</code></pre>`, `<tg-time unix="1" format="wDT">x</tg-time>`,
		`<tg-emoji emoji-id="5">x</tg-emoji>`, "<blockquote expandable>q</blockquote>",
		"&#x1F600;&lt;&#xD800", "<i a='&quot;' b=c d>x</>", " \r\n<b> a </b>\u2028 "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		text, entities, err := tghtml.Parse(s)
		if err != nil {
			var pe *tghtml.ParseError
			if !errors.Is(err, tghtml.ErrInvalidUTF8) && !errors.As(err, &pe) {
				t.Fatalf("Parse(%q) error of type %T", s, err)
			}
			return
		}
		checkEntities(t, "Parse", s, text, entities)
		text, entities = tghtml.Normalize(text, entities)
		checkEntities(t, "Normalize", s, text, entities)
	})
}

func checkEntities(t *testing.T, stage, in, text string, entities []tghtml.Entity) {
	t.Helper()
	if !utf8.ValidString(text) {
		t.Fatalf("%s(%q): invalid UTF-8 text %q", stage, in, text)
	}
	n := tghtml.UTF16Len(text)
	for i, e := range entities {
		if e.Offset < 0 || e.Length <= 0 || e.Offset+e.Length > n {
			t.Fatalf("%s(%q): entity %+v outside text of %d units", stage, in, e, n)
		}
		if i > 0 {
			p := entities[i-1]
			if p.Offset > e.Offset || (p.Offset == e.Offset && p.Length < e.Length) {
				t.Fatalf("%s(%q): entities out of order: %+v", stage, in, entities)
			}
		}
	}
}
