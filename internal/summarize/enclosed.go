package summarize

import (
	"strings"
	"unicode"
)

// maxNesting bounds the bracket stack, which keeps matching linear on hostile
// input such as a million opening parentheses.
const maxNesting = 32

// closersOf maps an opening bracket or curly quotation mark to the marks that
// close it; straight quotes are read by quoteRoleAt instead. "“" closes „ in
// German and Russian but opens in English, and "‘" likewise closes ‚, so they
// are tried as closers first.
func closersOf(r rune) string {
	switch r {
	case '(':
		return ")"
	case '[':
		return "]"
	case '{':
		return "}"
	case '«':
		return "»"
	case '‹':
		return "›"
	case '“':
		return "”"
	case '„':
		return "“”"
	case '‘':
		return "’"
	case '‚':
		return "‘’"
	case '「':
		return "」"
	case '『':
		return "』"
	case '《':
		return "》"
	case '〈':
		return "〉"
	case '（':
		return "）"
	case '［':
		return "］"
	case '｛':
		return "｝"
	}
	return ""
}

// openMark is a bracket or quotation mark waiting for its closer.
type openMark struct {
	closers string
	at      int
}

// enclosedMask matches brackets and quotation marks in paragraph p. A sentence
// end inside a pair belongs to a quotation or an aside ("«Не видали маму?» —
// ...", "(see p. 4. It ...)"). Unmatched marks protect nothing, so a stray
// quote cannot swallow the rest of a paragraph.
func enclosedMask(p []rune, l *language) marks {
	mt := matcher{p: p, l: l, depth: make([]int, len(p)+1), m: make(marks, len(p))}
	for i := 0; i < len(p); i++ {
		if kind, w := straightQuote(p, i); w > 0 {
			mt.straight(i, kind, w)
			i += w - 1
			continue
		}
		r := p[i]
		if curlyApostrophe(p, i) {
			continue
		}
		if (isCloser(r) || r == '‘') && mt.close(r, i) {
			continue
		}
		if closers := closersOf(r); closers != "" {
			mt.open(closers, i)
		}
	}
	sum := 0
	for i := range p {
		sum += mt.depth[i]
		if sum > 0 {
			mt.m[i] |= markInside
		}
	}
	return mt.m
}

// closeMatching closes the innermost open mark that r closes, dropping the
// unmatched ones opened after it, and returns where the closed one opened.
func closeMatching(stack *[]openMark, r rune) (from int, ok bool) {
	s := *stack
	for k := len(s) - 1; k >= 0; k-- {
		if strings.ContainsRune(s[k].closers, r) {
			*stack = s[:k]
			return s[k].at, true
		}
	}
	return 0, false
}

// curlyApostrophe reports whether the curly single quote at p[i] is an
// apostrophe: inside a word ("it’s", "Cumartesi’ye") or starting one ("’em",
// "’90s", and the "‘90s" of autocorrect).
func curlyApostrophe(p []rune, i int) bool {
	if i+1 >= len(p) || !isWordRune(p[i+1]) {
		return false
	}
	switch p[i] {
	case '’':
		return true
	case '‘':
		return unicode.IsDigit(p[i+1])
	}
	return false
}
