package summarize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Budget bounds a summary: at most Sentences sentences and Chars runes
// (counting one space between sentences). A zero field takes the default's.
type Budget struct {
	Sentences int
	Chars     int
}

// DefaultBudget is a few sentences, enough to tell what the article is about
// while leaving room in a post for the title, source and link.
var DefaultBudget = Budget{Sentences: 4, Chars: 600}

// longTitleWords is the length from which a title is a cut lede rather
// than a headline ("New Zealand" may well open a lede about New Zealand).
const longTitleWords = 8

// maxTitleBytes bounds the part of a title compared with the text.
const maxTitleBytes = 1024

func (b Budget) orDefault() Budget {
	if b.Sentences <= 0 {
		b.Sentences = DefaultBudget.Sentences
	}
	if b.Chars <= 0 {
		b.Chars = DefaultBudget.Chars
	}
	return b
}

// Summarize returns the lede of text: its leading sentences within the
// budget. News puts the essentials first, so the lede is the summary, and an
// editor would cut it only between sentences: sentences are never cut, and
// the result is nil (the post falls back to its title and link) when the
// first sentence alone is over budget or the text holds no complete one.
//
// Only complete sentences are taken: ending with a sentence mark and with
// their quotes and brackets balanced. Leading fragments (a heading, a
// caption, a dateline without a full stop) are skipped; once the summary has
// started, a fragment ends it, so it never jumps over a gap in the story. A
// sentence that repeats the title, exactly or nearly, is skipped wherever it
// is, and a title the first sentence merely starts with is stripped from it.
func Summarize(title, text, lang string, budget Budget) []string {
	budget = budget.orDefault()
	if len(title) > maxTitleBytes {
		// No real headline is this long; comparing more would only cost.
		title = strings.ToValidUTF8(title[:maxTitleBytes], "")
	}
	l := languageFor(lang)
	sentences := joinDateline(Sentences(text, lang))
	key := titleKey(title)
	titleWords := wordsOf(title)
	var out []string
	used := 0
	for i, s := range sentences {
		if i == 0 && len(key) > 0 {
			s = stripTitle(s, key)
		}
		if !hasWordRune(s) || repeatsTitle(s, key, titleWords) {
			continue
		}
		if len(out) == 0 && len(titleWords) >= longTitleWords && strings.HasPrefix(string(titleKey(s)), string(key)) {
			// A long title that the lede goes on from was cut from the
			// lede: printed under it, the lede would say it twice.
			continue
		}
		if !complete(s, l) {
			if len(out) == 0 {
				continue
			}
			break
		}
		cost := utf8.RuneCountInString(s)
		if len(out) > 0 {
			cost++ // the space before it
		}
		if used+cost > budget.Chars {
			break
		}
		out = append(out, s)
		used += cost
		if len(out) == budget.Sentences {
			break
		}
	}
	return out
}

func hasWordRune(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}
