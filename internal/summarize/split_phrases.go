package summarize

import "unicode"

// Limits of an opening phrase such as "On the day they all left at 6 a.m.":
// a phrase longer than this is a sentence of its own.
const (
	maxPhraseWords = 12
	maxPhraseRunes = 120
)

// endsAfterTime decides whether a time or an era that closes a number ("7
// p.m.", "44 B.C."), followed by the start of kind s at p[next], ends the
// sentence. A number after it does: times do not run into numbers ("7 a.m.
// is before 7 p.m. 7 a.m. is ..."). A capitalised word does too, unless all
// before the time is an opening phrase and the word is a name rather than a
// word that opens sentences: "At 5 a.m. Mr. Smith went" is one sentence, "At
// 6 a.m. The birds sing" and "He left at 6 p.m. Mr. Smith then went" are two.
func (l *language) endsAfterTime(p []rune, start, from, next int, s startKind) bool {
	switch s {
	case startDigit:
		return true
	case startCapitalised:
		return !l.openingPhrase(p, start, from) || l.starters[l.lower(wordAt(p, next))]
	}
	return false
}

// openingPhrase reports whether the sentence from p[start] up to p[from], or
// its last clause after ":" or ";", is a short phrase that starts with a
// preposition ("At 5", "In 44", "He noted: In 44").
func (l *language) openingPhrase(p []rune, start, from int) bool {
	if len(l.prepositions) == 0 {
		return false
	}
	k, words := from, 0
	// A clause ends at ":" or ";" before a space, not inside "9:00".
	for k > start && !(p[k] == ' ' && (p[k-1] == ':' || p[k-1] == ';')) {
		k--
		if p[k] == ' ' {
			words++
		}
		if words > maxPhraseWords || from-k > maxPhraseRunes {
			return false
		}
	}
	return l.prepositions[l.lower(wordAt(p, k))]
}

// numberBefore reports whether the word before the one at p[from] starts with
// a digit, as "5" in "5 a.m." and "9:00" in "9:00 P.M." do.
func numberBefore(p []rune, start, from int) bool {
	k := from - 1
	if k <= start || p[k] != ' ' {
		return false
	}
	for k > start && p[k-1] != ' ' && from-k < maxToken {
		k--
	}
	return unicode.IsDigit(p[k])
}

// wordAt returns the word of letters at p[k], after any spaces, opening quotes
// and brackets.
func wordAt(p []rune, k int) string {
	for limit := k + 8; k < len(p) && k < limit && (isOpener(p[k]) || p[k] == ' '); k++ {
	}
	end := k
	for end < len(p) && unicode.IsLetter(p[end]) && end-k < maxToken {
		end++
	}
	return string(p[k:end])
}
