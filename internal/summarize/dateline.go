package summarize

import (
	"strings"
	"unicode"
)

// maxDatelineWords bounds a news agency's dateline: place, date, agency.
const maxDatelineWords = 8

// joinDateline keeps an agency dateline with the sentence it opens.
// "МОСКВА, 29 ноября. /ТАСС/." or "ԵՐԵՎԱՆ, ՆՈՅԵՄԲԵՐԻ 29, ԱՐՄԵՆՊՐԵՍ:" end
// with a stop, so the splitter cuts them off, but alone they say nothing:
// the lede is the dateline and the sentence after it.
func joinDateline(sentences []string) []string {
	if len(sentences) < 2 || !isDateline(sentences[0]) {
		return sentences
	}
	return append([]string{sentences[0] + " " + sentences[1]}, sentences[2:]...)
}

// isDateline reports whether s is short and opens with a place name in
// capitals followed by a comma, as datelines do.
func isDateline(s string) bool {
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > maxDatelineWords {
		return false
	}
	place, ok := strings.CutSuffix(words[0], ",")
	if !ok || len([]rune(place)) < 3 {
		return false
	}
	for _, r := range place {
		if !unicode.IsUpper(r) && r != '-' {
			return false
		}
	}
	return true
}
