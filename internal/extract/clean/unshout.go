package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// minShoutedRunes is the length from which a word in capitals is a name
// written in capitals ("ԱՐՄԵՆՊՐԵՍ", "REUTERS") rather than an acronym ("ТАСС",
// "AFP", "NATO"), which stays as it is.
const minShoutedRunes = 5

// unshout writes the words of an origin that datelines put in capitals the
// way the outlet writes its name: "ԱՐՄԵՆՊՐԵՍ" becomes "Արմենպրես", "ANADOLU
// AJANSI" (Turkish) "Anadolu Ajansı". Words with anything but letters, and
// acronyms, are kept.
func unshout(origin, lang string) string {
	words := strings.Fields(origin)
	changed := false
	for i, w := range words {
		if utf8.RuneCountInString(w) < minShoutedRunes || !allUpperLetters(w) {
			continue
		}
		first, size := utf8.DecodeRuneInString(w)
		rest := w[size:]
		if strings.HasPrefix(strings.ToLower(lang), "tr") {
			rest = strings.ToLowerSpecial(unicode.TurkishCase, rest)
		} else {
			rest = strings.ToLower(rest)
		}
		words[i], changed = string(first)+rest, true
	}
	if !changed {
		return origin
	}
	return strings.Join(words, " ")
}

func allUpperLetters(w string) bool {
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}
