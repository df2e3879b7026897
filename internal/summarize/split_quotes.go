package summarize

import (
	"strings"
	"unicode"
)

// Straight quotation marks look the same at both ends of a quotation, and the
// single one doubles as the apostrophe, so what a mark does is read from its
// neighbours. Tokenised text also sets them between spaces ("as a ' Maistre
// Boursier . ' He published"), where the neighbours say nothing and the
// sentences around the mark have to decide.

// maxLookahead bounds how far a mark between spaces looks for its partner,
// which keeps matching linear on hostile input.
const maxLookahead = 400

// quoteRole is what a straight quotation mark does where it stands.
type quoteRole int

const (
	quoteNone      quoteRole = iota // part of a word: "they'll", "5'10", "the '80s", "Walter 's"
	quoteOpen                       // before a word: "'Gosh", or first in the paragraph
	quoteClose                      // after a word or a stop: "it.'", "sir,'"
	quoteEither                     // between spaces mid-sentence: closes an open one, if any
	quoteAfterStop                  // between spaces right after a stop: see enclosedMask
)

// straightQuote returns the kind and width of a straight quotation mark at
// p[i], or width 0. Tokenised text writes a double quote as two backticks or
// two apostrophes, so such a pair counts as one double mark.
func straightQuote(p []rune, i int) (kind rune, width int) {
	switch r := p[i]; r {
	case '"':
		return '"', 1
	case '\'', '`':
		if i+1 < len(p) && p[i+1] == r {
			return '"', 2
		}
		return '\'', 1
	}
	return 0, 0
}

// quoteRoleAt classifies the straight quotation mark of width w at p[i]. A
// backtick only ever opens: it stands for "‘" in plain-text typography.
func quoteRoleAt(p []rune, i, w int, l *language) quoteRole {
	if p[i] == '`' {
		return quoteOpen
	}
	before, after := ' ', ' ' // the paragraph's edges count as spaces
	if i > 0 {
		before = p[i-1]
	}
	if i+w < len(p) {
		after = p[i+w]
	}
	switch {
	case before == ' ' && after == ' ':
		return standaloneRole(p, i, w, l)
	case isWordRune(before) && isWordRune(after):
		return quoteNone
	case before == ' ' || isOpener(before):
		if !isWordRune(after) {
			return quoteEither // "' ..." and the like: no word to tell
		}
		if p[i] == '\'' && (!unicode.IsLetter(after) || elision(p, i+1)) {
			return quoteNone // "the '80s", "get 'em", tokenised "Walter 's"
		}
		return quoteOpen
	}
	return quoteClose
}

// elisions are the words an apostrophe starts: clitics that tokenised text
// splits off ("Walter 's", "they 're") and old elisions ("'em", "'twas").
// Read-only after initialisation.
var elisions = wordSet(`s t d m ll re ve em tis twas til cause n`)

// elision reports whether the word of letters at p[k] is one of elisions.
func elision(p []rune, k int) bool {
	end := k
	for end < len(p) && unicode.IsLetter(p[end]) && end-k < 6 {
		end++
	}
	return elisions[strings.ToLower(string(p[k:end]))]
}

// standaloneRole classifies a mark with spaces on both sides. After a closing
// mark ("painting.' ' It's") it cannot close again, so it opens.
func standaloneRole(p []rune, i, w int, l *language) quoteRole {
	switch {
	case i == 0:
		return quoteOpen
	case i+w == len(p):
		return quoteClose
	case i >= 2 && l.isStop(p[i-2]):
		return quoteAfterStop
	case i >= 2 && isCloser(p[i-2]):
		return quoteOpen
	}
	return quoteEither
}

// quotedAhead reports whether a mark of the given kind that can close a
// quotation comes before the sentence starting at p[j] ends, or right after
// its stop. A mark between spaces just before p[j] then opens that quotation
// ("eh, boy? ' he said" closes "doors. ' Guess you could eat") instead of
// closing the sentence before it ("went through. ' The milkman gave him").
func quotedAhead(p []rune, j int, kind rune, l *language) bool {
	// closes reports whether a mark at p[k] could close the quotation, and
	// how many runes it takes.
	closes := func(k int) (bool, int) {
		q, w := straightQuote(p, k)
		if w == 0 {
			return false, 1
		}
		role := quoteRoleAt(p, k, w, l)
		return q == kind && role != quoteNone && role != quoteOpen, w
	}
	for k := j; k < len(p) && k-j < maxLookahead; {
		if ok, w := closes(k); ok {
			return true
		} else if !l.isStop(p[k]) {
			k += w
			continue
		}
		for k < len(p) && l.isStop(p[k]) {
			k++
		}
		if k < len(p) && p[k] == ' ' {
			k++
		}
		ok := false
		if k < len(p) {
			ok, _ = closes(k)
		}
		return ok
	}
	return false
}
