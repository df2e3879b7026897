package summarize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// titleKey reduces a title to what identifies it when feeds repeat it at the
// start of the text: its letters and digits, lower-cased, without accents.
func titleKey(title string) []rune {
	var key []rune
	for _, r := range title {
		key = appendKey(key, r)
	}
	return key
}

// appendKey appends r's contribution to a comparison key. Accents are dropped
// because feeds differ in precomposed and combining forms, and the Turkish
// dotless and dotted i are folded together because titles are often typed in
// capitals ("ISTANBUL") that lose the distinction.
func appendKey(key []rune, r rune) []rune {
	if r < utf8.RuneSelf {
		if isWordRune(r) {
			key = append(key, unicode.ToLower(r))
		}
		return key
	}
	for _, d := range norm.NFD.String(string(r)) {
		if !isWordRune(d) {
			continue
		}
		d = unicode.ToLower(d)
		if d == 'ı' {
			d = 'i'
		}
		key = append(key, d)
	}
	return key
}

// stripTitle removes a title the sentence starts with, along with the
// separator after it ("Title: Body" or "Title Body" → "Body"). A sentence that
// is nothing but the title becomes empty. The sentence is returned unchanged
// when it does not start with the title, when the title ends inside a word
// ("Apple" in "Apples are ..."), or when the sentence simply goes on
// ("Bitcoin rises again" under the title "Bitcoin rises"): without a separator,
// only a new capitalised start shows that the title was repeated.
func stripTitle(sentence string, key []rune) string {
	matched := 0
	var got []rune
	for i, r := range sentence {
		got = appendKey(got[:0], r)
		for _, g := range got {
			if matched == len(key) || g != key[matched] {
				return sentence
			}
			matched++
		}
		if matched < len(key) {
			continue
		}
		// Combining accents after the last letter belong to it.
		_, size := utf8.DecodeRuneInString(sentence[i:])
		rest := strings.TrimLeftFunc(sentence[i+size:], isMark)
		if next, _ := utf8.DecodeRuneInString(rest); isWordRune(next) {
			return sentence
		}
		body := strings.TrimLeftFunc(rest, isSeparator)
		separated := strings.TrimLeftFunc(rest, unicode.IsSpace) != body
		if first, _ := utf8.DecodeRuneInString(body); !separated && unicode.IsLower(first) {
			return sentence
		}
		return body
	}
	return sentence
}

// isSeparator reports whether r can stand between a title and the text that
// follows it: spaces and the punctuation feeds put there. Opening quotes and
// brackets belong to the text and stay.
func isSeparator(r rune) bool {
	return unicode.IsSpace(r) || strings.ContainsRune(".:;,!?|-–—•·…/", r)
}

func isMark(r rune) bool { return unicode.In(r, unicode.Mn, unicode.Me, unicode.Mc) }
