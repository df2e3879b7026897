package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// countWords counts the space-separated words of s without allocating.
func countWords(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); {
		var space bool
		if c := s[i]; c < utf8.RuneSelf {
			space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f'
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += size
		}
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}

// leadNoise is what may sit between a stripped prefix and the text after it:
// spaces and the separators sites put between a title, a byline and the lede.
const leadNoise = "|–—-:·•/,;"

// trimLead drops spaces and separators from the start of s. Brackets stay:
// "(Reuters) -" opens a lede.
func trimLead(s string) string {
	return strings.TrimLeftFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(leadNoise, r)
	})
}

// endsSentence reports whether s ends like a sentence rather than a heading.
func endsSentence(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s, `"'»”’)`))
	switch r {
	case '.', '!', '?', '…', '։', '؟':
		return true
	}
	return false
}
