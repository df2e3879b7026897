package filter

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// fold lower-cases s for matching, the same way for rules and for items,
// whatever their language:
//
//   - i, ı, I and İ are one letter. Turkish lower-casing (İ→i, I→ı) would be
//     right for well-formed Turkish, but feeds rarely state their language,
//     detection on a headline is a guess, and Turkish headlines are often
//     upper-cased by software that knows no Turkish ("ISTANBUL" for
//     "İSTANBUL"): a rule "istanbul" must catch them all. The price is that
//     words told apart only by the dot ("sık" and "sik") match each other;
//     a filter that misses is worse than one that catches a rare extra.
//     The cleaner in internal/extract/clean folds them together for the
//     same reason.
//   - ё is е (Russian is mostly written without the dots), final ς is σ, and
//     the Armenian ligature և is եւ, as upper-casing it gives ԵՒ.
//   - runs of white space are one space, so a keyword "human rights"
//     matches across a line break.
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space, last := false, rune(0)
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		if r == '\u0307' && last == 'i' {
			continue // the dot of a decomposed İ
		}
		switch r {
		case 'İ', 'ı', 'I':
			r = 'i'
		case 'ё', 'Ё':
			r = 'е'
		case 'ς':
			r = 'σ'
		case 'և':
			b.WriteString("եւ")
			last = 'ւ'
			continue
		default:
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
		last = r
	}
	return b.String()
}

// foldPattern applies fold's letter equivalences to a regular expression,
// whose (?i) does the rest. Only non-ASCII letters are rewritten, so no
// escape or class name (\S, \p{Lu}) changes meaning.
func foldPattern(p string) string {
	return strings.NewReplacer("İ", "i", "ı", "i", "ё", "е", "Ё", "е", "ς", "σ", "և", "եւ").Replace(p)
}

// isWord reports whether r belongs to a word, in any script: a keyword
// matches only where the text has no more word runes on its sides. RE2's
// \b knows ASCII words only, which would find "art" inside "Армения" (no
// boundary at all) and nothing in Armenian.
func isWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// containsWord reports whether kw (folded) occurs in text (folded) as whole
// words: where kw starts or ends with a word rune, the text must not go on
// with one ("art" is not in "party", "c++" is in "c++20").
func containsWord(text, kw string) bool {
	if kw == "" {
		return false
	}
	first, _ := utf8.DecodeRuneInString(kw)
	lastR, _ := utf8.DecodeLastRuneInString(kw)
	for from := 0; from <= len(text)-len(kw); {
		i := strings.Index(text[from:], kw)
		if i < 0 {
			return false
		}
		start, end := from+i, from+i+len(kw)
		before, _ := utf8.DecodeLastRuneInString(text[:start])
		after, _ := utf8.DecodeRuneInString(text[end:])
		okStart := start == 0 || !isWord(first) || !isWord(before)
		okEnd := end == len(text) || !isWord(lastR) || !isWord(after)
		if okStart && okEnd {
			return true
		}
		_, size := utf8.DecodeRuneInString(text[start:])
		from = start + size
	}
	return false
}
