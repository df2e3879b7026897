package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// minStoryWords is the fewest words of story text that gluedPrefix splits
// from the noise glued before it.
const minStoryWords = 3

// gluedPrefix finds a byline, date, caption or language marker run into the
// story without a space ("Photo: AFPFarmers parked ...", "Reuters StaffAn
// earthquake ..."). It is tried before the whole-paragraph rules, whose
// patterns would take such a paragraph for a long caption or byline. The
// title is left to prefix, which needs no rule to end it.
func (r *run) gluedPrefix(p string, cuts []cutPoint) (int, match, bool) {
	for _, c := range cuts {
		if c.newline || countWords(p[c.at:]) < minStoryWords {
			continue
		}
		pre := trimSpace(p[:c.at])
		if pre == "" || endsInParticle(pre) {
			continue
		}
		if m, ok := r.whole(pre); ok && strippable(m.kind) && m.kind != kindTitle {
			return c.at, m, true
		}
	}
	return 0, match{}, false
}

// strippable are the kinds of boilerplate that may open a story paragraph.
func strippable(kind string) bool {
	switch kind {
	case kindTitle, kindByline, kindDate, kindCaption, kindLanguage:
		return true
	}
	return false
}

// noise reports whether rest, what follows a prefix, shows that the prefix
// was boilerplate: rest is boilerplate itself, or opens with a dateline.
func (r *run) noise(rest string) bool {
	rest = trimLead(rest)
	if rest == "" {
		return false
	}
	if _, ok := r.whole(rest); ok {
		return true
	}
	_, ok := r.dateline(rest)
	return ok
}

// glued reports whether rest starts right after the previous word with no
// space, with a capital or a digit: "Quake hits TurkeyBy Jane Doe".
func glued(rest string) bool {
	c, _ := utf8.DecodeRuneInString(rest)
	return (unicode.IsUpper(c) || unicode.IsDigit(c)) && rest != ""
}

// caseClass is what cutPoints needs to know of a rune.
type caseClass uint8

const (
	other caseClass = iota
	lower
	upper
	digit
	closing // ')'
)

// asciiClass is the class of each ASCII byte: a table lookup is all the
// common case costs.
var asciiClass = func() (t [utf8.RuneSelf]caseClass) {
	for c := range t {
		switch {
		case 'a' <= c && c <= 'z':
			t[c] = lower
		case 'A' <= c && c <= 'Z':
			t[c] = upper
		case '0' <= c && c <= '9':
			t[c] = digit
		case c == ')':
			t[c] = closing
		}
	}
	return t
}()

// classify returns the class of the rune at the start of s and its size.
func classify(s string) (caseClass, int) {
	if c := s[0]; c < utf8.RuneSelf {
		return asciiClass[c], 1
	}
	r, size := utf8.DecodeRuneInString(s)
	switch {
	case unicode.IsLower(r):
		return lower, size
	case unicode.IsUpper(r):
		return upper, size
	case unicode.IsDigit(r):
		return digit, size
	}
	return other, size
}

type cutPoint struct {
	at      int
	newline bool
}

// Glued prefixes are looked for near the start only, and only a few of them,
// which keeps a paragraph's cost independent of how odd its text is.
const (
	cutWindow = 240
	maxCuts   = 8
)

// cutPoints returns where a prefix may end, the longest first: after a line
// break, or where a word runs into a capital or digit without a space
// ("StaffAn", "Doe29", "AFPThe"; "McDonald" too, which is why a prefix must
// also match a rule).
func cutPoints(p string) []cutPoint {
	cuts := make([]cutPoint, 0, maxCuts)
	limit := min(len(p), cutWindow)
	var prev, prev2 caseClass
	prevNewline := false
	for i := 0; i < limit; {
		c, size := classify(p[i:])
		switch {
		case prevNewline:
			cuts = append(cuts, cutPoint{at: i, newline: true})
		case prev == lower && (c == upper || c == digit), (prev == digit || prev == closing) && c == upper:
			cuts = append(cuts, cutPoint{at: i})
		case prev2 == upper && prev == upper && c == lower:
			// "AFPThe": the cut is before the last capital of the run.
			_, psize := utf8.DecodeLastRuneInString(p[:i])
			cuts = append(cuts, cutPoint{at: i - psize})
		}
		prevNewline = p[i] == '\n'
		prev2, prev = prev, c
		i += size
		if len(cuts) == maxCuts {
			break
		}
	}
	// Longest first: "By Jane McDonald, Reuters Staff" must not stop at "Mc".
	for i, j := 0, len(cuts)-1; i < j; i, j = i+1, j-1 {
		cuts[i], cuts[j] = cuts[j], cuts[i]
	}
	return cuts
}

// nameParticles open surnames written in camel case: a cut after one
// ("By Friday, Mc|Donald's had ...") splits a name, not a byline from a
// sentence.
var nameParticles = map[string]bool{
	"mc": true, "mac": true, "de": true, "di": true, "da": true, "du": true, "la": true,
	"le": true, "van": true, "von": true, "al": true, "el": true, "o'": true, "o’": true, "d'": true,
}

// endsInParticle reports whether pre ends in a name particle or a single
// letter, where no glued prefix ends.
func endsInParticle(pre string) bool {
	last := pre[strings.LastIndexFunc(pre, unicode.IsSpace)+1:]
	return nameParticles[strings.ToLower(last)] || utf8.RuneCountInString(last) < 2
}
