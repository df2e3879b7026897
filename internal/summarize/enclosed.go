package summarize

import "strings"

// maxNesting bounds the bracket stack, which keeps matching linear on hostile
// input such as a million opening parentheses.
const maxNesting = 32

// closersOf maps an opening bracket or quotation mark to the marks that close
// it. "“" closes „ in German and Russian but opens in English, so it is tried
// as a closer first.
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
	case '"':
		return `"`
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

// enclosedMask marks the positions that lie inside a matched pair of brackets
// or quotation marks, up to and including the closing mark: a sentence end
// there belongs to a quotation or an aside ("«Не видали маму?» — ...", "(see
// p. 4. It ...)"). Unmatched marks protect nothing, so a stray quote cannot
// swallow the rest of a paragraph. Apostrophe-like single quotes are left out:
// they are too often apostrophes.
func enclosedMask(p []rune) []bool {
	var stack []openMark
	depth := make([]int, len(p)+1) // difference array of pair coverage
	for i, r := range p {
		if r == '"' && opensQuote(p, i) {
			// A straight quote before a word opens a new quotation even
			// while another one is open: the earlier one was left unclosed.
			if len(stack) < maxNesting {
				stack = append(stack, openMark{`"`, i})
			}
			continue
		}
		if from, ok := closeMatching(&stack, r); ok {
			depth[from+1]++
			depth[i+1]--
			continue
		}
		closers := closersOf(r)
		if closers == "" || len(stack) == maxNesting {
			continue
		}
		if r == '"' {
			continue // it follows a word: a closer, or an inch mark (5" screen)
		}
		stack = append(stack, openMark{closers, i})
	}
	mask := make([]bool, len(p))
	sum := 0
	for i := range p {
		sum += depth[i]
		mask[i] = sum > 0
	}
	return mask
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

// opensQuote reports whether the straight quote at p[i] stands where a word
// starts: after a space, an opening mark or nothing, and before a word.
func opensQuote(p []rune, i int) bool {
	if i > 0 && p[i-1] != ' ' && !isOpener(p[i-1]) {
		return false
	}
	return i+1 < len(p) && isWordRune(p[i+1])
}
