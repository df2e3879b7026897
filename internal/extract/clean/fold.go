package clean

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// appendKey appends the comparison key of s to dst: its letters and digits,
// compatibility-decomposed and stripped of combining marks (so "é" is "e" and
// the Armenian ligature "և" is "եւ"), lower-cased, with the Turkish dotless ı
// taken as i. Titles and date words are compared on keys, which ignores the
// punctuation, spacing, accents and case that republishing changes.
func appendKey(dst []rune, s string) []rune {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r < utf8.RuneSelf {
			dst = appendKeyRune(dst, r)
		} else if d := norm.NFKD.PropertiesString(s[i : i+size]).Decomposition(); d != nil {
			for _, dr := range string(d) {
				dst = appendKeyRune(dst, dr)
			}
		} else {
			dst = appendKeyRune(dst, r)
		}
		i += size
	}
	return dst
}

func appendKeyRune(dst []rune, r rune) []rune {
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		return dst
	}
	if r == 'ı' {
		return append(dst, 'i')
	}
	return append(dst, unicode.ToLower(r))
}

// keyString is appendKey for lookups in word lists.
func keyString(s string) string {
	return string(appendKey(nil, s))
}
