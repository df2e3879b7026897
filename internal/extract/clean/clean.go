package clean

import "strings"

// Result is a cleaned article.
type Result struct {
	// Paragraphs are the story's paragraphs, in order, boilerplate removed.
	// They are never reworded: each is an input paragraph or, where a glued
	// title, byline, date, caption or language marker was stripped from its
	// start, the rest of one.
	Paragraphs []string
	// Origin is the original outlet the text names ("Reuters", "Hürriyet",
	// "ТАСС", "Արմենպրես", or a domain such as "hurriyet.com.tr"), "" if none.
	Origin string
	// Removed is what was removed, in the order it was found.
	Removed []Removal
}

// Removal is one removed paragraph or stripped prefix.
type Removal struct {
	// Rule is the kind of boilerplate: "title-repeat", "byline",
	// "date-line", "language-marker", "caption", "share-prompt", "footer" or
	// "source-line".
	Rule string
	// Text is what was removed, as it stood in the input.
	Text string
}

// Clean cleans text, paragraphs separated by blank lines, of an article
// titled title. lang is a hint ("en", "tr", "ru", "hy", "" for unknown); the
// rules of all languages apply whatever it says, and their matching already
// treats the Turkish dotted and dotless i as one letter in every language, so
// the hint only decides how an origin shouted in capitals is lower-cased
// ("ANADOLU AJANSI" is "Anadolu Ajansı" in Turkish).
//
// Clean runs in time linear in the text and does not panic, whatever the
// input.
func Clean(title, text, lang string) Result {
	rs, err := defaultRules()
	if err != nil {
		// Unreachable in a tested build (TestRulesCompile): keep everything
		// rather than fail the article.
		return Result{Paragraphs: splitParagraphs(text)}
	}
	res := rs.clean(title, text, nil)
	res.Origin = unshout(res.Origin, lang)
	return res
}

// splitParagraphs returns the trimmed, non-empty blocks of text between blank
// lines.
func splitParagraphs(text string) []string {
	var out []string
	start := -1 // start of the current block, -1 outside one
	for i := 0; i <= len(text); {
		end := strings.IndexByte(text[i:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += i
		}
		if strings.TrimSpace(text[i:end]) == "" {
			if start >= 0 {
				out = append(out, strings.TrimSpace(text[start:i]))
				start = -1
			}
		} else if start < 0 {
			start = i
		}
		i = end + 1
	}
	if start >= 0 {
		out = append(out, strings.TrimSpace(text[start:]))
	}
	return out
}
