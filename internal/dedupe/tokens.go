package dedupe

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// tokens lists the words of s, case-folded and without accents, so copies
// that differ in typography (quotes, dashes, capitals, precomposed or
// combining accents, Turkish dotted and dotless i) still agree. max > 0
// stops after that many words.
func tokens(s string, max int) []string {
	var out []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			out = append(out, b.String())
			b.Reset()
		}
	}
	if max > 0 && len(s) > 64*max {
		// Words are rarely longer than 64 bytes: normalise only the head.
		s = strings.ToValidUTF8(s[:64*max], "")
	}
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			// accents: dropped
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			r = unicode.ToLower(r)
			if r == 'ı' {
				r = 'i'
			}
			b.WriteRune(r)
		case r == '\'' || r == '’':
			// "Erdoğan'ın" and "Erdoğan’ın" are one word
		default:
			flush()
			if max > 0 && len(out) >= max {
				return out
			}
		}
	}
	flush()
	if max > 0 && len(out) > max {
		out = out[:max]
	}
	return out
}
