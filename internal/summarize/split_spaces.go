package summarize

import (
	"strings"
	"unicode"
)

// missingSpace reports whether a dot without a space after it still ends a
// sentence, as in "world.Today" or "1,000.That" from careless feeds: a
// lower-case letter or digit before and a capitalised word of letters after,
// outside addresses like "Jane.Doe@example.com" or "www.Example.com" and
// notations like "7.Bg5". Where lower-case sentence starts are common, a
// lower-case word may follow too (see missingSpaceLower).
func missingSpace(p []rune, i int, e ending, l *language) bool {
	n := e.end
	if !e.singleDot || e.closed || !l.isStop('.') || i == 0 || n+1 >= len(p) {
		return false
	}
	if l.lowerStarts && unicode.IsLower(p[n]) {
		return missingSpaceLower(p, i, n)
	}
	if !unicode.IsUpper(p[n]) || !unicode.IsLower(p[n+1]) {
		return false
	}
	if prev := p[i-1]; !unicode.IsLower(prev) && !unicode.IsDigit(prev) {
		return false
	}
	for k := n; k < len(p) && p[k] != ' ' && k-n < maxToken; k++ {
		if unicode.IsDigit(p[k]) {
			return false
		}
	}
	return !inAddress(p, i)
}

// webSuffixes is read-only after initialisation.
var webSuffixes = wordSet(webSuffixList)

// missingSpaceLower reports whether the dot at p[i], followed by the
// lower-case p[n], ends a sentence as in "trafik vardı.değil mi?": a word of
// letters on either side, the first dot of its token, and the second word
// not a domain or file-name ending ("haber.com", "rapor.pdf").
func missingSpaceLower(p []rune, i, n int) bool {
	if !unicode.IsLower(p[i-1]) {
		return false // "HUMK.nun": a suffix after an acronym
	}
	from := i
	for from > 0 && p[from-1] != ' ' && i-from < maxToken {
		if !unicode.IsLetter(p[from-1]) {
			return false
		}
		from--
	}
	to := n
	for to < len(p) && unicode.IsLetter(p[to]) && to-n < maxToken {
		to++
	}
	if i-from < 2 || to-n < 2 {
		return false
	}
	if to < len(p) && (isWordRune(p[to]) || p[to] == '.' && to+1 < len(p) && p[to+1] != ' ') {
		return false // "v2.beta3", "haber.com.tr"
	}
	return !webSuffixes[strings.ToLower(string(p[n:to]))] && !inAddress(p, i)
}

// inAddress reports whether p[i] lies in an address: the run of non-space
// runes around it, at most maxToken runes on either side, holds "@", a slash
// or "www.". It reads the runes in place, as it runs at every dot.
func inAddress(p []rune, i int) bool {
	from, to := i, i
	for from > 0 && p[from-1] != ' ' && i-from < maxToken {
		from--
	}
	for to < len(p) && p[to] != ' ' && to-i < maxToken {
		to++
	}
	for k := from; k < to; k++ {
		switch p[k] {
		case '@', '/', '\\':
			return true
		case '.':
			if k-from >= 3 && unicode.ToLower(p[k-3]) == 'w' && unicode.ToLower(p[k-2]) == 'w' && unicode.ToLower(p[k-1]) == 'w' {
				return true
			}
		}
	}
	return false
}
