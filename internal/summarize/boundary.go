package summarize

import "unicode"

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
	if s == startNone || s == startLower && (!l.lowerStarts || e.closed) {
		// Even where lower-case starts are common, a lower-case word after
		// a quotation is its speech tag: "«Geldim.» dedi".
		return false
	}
	if e.ellipsis && l.pronounI && isWord(p, next, "I") {
		// "I thought... I would go": the speaker trails off and goes on.
		return false
	}
	if !e.singleDot || e.closed {
		return true
	}
	w := l.classify(p, start, i)
	switch w.kind {
	case wordTitle:
		switch {
		case l.afterNumber[w.key] && numberBefore(p, start, w.from):
			// Russian "г." after a year ("в 1959 г. Сегодня") is the
			// year's abbreviation, which may end a sentence; before a
			// name ("г. Москва") it stands for the city and does not.
			return l.endsAfterTime(p, start, w.from, next, s)
		case l.placeTitles[w.key] && s == startCapitalised && l.starters[l.lower(wordAt(p, next))]:
			// "the U.S. The EU came second": "U.S." is a title before a
			// name ("U.S. President"), not before "The".
			return true
		}
		return false
	case wordInitial, wordOrdinal, wordListMarker:
		return false
	case wordAbbreviation:
		switch {
		case s == startLower:
			return false
		case l.afterNumber[w.key] && numberBefore(p, start, w.from):
			return l.endsAfterTime(p, start, w.from, next, s)
		}
		// "B.C. Augustus", "Ph.D. The", but "Jan. 5", "p.m. PDT".
		return s == startCapitalised
	}
	// Before a lower-case word, a number is more likely a date or an ordinal
	// and an acronym ("AKP. ve") an abbreviation.
	return s != startLower || hasLower(p[w.from:i])
}

func hasLower(w []rune) bool {
	for _, r := range w {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// startKind classifies what follows a possible sentence end.
type startKind int

const (
	startNone        startKind = iota // punctuation: no new sentence
	startLower                        // a lower-case word: only where sentences start so
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
		return startLower
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
