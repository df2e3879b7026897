package extract

import "unicode"

// isSpace reports whether r separates words. Besides ASCII whitespace this
// covers NBSP, the typographic spaces (U+2000–U+200A, U+202F, U+205F), the
// ideographic space and NEL, all of which feeds use between words.
func isSpace(r rune) bool {
	return unicode.IsSpace(r)
}

// isJoiner reports whether r is a zero-width joiner or non-joiner. Unlike the
// other invisible characters they change how a word is written (emoji
// sequences, Persian and Indic spelling), so they are kept inside words.
func isJoiner(r rune) bool {
	return r == '\u200C' || r == '\u200D'
}

// isInvisible reports whether r is a control or format character that has no
// business in posted text. Unbalanced bidirectional embeddings and overrides
// are among them: they would reorder whatever a template puts after the
// summary, a known spoofing trick. The simple marks LRM, RLM and ALM are kept:
// they need no closing and right-to-left text with numbers relies on them.
func isInvisible(r rune) bool {
	switch {
	case unicode.Is(unicode.Cc, r): // controls; whitespace is handled before
		return true
	case r == '\u00AD', // soft hyphen
		r == '\u180E',                  // Mongolian vowel separator, formerly a space
		r == '\u200B',                  // zero-width space
		r >= '\u202A' && r <= '\u202E', // bidi embeddings and overrides
		r >= '\u2060' && r <= '\u2064', // word joiner, invisible operators
		r >= '\u2066' && r <= '\u2069', // bidi isolates
		r == '\uFEFF',                  // byte order mark, zero-width no-break space
		r >= '\uFFF9' && r <= '\uFFFB', // interlinear annotation
		r == '\uFFFE', r == '\uFFFF':   // noncharacters
		return true
	}
	return false
}
