package summarize

import (
	"strings"
	"unicode"
)

// maxToken bounds how far the splitter looks back or ahead around a dot, which
// keeps it linear on hostile input such as a megabyte without spaces.
const maxToken = 64

// endsSentence decides whether ending e, which starts with the stop p[i] in the
// sentence that started at p[start], ends that sentence.
func endsSentence(p []rune, start, i int, e ending, l *language) bool {
	next := e.end
	switch {
	case p[next] == ' ':
		next++
	case !missingSpace(p, i, e, l):
		return false
	}
	s := startAt(p, next)
	if s == startNone {
		return false
	}
	if e.ellipsis && l.pronounI && isWord(p, next, "I") {
		// "I thought... I would go": the speaker trails off and goes on.
		return false
	}
	if !e.singleDot || e.closed {
		return true
	}
	switch l.classify(p, start, i) {
	case wordTitle, wordInitial, wordOrdinal, wordListMarker:
		return false
	case wordAbbreviation:
		// "B.C. Augustus", "Ph.D. The", but "Jan. 5", "p.m. PDT".
		return s == startCapitalised
	}
	return true
}

// missingSpace reports whether a dot without a space after it still ends a
// sentence, as in "world.Today" or "1,000.That" from careless feeds: a
// lower-case letter or digit before and a capitalised word of letters after,
// outside addresses like "Jane.Doe@example.com" or "www.Example.com" and
// notations like "7.Bg5".
func missingSpace(p []rune, i int, e ending, l *language) bool {
	n := e.end
	if !e.singleDot || e.closed || !l.isStop('.') || i == 0 || n+1 >= len(p) {
		return false
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
	return !looksLikeAddress(tokenAround(p, i))
}

// tokenAround returns the run of non-space runes around p[i], at most maxToken
// runes on either side.
func tokenAround(p []rune, i int) string {
	from, to := i, i
	for from > 0 && p[from-1] != ' ' && i-from < maxToken {
		from--
	}
	for to < len(p) && p[to] != ' ' && to-i < maxToken {
		to++
	}
	return string(p[from:to])
}

func looksLikeAddress(token string) bool {
	return strings.ContainsAny(token, "@/\\") || strings.Contains(strings.ToLower(token), "www.")
}

// startKind classifies what follows a possible sentence end.
type startKind int

const (
	startNone        startKind = iota // lower case, punctuation: no new sentence
	startCapitalised                  // "The", "I", or a letter of a script without case
	startUpper                        // an all-capitals word: "PDT", "NATO"
	startDigit                        // "7 a.m. is ..."
	startSymbol                       // "$5", "#tag", emoji
)

// startAt classifies the word at p[k], after any opening quotes, brackets and
// dialogue dashes.
func startAt(p []rune, k int) startKind {
	for limit := k + 8; k < len(p) && k < limit && (isOpener(p[k]) || p[k] == ' '); k++ {
	}
	if k >= len(p) {
		return startNone
	}
	r := p[k]
	switch {
	case unicode.IsLower(r):
		return startNone
	case unicode.IsUpper(r) || unicode.IsTitle(r):
		if k+1 < len(p) && unicode.IsUpper(p[k+1]) ||
			k+2 < len(p) && p[k+1] == '.' && unicode.IsUpper(p[k+2]) { // "P.D.T."
			return startUpper
		}
		return startCapitalised
	case unicode.IsLetter(r):
		return startCapitalised
	case unicode.IsDigit(r):
		return startDigit
	case unicode.IsSymbol(r) || r == '#' || r == '@':
		return startSymbol
	}
	return startNone
}

// isWord reports whether the word at p[k] is w.
func isWord(p []rune, k int, w string) bool {
	for _, r := range w {
		if k >= len(p) || p[k] != r {
			return false
		}
		k++
	}
	return k == len(p) || !unicode.IsLetter(p[k])
}
