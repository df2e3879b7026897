package clean

import (
	"regexp/syntax"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// requiredWords returns literals one of which every match of re contains, in
// skeleton form (see skeleton), or nil if re requires none worth checking.
// Looking for them in a paragraph's skeleton is much cheaper than running
// the pattern: "Follow us on" or "Все права защищены" are absent from almost
// every paragraph. It must run on the pattern as written, before relax
// splits its literals into classes.
func requiredWords(re *syntax.Regexp) []string {
	if set := required(re); weight(set) >= 2 {
		return set
	}
	return nil
}

func required(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		if w := skeleton(string(re.Rune)); w != "" {
			return []string{w}
		}
	case syntax.OpCapture, syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min > 0 {
			return required(re.Sub[0])
		}
	case syntax.OpConcat:
		// The most selective part.
		var best []string
		for _, sub := range re.Sub {
			if set := required(sub); set != nil && (best == nil || weight(set) > weight(best)) {
				best = set
			}
		}
		return best
	case syntax.OpAlternate:
		var all []string
		for _, sub := range re.Sub {
			set := required(sub)
			if set == nil {
				return nil
			}
			all = append(all, set...)
		}
		slices.Sort(all)
		return slices.Compact(all)
	}
	return nil
}

// weight is how selective looking for set is: the length of its shortest
// literal, one more for a literal without letters ("/" is rarer than "a").
func weight(set []string) int {
	n := -1
	for _, w := range set {
		l := len(w)
		if !strings.ContainsFunc(w, unicode.IsLetter) {
			l++
		}
		if n < 0 || l < n {
			n = l
		}
	}
	return n
}

// foundCache keeps which literals occur in the last text asked about: the
// rules tried on one paragraph share it.
type foundCache struct {
	index *literalIndex
	text  string
	found []uint64
	ok    bool
}

func (c *foundCache) of(s string) []uint64 {
	// Comparing a string with itself returns at once: both point to the
	// same bytes.
	if !c.ok || c.text != s {
		c.text, c.found, c.ok = s, c.index.scan(skeleton(s), c.found), true
	}
	return c.found
}

// skeleton lower-cases s, compatibility-decomposes it, drops combining marks
// and takes ı as i: every spelling a relaxed pattern accepts has the same
// skeleton as the pattern's own literal.
func skeleton(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if d := norm.NFKD.PropertiesString(s[i : i+size]).Decomposition(); d != nil {
			for _, dr := range string(d) {
				writeSkeletonRune(&b, dr)
			}
		} else {
			writeSkeletonRune(&b, r)
		}
		i += size
	}
	return b.String()
}

func writeSkeletonRune(b *strings.Builder, r rune) {
	switch {
	case unicode.Is(unicode.Mn, r):
	case r == 'ı':
		b.WriteByte('i')
	default:
		b.WriteRune(unicode.ToLower(r))
	}
}
