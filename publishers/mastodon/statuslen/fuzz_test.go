package statuslen_test

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"

	"github.com/crierhq/crier/publishers/mastodon/statuslen"
)

var fuzzSeeds = []string{
	"",
	"hello world",
	"see https://example.com/path?q=1#frag and @bob@example.com",
	"example.com/http://foo.com",
	"https://en.wikipedia.org/wiki/Primer_(film)",
	"https://t.co/abc https://грå.org/ ユニバーサルアクセプタンス.クラウド",
	"@arnt@grå.org, @info@ཡོངས་ཁྱབ་ངོས་ལེན་བརྟག་དཔྱད.com",
	"\u200fhttps://x.com\u0301 🏳️‍⚧️ \u00a0",
	"http://" + strings.Repeat("a", 70) + ".com/" + strings.Repeat("(b)", 5),
}

// FuzzCount checks invariants that hold whatever the extraction decides:
//   - every URL becomes a run of urlLen "x", and "x" never joins its
//     neighbour "x" in a grapheme cluster, so the count grows by exactly
//     the number of URLs for each extra reserved character;
//   - without "@" or ":" there is no mention or URL, so the count is the
//     grapheme count of the stripped text;
//   - ASCII white space around the text never counts.
func FuzzCount(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		c1 := statuslen.Count(text, 1)
		c2 := statuslen.Count(text, 2)
		c3 := statuslen.Count(text, 3)
		if c1 < 0 || c2-c1 < 0 || c2-c1 != c3-c2 {
			t.Fatalf("counts for urlLen 1,2,3 = %d,%d,%d: not linear in urlLen", c1, c2, c3)
		}
		c23 := statuslen.Count(text, statuslen.DefaultURLLength)
		if want := c1 + (c2-c1)*(statuslen.DefaultURLLength-1); c23 != want {
			t.Fatalf("Count(urlLen 23) = %d, want %d", c23, want)
		}
		if got := statuslen.Count(" \t"+text+"\r\n", statuslen.DefaultURLLength); got != c23 {
			t.Fatalf("surrounding white space changed the count: %d, want %d", got, c23)
		}
		if !strings.ContainsAny(text, "@:") {
			stripped := strings.Trim(text, "\x00\t\n\v\f\r ")
			want := uniseg.GraphemeClusterCount(stripped)
			if strings.TrimFunc(stripped, unicode.IsSpace) == "" {
				want = 0
			}
			if c23 != want {
				t.Fatalf("Count(%q) = %d, want grapheme count %d", text, c23, want)
			}
		}
	})
}

// FuzzCountableText checks that the composer's rewrite keeps text valid
// and leaves alone any text that can hold no URL or mention: mentions need
// "@", scheme URLs ":" and bare hosts ".".
func FuzzCountableText(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		got := statuslen.CountableText(text)
		if utf8.ValidString(text) && !utf8.ValidString(got) {
			t.Fatalf("CountableText(%q) = %q: invalid UTF-8", text, got)
		}
		if !strings.ContainsAny(text, "@:.") && got != text {
			t.Fatalf("CountableText(%q) = %q, want it unchanged", text, got)
		}
	})
}

// FuzzExtractMentionsWithIndices checks that every mention is in order,
// in bounds and spells what the text holds.
func FuzzExtractMentionsWithIndices(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		prevEnd := 0
		for _, m := range statuslen.ExtractMentionsWithIndices(text) {
			if m.Start < prevEnd || m.End <= m.Start || m.End > len(text) {
				t.Fatalf("mention %+v out of order or bounds in %q", m, text)
			}
			if want := "@" + m.Username + "@" + m.Host; text[m.Start:m.End] != want {
				t.Fatalf("text[%d:%d] = %q, want %q", m.Start, m.End, text[m.Start:m.End], want)
			}
			prevEnd = m.End
		}
	})
}
