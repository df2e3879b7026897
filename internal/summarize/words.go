package summarize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// wordKind is what the word before a dot tells about that dot.
type wordKind int

const (
	wordPlain        wordKind = iota // an ordinary word: the dot ends a sentence
	wordTitle                        // "Dr.", "e.g.": never ends one
	wordAbbreviation                 // "etc.", "B.C.", "lb.": ends one before a capitalised word
	wordInitial                      // "J.", "Л.Н.": part of a name
	wordOrdinal                      // Turkish "156."
	wordListMarker                   // "1." or "a." opening a paragraph
)

// word is the word a dot closes, as classify found it.
type word struct {
	kind wordKind
	key  string // lower-cased, without the final dot
	from int    // where the word starts in the paragraph
}

// classify looks at the word that the dot at p[i] closes, within the sentence
// that started at p[start]. A dot standing alone after a space, as in
// tokenised text ("Mr . Smith"), closes the word before the space; in a word
// joined by slashes ("Route 171/U.S . Highway") it closes the last part.
func (l *language) classify(p []rune, start, i int) word {
	end := i
	if end > start && p[end-1] == ' ' {
		end--
	}
	from := end
	for from > start && p[from-1] != ' ' {
		if end-from >= maxToken {
			return word{kind: wordPlain, from: from}
		}
		from--
	}
	for from < end && isOpener(p[from]) {
		from++
	}
	for k := end - 1; k > from; k-- {
		if p[k] == '/' {
			if k+1 < end {
				from = k + 1
			}
			break
		}
	}
	w := p[from:end]
	key := l.lower(string(w))
	return word{kind: l.kindOf(w, key, p, start, from), key: key, from: from}
}

// kindOf classifies the word w (lower-cased: key) that starts at p[from].
func (l *language) kindOf(w []rune, key string, p []rune, start, from int) wordKind {
	if len(w) == 0 {
		return wordPlain
	}
	switch {
	case from == 0 && len(w) <= 3 && (isNumber(w) || len(w) == 1 && unicode.IsLetter(w[0])):
		return wordListMarker
	case l.titles[key]:
		return wordTitle
	case l.abbreviations[key]:
		return wordAbbreviation
	case l.titles[lastPart(key)]:
		// Titles run together without spaces: "vek.Av.Hasan".
		return wordTitle
	case len(w) == 1 && unicode.IsUpper(w[0]):
		if l.pronounI && w[0] == 'I' && !capitalisedBefore(p, start, from) {
			return wordPlain
		}
		return wordInitial
	case len(w) == 1 && unicode.IsLetter(w[0]):
		return wordAbbreviation // "p. 55", "a. m."
	case strings.ContainsRune(key, '.'):
		if initials(w) {
			return wordInitial
		}
		return wordAbbreviation // "Ph.D", "куб.м", "example.com"
	case l.dotOrdinals && (len(w) <= 3 && isNumber(w) || isRoman(w)):
		return wordOrdinal
	}
	return wordPlain
}

// lastPart returns what follows the last dot in key when that is a word of
// two letters or more, and "" otherwise: a single letter after a dot is the
// end of an abbreviation such as "т.д" or "e.g", not a title.
func lastPart(key string) string {
	k := strings.LastIndexByte(key, '.')
	if k < 0 || utf8.RuneCountInString(key[k+1:]) < 2 {
		return ""
	}
	return key[k+1:]
}

// capitalisedBefore reports whether the word before p[from] is capitalised, as
// a first name before an initial is ("Albert I. Jones").
func capitalisedBefore(p []rune, start, from int) bool {
	k := from - 1 // the space before the word
	if k <= start {
		return false
	}
	for k > start && p[k-1] != ' ' && from-k < maxToken {
		k--
	}
	return unicode.IsUpper(p[k])
}

// initials reports whether w is dotted single capitals, "J.R.R" or "Л.Н".
func initials(w []rune) bool {
	for i, r := range w {
		if i%2 == 0 && !unicode.IsUpper(r) || i%2 == 1 && r != '.' {
			return false
		}
	}
	return true
}

func isNumber(w []rune) bool {
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return len(w) > 0
}

// isRoman reports whether w is a Roman numeral as ordinals use them (I to XXXIX).
func isRoman(w []rune) bool {
	if len(w) == 0 || len(w) > 6 {
		return false
	}
	for _, r := range w {
		if r != 'I' && r != 'V' && r != 'X' {
			return false
		}
	}
	return true
}
