package summarize

import "strings"

// Sentences splits plain text into sentences, in order.
//
// Paragraphs, separated by blank lines, always end a sentence. Within one, a
// run of ".", "!", "?" or "…" (with any closing quotes, brackets and footnote
// marks after it) ends a sentence when whitespace and a plausible sentence
// start follow, unless the dot closes an abbreviation, an initial or an
// ordinal, or the mark sits inside a quotation or brackets. Straight quotes,
// which look the same at both ends, are paired from their neighbours and the
// sentences around them. lang is a language tag such as "en", "tr", "ru" or
// "hy"; it picks the abbreviation lists and punctuation (Armenian ends
// sentences with "։" or ":", not ".") and whether a lower-case word may start
// a sentence (it may in Turkish). Unknown languages get English rules.
//
// Whitespace inside each sentence is collapsed to single spaces.
func Sentences(text, lang string) []string {
	l := languageFor(lang)
	var out []string
	for _, para := range paragraphs(text) {
		out = splitParagraph(out, []rune(para), l)
	}
	return out
}

// paragraphs splits text at blank lines and joins each paragraph's words with
// single spaces, so the splitter only ever sees one kind of space.
func paragraphs(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	var out, words []string
	flush := func() {
		if len(words) > 0 {
			out = append(out, strings.Join(words, " "))
			words = words[:0]
		}
	}
	for line := range strings.SplitSeq(text, "\n") {
		fields := strings.Fields(line)
		if len(fields) == 0 {
			flush()
		}
		words = append(words, fields...)
	}
	flush()
	return out
}

// splitParagraph appends the sentences of one paragraph p to out.
func splitParagraph(out []string, p []rune, l *language) []string {
	m := enclosedMask(p, l)
	start := 0
	for i := 0; i < len(p); i++ {
		if !l.isStop(p[i]) {
			continue
		}
		e := scanEnding(p, i, l, m)
		if i > 0 && (p[i-1] == '(' || p[i-1] == '[') {
			// "[...]" marks an omission and "(!)" an aside, not an end.
			i = e.end - 1
			continue
		}
		if e.end < len(p) && !m.inside(e.end) && endsSentence(p, start, i, e, l) {
			out = appendSentence(out, p[start:e.end])
			start = e.end
		}
		i = e.end - 1
	}
	return appendSentence(out, p[start:])
}

func appendSentence(out []string, s []rune) []string {
	if t := strings.TrimSpace(string(s)); t != "" {
		out = append(out, t)
	}
	return out
}
