package clean

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// checkProperties checks what holds for any input: no empty paragraph; each
// kept paragraph is the end of an input paragraph, in input order; nothing is
// lost or made up (every letter and digit of the input is kept or reported
// removed); removals are named; the origin looks like a name.
func checkProperties(t testing.TB, text string, res Result) {
	t.Helper()
	in := splitParagraphs(text)
	j := 0
	for _, p := range res.Paragraphs {
		if strings.TrimSpace(p) == "" {
			t.Fatalf("empty paragraph in %q", res.Paragraphs)
		}
		for j < len(in) && !strings.HasSuffix(in[j], p) {
			j++
		}
		if j == len(in) {
			t.Fatalf("paragraph %q is no end of an input paragraph, in order, of %q", p, in)
		}
		j++
	}
	kept := 0
	for _, p := range res.Paragraphs {
		kept += len(appendKey(nil, p))
	}
	for _, r := range res.Removed {
		if r.Text == "" || !knownKind(r.Rule) {
			t.Fatalf("bad removal %q", r)
		}
		kept += len(appendKey(nil, r.Text))
	}
	if total := len(appendKey(nil, strings.Join(in, "\n\n"))); kept != total {
		t.Fatalf("%d letters and digits in, %d kept or removed: %q, %q", total, kept, res.Paragraphs, res.Removed)
	}
	if o := res.Origin; o != "" && (o != strings.TrimSpace(o) || utf8.RuneCountInString(o) > maxOriginRunes ||
		countWords(o) > maxOriginWords || !utf8.ValidString(o)) {
		t.Fatalf("origin %q does not look like a name", o)
	}
}

func knownKind(k string) bool {
	return k == kindTitle || kinds[k] && k != kindDateline
}

func TestFixtureProperties(t *testing.T) {
	for _, path := range fixturePaths(t) {
		f := readFixture(t, path)
		checkProperties(t, f.input(), Clean(f.title(), f.input(), f.lang()))
	}
}
