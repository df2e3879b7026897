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
	// lowerStarts: a lower-case word after a stop may start a sentence, as
	// it does in Turkish typed text and news snippets ("yok. limitsiz",
	// "Okul açıldı... sınavda"), unless an abbreviation or ordinal comes
	// before the stop or a quotation closes after it.
	lowerStarts bool
	// afterNumber are the abbreviations of times and eras that follow a
	// number ("7 p.m.", "44 B.C."); see endsAfterTime.
	afterNumber map[string]bool
	// prepositions open the phrases that endsAfterTime keeps together with
	// the sentence after them; starters are the words that open sentences
	// rather than name someone ("The", "He").
	prepositions, starters map[string]bool
	// placeTitles stand before names ("U.S. President") but also end
	// sentences as nouns ("exports to the U.S. The EU..."): they end one
	// before a starter.
	placeTitles map[string]bool
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
		afterNumber:   wordSet(enAfterNumber),
		prepositions:  wordSet(enPrepositions),
		starters:      wordSet(enStarters),
		placeTitles:   wordSet("u.s u.k"),
		lower:         strings.ToLower,
	},
	"tr": {
		stops:         ".!?…‼⁇⁈⁉",
		titles:        wordSet(trTitles),
		abbreviations: wordSet(trAbbreviations),
		dotOrdinals:   true,
		lowerStarts:   true,
		lower:         func(s string) string { return strings.ToLowerSpecial(unicode.TurkishCase, s) },
	},
	"ru": {
		stops:         ".!?…‼⁇⁈⁉",
		titles:        wordSet(ruTitles),
		abbreviations: wordSet(ruAbbreviations),
		afterNumber:   wordSet(ruAfterNumber),
		prepositions:  wordSet(ruPrepositions),
		starters:      wordSet(ruStarters),
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
