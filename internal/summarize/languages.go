package summarize

import (
	"strings"
	"unicode"
)

// language is what the splitter knows about one language's punctuation and
// abbreviations. Abbreviation keys are lower-cased, without the final dot.
type language struct {
	// stops are the runes that can end a sentence.
	stops string
	// titles never end a sentence in practice: they stand before a name or a
	// number ("Dr.", "Prof.", "г.", "e.g.").
	titles map[string]bool
	// abbreviations may end a sentence ("etc.", "B.C."): a capitalised word
	// after one starts a new sentence, a number or lower-case word does not.
	abbreviations map[string]bool
	// dotOrdinals: a number of up to three digits or a Roman numeral with a
	// dot is an ordinal ("156. sıradan", "2. Dünya Savaşı", "II. Abdülhamid"),
	// whatever follows.
	dotOrdinals bool
	// pronounI: a lone "I." is the pronoun after a lower-case word ("you and
	// I. Then") and an initial after a capitalised one ("Albert I. Jones").
	pronounI bool
	// lower lower-cases with the language's rules (Turkish dotted and dotless i).
	lower func(string) string
}

// languages is read-only after initialisation. Unknown languages get English
// rules: Latin punctuation is the most common fallback in feeds.
var languages = map[string]*language{
	"en": {
		stops:         ".!?…‼⁇⁈⁉",
		titles:        wordSet(enTitles),
		abbreviations: wordSet(enAbbreviations),
		pronounI:      true,
		lower:         strings.ToLower,
	},
	"tr": {
		stops:         ".!?…‼⁇⁈⁉",
		titles:        wordSet(trTitles),
		abbreviations: wordSet(trAbbreviations),
		dotOrdinals:   true,
		lower:         func(s string) string { return strings.ToLowerSpecial(unicode.TurkishCase, s) },
	},
	"ru": {
		stops:         ".!?…‼⁇⁈⁉",
		titles:        wordSet(ruTitles),
		abbreviations: wordSet(ruAbbreviations),
		lower:         strings.ToLower,
	},
	// Armenian ends sentences with the full stop "։", often typed as the
	// look-alike ":", while "." is a colon-like pause (միջակետ), not an end.
	// The question and exclamation marks sit on a vowel inside the word.
	"hy": {
		stops: "։:!?…",
		lower: strings.ToLower,
	},
}

// languageFor returns the rules for a language tag such as "en", "tr-TR" or
// "RU"; the region is ignored.
func languageFor(tag string) *language {
	base, _, _ := strings.Cut(strings.ToLower(tag), "-")
	base, _, _ = strings.Cut(base, "_")
	if l, ok := languages[base]; ok {
		return l
	}
	return languages["en"]
}

func (l *language) isStop(r rune) bool { return strings.ContainsRune(l.stops, r) }

func wordSet(list string) map[string]bool {
	set := make(map[string]bool)
	for _, w := range strings.Fields(list) {
		set[w] = true
	}
	return set
}
