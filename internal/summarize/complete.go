package summarize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// complete reports whether s is a whole sentence an editor would print: it
// ends with a sentence mark (before any closing quotes or brackets) and
// leaves no quote or bracket dangling.
func complete(s string, l *language) bool {
	end := strings.TrimRightFunc(s, func(r rune) bool { return unicode.IsSpace(r) || isCloser(r) })
	last, _ := utf8.DecodeLastRuneInString(end)
	if !l.isStop(last) {
		return false
	}
	return balanced(s)
}

// balanced reports whether brackets and guillemets pair up in order and
// double quotes come in pairs. Which curly quote opens depends on the
// language („…“ in Russian and German, “…” in English, ”…” in Swedish), so
// only their number is checked.
func balanced(s string) bool {
	var stack []rune
	quotes := 0
	for _, r := range s {
		switch r {
		case '(', '[', '{', '«':
			stack = append(stack, r)
		case ')', ']', '}', '»':
			if len(stack) == 0 || stack[len(stack)-1] != opener(r) {
				return false
			}
			stack = stack[:len(stack)-1]
		case '"', '“', '”', '„':
			quotes++
		}
	}
	return len(stack) == 0 && quotes%2 == 0
}

func opener(r rune) rune {
	switch r {
	case ')':
		return '('
	case ']':
		return '['
	case '}':
		return '{'
	}
	return '«'
}

// repeatsTitle reports whether s says nothing but the title: the same
// letters and digits, or nearly the same words (a site name added, a word
// changed).
func repeatsTitle(s string, key []rune, titleWords map[string]bool) bool {
	if len(key) == 0 || len(s) > 2*len(string(key))+64 {
		return false // far longer than the title: more than a repeat
	}
	if string(titleKey(s)) == string(key) {
		return true
	}
	words := wordsOf(s)
	if len(words) == 0 || len(titleWords) == 0 {
		return false
	}
	common := 0
	for w := range words {
		if titleWords[w] {
			common++
		}
	}
	union := len(words) + len(titleWords) - common
	return float64(common) >= 0.75*float64(union)
}

// wordsOf is the set of s's words, folded the way titleKey folds letters.
func wordsOf(s string) map[string]bool {
	set := map[string]bool{}
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return !isWordRune(r) && !isMark(r) }) {
		if k := string(titleKey(f)); k != "" {
			set[k] = true
		}
	}
	return set
}
