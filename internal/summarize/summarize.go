package summarize

import (
	"unicode"
	"unicode/utf8"
)

// DefaultBudget is the summary length, in runes, used when the caller gives no
// budget: a few sentences, enough to tell what the article is about while
// leaving room in a post for the title, source and link.
const DefaultBudget = 600

// Summarize returns the leading sentences of text whose total length, in
// runes and counting one space between sentences, is at most budget (0 or less
// means DefaultBudget). News puts the essentials first, so the lead is the
// summary.
//
// A leading sentence that repeats the title (ignoring case, punctuation and
// spacing) is dropped, and a title the text merely starts with is stripped
// from it. Sentences without a letter or digit are skipped. Sentences are never
// cut, except the first when it alone exceeds the budget: it is then cut at
// the last word boundary that leaves room for a closing "…". The result is nil
// when nothing fits.
func Summarize(title, text, lang string, budget int) []string {
	if budget <= 0 {
		budget = DefaultBudget
	}
	sentences := Sentences(text, lang)
	if len(sentences) == 0 {
		return nil
	}
	if key := titleKey(title); len(key) > 0 {
		sentences[0] = stripTitle(sentences[0], key)
	}
	var out []string
	used := 0
	for _, s := range sentences {
		if !hasWordRune(s) {
			continue
		}
		cost := utf8.RuneCountInString(s)
		if len(out) > 0 {
			cost++ // the space before it
		}
		if used+cost > budget {
			if len(out) == 0 {
				if cut := truncate(s, budget); cut != "" {
					out = append(out, cut)
				}
			}
			break
		}
		out = append(out, s)
		used += cost
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
