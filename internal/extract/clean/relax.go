package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// relaxSource rewrites the literal letters of a pattern (not those inside
// [...] classes) that have spelling variants into classes of all of them:
//
//   - i, ı, I and İ are one letter: Go's case folding keeps them apart, and
//     Turkish text typed on other keyboards, or case-mapped by the rules of
//     another language, mixes them. The class holds both cases whatever the
//     pattern's (?i) says, which no pattern here needs to tell apart.
//   - a letter with a diacritic also matches its bare letter, as Turkish and
//     Russian are often typed without them ("Paylas", "ещё" as "еще"). The
//     class keeps the letter's case, and (?i) folds it as usual.
//
// Rewriting the source rather than a parsed tree keeps classes such as \pL
// as they are written: printing a parsed tree spells them out rune by rune.
func relaxSource(src string) string {
	var b strings.Builder
	for i := 0; i < len(src); {
		n := syntaxLen(src[i:])
		if n > 0 {
			b.WriteString(src[i : i+n])
			i += n
			continue
		}
		r, size := utf8.DecodeRuneInString(src[i:])
		if set := spellings(r); len(set) > 1 {
			b.WriteByte('[')
			for _, s := range set {
				b.WriteRune(s)
			}
			b.WriteByte(']')
		} else {
			b.WriteString(src[i : i+size])
		}
		i += size
	}
	return b.String()
}

// syntaxLen returns the length of the regexp syntax at the start of s that
// must be copied as it is (an escape, a class, a group's flags, a counted
// repetition), or 0 if s starts with a literal rune.
func syntaxLen(s string) int {
	switch {
	case strings.HasPrefix(s, `\Q`):
		if end := strings.Index(s, `\E`); end >= 0 {
			return end + 2
		}
		return len(s)
	case strings.HasPrefix(s, `\p{`), strings.HasPrefix(s, `\P{`), strings.HasPrefix(s, `\x{`):
		if end := strings.IndexByte(s, '}'); end >= 0 {
			return end + 1
		}
		return len(s)
	case strings.HasPrefix(s, `\p`), strings.HasPrefix(s, `\P`):
		return min(3, len(s))
	case s[0] == '\\':
		_, size := utf8.DecodeRuneInString(s[min(1, len(s)-1):])
		return min(1+size, len(s))
	case s[0] == '[':
		return classLen(s)
	case strings.HasPrefix(s, "(?"):
		// (?i: (?-i: (?P<name> (?i) — up to the ':' '>' or ')' closing it.
		if end := strings.IndexAny(s[2:], ":>)"); end >= 0 {
			return end + 3
		}
		return len(s)
	case s[0] == '{':
		if end := strings.IndexByte(s, '}'); end > 0 && strings.Trim(s[1:end], "0123456789,") == "" {
			return end + 1
		}
	}
	return 0
}

// classLen returns the length of the [...] class at the start of s: a ']'
// first (after an optional '^') is a member, escapes and [:name:] are
// skipped.
func classLen(s string) int {
	i := 1
	if i < len(s) && s[i] == '^' {
		i++
	}
	if i < len(s) && s[i] == ']' {
		i++
	}
	for i < len(s) {
		switch {
		case s[i] == '\\':
			i += syntaxLen(s[i:])
		case strings.HasPrefix(s[i:], "[:"):
			if end := strings.Index(s[i:], ":]"); end >= 0 {
				i += end + 2
			} else {
				i++
			}
		case s[i] == ']':
			return i + 1
		default:
			i++
		}
	}
	return len(s)
}

// spellings is every rune a pattern letter r stands for, r first.
func spellings(r rune) []rune {
	switch r {
	case 'i', 'ı', 'I', 'İ':
		return []rune{'i', 'ı', 'I', 'İ'}
	}
	set := []rune{r}
	if b, ok := bareLetter(r); ok {
		set = append(set, b)
	}
	return set
}

// bareLetter returns the letter under r's diacritics, if r has any.
func bareLetter(r rune) (rune, bool) {
	if r < utf8.RuneSelf {
		return 0, false
	}
	d := norm.NFD.PropertiesString(string(r)).Decomposition()
	if d == nil {
		return 0, false
	}
	rs := []rune(string(d))
	if !unicode.IsLetter(rs[0]) {
		return 0, false
	}
	for _, m := range rs[1:] {
		if !unicode.Is(unicode.Mn, m) {
			return 0, false
		}
	}
	return rs[0], true
}
