package clean

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// titleMatcher finds the article's title repeated in its text.
type titleMatcher struct {
	variants [][]rune // keys of the title and of its forms without a site name
	maxWords int      // words in the whole title
	maxBytes int
	minKey   int    // runes in the shortest key
	scratch  []rune // for the keys of paragraphs, reused
}

// titleSeparators split a title or a heading from a site name or a rubric:
// "Quake hits Turkey | Reuters", "SON DAKİKA: Quake ...".
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", ": ", " / ", " · ", " • "}

const (
	// maxExtraWords is the longest site name or rubric next to a title.
	maxExtraWords = 6
	// A title must be this long for near matches and for being stripped from
	// the start of a paragraph: "Iran" must not cut "IranAir" short.
	minFuzzyKey = 10
	// Titles longer than this are compared exactly only.
	maxFuzzyKey = 300
)

func newTitleMatcher(title string) titleMatcher {
	title = trimSpace(title)
	t := titleMatcher{maxWords: countWords(title), maxBytes: len(title)}
	add := func(s string) {
		k := appendKey(nil, s)
		if len(k) > 0 && !slices.ContainsFunc(t.variants, func(v []rune) bool { return slices.Equal(v, k) }) {
			t.variants = append(t.variants, k)
			if t.minKey == 0 || len(k) < t.minKey {
				t.minKey = len(k)
			}
		}
	}
	add(title)
	for _, sep := range titleSeparators {
		if i := strings.LastIndex(title, sep); i > 0 && countWords(title[i:]) <= maxExtraWords && countWords(title[:i]) >= 2 {
			add(title[:i]) // "Quake hits Turkey | Reuters" → "Quake hits Turkey"
		}
		if i := strings.Index(title, sep); i > 0 && countWords(title[:i]) <= 3 && countWords(title[i:]) >= 3 {
			add(title[i+len(sep):]) // "SON DAKİKA: Quake hits Turkey"
		}
	}
	return t
}

// standalone reports whether p is the title, exactly or nearly, perhaps with a
// site name or rubric before or after it.
func (t *titleMatcher) standalone(p string, words int) bool {
	// A paragraph has no more key runes than bytes, and a near match has at
	// least nine tenths of the title's.
	if len(t.variants) == 0 || words > t.maxWords+maxExtraWords || len(p) > 2*t.maxBytes+200 ||
		10*len(p) < 9*t.minKey {
		return false
	}
	if t.matchKey(t.key(p)) {
		return true
	}
	return strings.ContainsAny(p, "|-–—:/·•") && t.splitMatch(p)
}

// nameAfter reports whether rest, what follows the title in a paragraph, is a
// short name separated by a space: "Quake hits Turkey Hürriyet Daily News".
func nameAfter(p, rest string) bool {
	c, _ := utf8.DecodeRuneInString(rest)
	rest = trimLead(rest)
	return unicode.IsSpace(c) && !endsSentence(p) && countWords(rest) <= 3 &&
		looksLikeName(rest) && !strings.ContainsAny(rest, ":՝") && !strings.ContainsFunc(rest, unicode.IsDigit)
}

// splitMatch reports whether p is the title and a short name on either side
// of a separator. Only the first and last few separators are tried.
func (t *titleMatcher) splitMatch(p string) bool {
	var cuts [][2]int
	for _, sep := range titleSeparators {
		for from, n := 0, 0; n < 3; n++ {
			i := strings.Index(p[from:], sep)
			if i < 0 {
				break
			}
			cuts = append(cuts, [2]int{from + i, from + i + len(sep)})
			from += i + len(sep)
		}
		if i := strings.LastIndex(p, sep); i >= 0 {
			cuts = append(cuts, [2]int{i, i + len(sep)})
		}
	}
	for _, c := range cuts {
		head, tail := p[:c[0]], p[c[1]:]
		if countWords(tail) <= maxExtraWords && t.matchKey(t.key(head)) ||
			countWords(head) <= maxExtraWords && t.matchKey(t.key(tail)) {
			return true
		}
	}
	return false
}

// key returns the key of s in the matcher's scratch space, valid until the
// next call.
func (t *titleMatcher) key(s string) []rune {
	t.scratch = appendKey(t.scratch[:0], s)
	return t.scratch
}

// matchKey reports whether k is one of the title's keys or within a tenth of
// one in edit distance.
func (t *titleMatcher) matchKey(k []rune) bool {
	if len(k) == 0 {
		return false
	}
	for _, v := range t.variants {
		if slices.Equal(k, v) {
			return true
		}
		if len(v) >= minFuzzyKey && len(v) <= maxFuzzyKey && similar(k, v) {
			return true
		}
	}
	return false
}

// prefixCut reports whether p starts with the title, exactly on the key, and
// returns where the title ends in p, after any punctuation closing it. Nothing
// is cut when the title is all there is.
func (t *titleMatcher) prefixCut(p string) (int, bool) {
	best := 0
	for _, v := range t.variants {
		if len(v) < minFuzzyKey {
			continue
		}
		if cut := keyPrefixEnd(p, v); cut > best {
			best = cut
		}
	}
	if best == 0 {
		return 0, false
	}
	// Closing punctuation belongs to the title: "Who pays?” By ...".
	for best < len(p) {
		c, size := utf8.DecodeRuneInString(p[best:])
		if !strings.ContainsRune(`?!…"'»”’)`, c) {
			break
		}
		best += size
	}
	return best, best < len(p) && countWords(p[:best]) >= 2
}

// keyPrefixEnd returns the byte offset in p where the key runes of p have
// spelt out key, or 0 if p does not start with key.
func keyPrefixEnd(p string, key []rune) int {
	j := 0
	var buf [8]rune
	for i := 0; i < len(p); {
		_, size := utf8.DecodeRuneInString(p[i:])
		for _, k := range appendKey(buf[:0], p[i:i+size]) {
			if j == len(key) || k != key[j] {
				return 0
			}
			j++
		}
		i += size
		if j == len(key) {
			return i
		}
	}
	return 0
}
