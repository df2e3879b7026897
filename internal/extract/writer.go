package extract

import "strings"

// paragraphWriter assembles the output in one pass: it collapses whitespace
// runs into one space, turns block boundaries and blank lines into paragraph
// breaks, and drops invisible characters. Separators are only written before
// the next visible character, so the output never starts or ends with one and
// holds no empty paragraphs.
type paragraphWriter struct {
	b         strings.Builder
	space     bool   // a space is due before the next visible rune
	paragraph bool   // a paragraph break is due instead
	newlines  int    // line breaks in the current run of whitespace
	joiners   []rune // ZWJ/ZWNJ waiting to learn if a visible rune follows
}

func (w *paragraphWriter) text(s string) {
	for _, r := range s {
		switch {
		case r == '\n' || r == '\u2028':
			// Plain-text content marks paragraphs with blank lines; HTML
			// sources rarely put one inside a paragraph, so both get the
			// same rule.
			w.newlines++
			if w.newlines >= 2 {
				w.paragraph = true
			}
			w.wordBreak()
		case r == '\u2029':
			w.paragraphBreak()
		case isSpace(r):
			w.wordBreak()
		case isJoiner(r):
			w.joiners = append(w.joiners, r)
		case isInvisible(r):
			// Dropped without a space: a zero-width space or soft hyphen
			// sits inside a word.
		default:
			w.visible(r)
		}
	}
}

func (w *paragraphWriter) visible(r rune) {
	if w.b.Len() > 0 {
		switch {
		case w.paragraph:
			w.b.WriteString("\n\n")
		case w.space:
			w.b.WriteByte(' ')
		default:
			// Joiners only mean something between two visible runes of
			// one word (emoji sequences, Persian and Indic scripts).
			for _, j := range w.joiners {
				w.b.WriteRune(j)
			}
		}
	}
	w.b.WriteRune(r)
	w.space, w.paragraph, w.newlines, w.joiners = false, false, 0, w.joiners[:0]
}

func (w *paragraphWriter) wordBreak() {
	w.space = true
	w.joiners = w.joiners[:0]
}

func (w *paragraphWriter) paragraphBreak() {
	w.paragraph = true
	w.wordBreak()
}

func (w *paragraphWriter) String() string { return w.b.String() }
