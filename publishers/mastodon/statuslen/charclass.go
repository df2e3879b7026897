package statuslen

import "unicode"

// The classes below transcribe the character sets of twitter-text's Ruby
// regexes (rb/lib/twitter-text/regex.rb, gem 3.1), which Mastodon's
// StatusLengthValidator runs. They are written as functions rather than one
// large regexp because RE2 has no look-ahead, which the TLD rule needs.

// asciiLetter reports whether r matches [a-z] under Ruby's /i flag. Onigmo's
// case folding also maps KELVIN SIGN and LONG S onto k and s.
func asciiLetter(r rune) bool {
	return ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') || r == 0x212A || r == 0x017F
}

func asciiDigit(r rune) bool { return '0' <= r && r <= '9' }

func asciiAlnum(r rune) bool { return asciiLetter(r) || asciiDigit(r) }

// latinAccent is twitter-text's LATIN_ACCENTS (it leaves out × and ÷).
func latinAccent(r rune) bool {
	switch {
	case 0xC0 <= r && r <= 0xD6, 0xD8 <= r && r <= 0xF6, 0xF8 <= r && r <= 0x24F,
		r == 0x253, r == 0x254, r == 0x256, r == 0x257, r == 0x259, r == 0x25B,
		r == 0x263, r == 0x268, r == 0x26F, r == 0x272, r == 0x289, r == 0x28B,
		r == 0x2BB, 0x300 <= r && r <= 0x36F, 0x1E00 <= r && r <= 0x1EFF:
		return true
	}
	return false
}

// directional is DIRECTIONAL_CHARACTERS: marks, embeddings and isolates.
func directional(r rune) bool {
	return r == 0x061C || r == 0x200E || r == 0x200F ||
		(0x202A <= r && r <= 0x202E) || (0x2066 <= r && r <= 0x2069)
}

// invalidChar is INVALID_CHARACTERS: byte-order marks and U+FFFF.
func invalidChar(r rune) bool { return r == 0xFFFE || r == 0xFEFF || r == 0xFFFF }

// unicodeSpace is UNICODE_SPACES.
func unicodeSpace(r rune) bool {
	switch {
	case 0x09 <= r && r <= 0x0D, r == 0x20, r == 0x85, r == 0xA0, r == 0x1680,
		r == 0x180E, 0x2000 <= r && r <= 0x200A, r == 0x2028, r == 0x2029,
		r == 0x202F, r == 0x205F, r == 0x3000:
		return true
	}
	return false
}

// asciiPunct is PUNCTUATION_CHARS. The Ruby source spells it as a
// single-quoted string in which "\[" keeps its backslash, so the backslash
// ends up escaping '[' inside the character class and is not itself a
// member: "\" is therefore a valid domain character, oddly but faithfully.
func asciiPunct(r rune) bool {
	switch r {
	case '!', '"', '#', '$', '%', '&', '\'', '(', ')', '*', '+', ',', '-', '.', '/',
		':', ';', '<', '=', '>', '?', '@', '[', ']', '^', '_', '`', '{', '|', '}', '~':
		return true
	}
	return false
}

// domainChar is DOMAIN_VALID_CHARS: anything that is not punctuation,
// space, control, directional or invalid. Non-ASCII punctuation and emoji
// count as domain characters.
func domainChar(r rune) bool {
	return !(asciiPunct(r) || r <= 0x1F || r == 0x7F || directional(r) ||
		invalidChar(r) || unicodeSpace(r))
}

// urlPrecedingOK is valid_url_preceding_chars (without the "^" branch,
// which the scanner handles): a URL may not follow a letter, digit, @, $
// or #, so "ahttp://x.com" is not auto-linked.
func urlPrecedingOK(r rune) bool {
	switch r {
	case '@', '＠', '$', '#', '＃':
		return false
	}
	return !asciiAlnum(r) && !invalidChar(r)
}

// tldBoundary is the look-ahead after a TLD: (?=[^0-9a-z@+-]|$).
func tldBoundary(r rune) bool {
	return !(asciiAlnum(r) || r == '@' || r == '+' || r == '-')
}

// pathChar is valid_general_url_path_chars.
func pathChar(r rune) bool {
	switch r {
	case '!', '*', '\'', ';', ':', '=', '+', ',', '.', '$', '/', '%', '#', '[', ']',
		'_', '~', '&', '|', '@':
		return true
	}
	return asciiAlnum(r) || latinAccent(r) || unicode.Is(unicode.Cyrillic, r) ||
		unicode.Is(unicode.Pd, r)
}

// pathEndChar is valid_url_path_ending_chars minus the parenthesised
// groups, which the path scanner treats separately.
func pathEndChar(r rune) bool {
	switch r {
	case '=', '_', '#', '/', '+', '-':
		return true
	}
	return asciiAlnum(r) || latinAccent(r) || unicode.Is(unicode.Cyrillic, r)
}

// queryChar is valid_url_query_chars.
func queryChar(r rune) bool {
	switch r {
	case '!', '?', '*', '\'', '(', ')', ';', ':', '&', '=', '+', '$', '/', '%', '#',
		'[', ']', '-', '_', '.', ',', '~', '|', '@':
		return true
	}
	return asciiAlnum(r)
}

// queryEndChar is valid_url_query_ending_chars.
func queryEndChar(r rune) bool {
	switch r {
	case '_', '&', '=', '#', '/', '-':
		return true
	}
	return asciiAlnum(r)
}

// wordChar is Onigmo's [[:word:]] on a Unicode string: letters, marks,
// decimal digits and connector punctuation.
func wordChar(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.Is(unicode.Nd, r) ||
		unicode.Is(unicode.Pc, r)
}
