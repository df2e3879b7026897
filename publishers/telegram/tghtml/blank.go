package tghtml

import "strings"

// IsBlank reports whether Telegram considers text empty: nothing but spaces,
// line breaks and invisible characters (zero-width spaces and joiners,
// direction marks, U+00A0, U+FEFF, Unicode space separators and tag
// characters), as TDLib's is_empty_string decides. The Bot API refuses such a
// message with "message text is empty" even though Normalize keeps it.
func IsBlank(text string) bool {
	text = strings.Map(func(r rune) rune {
		if isSpaceSeparator(r) || (0xe0000 <= r && r <= 0xe007f) {
			return ' '
		}
		return r
	}, text)
	text = strings.TrimFunc(text, func(r rune) bool { return r < 0x80 && isSpace(byte(r)) })
	for _, r := range text {
		switch {
		case r == ' ', r == '\n', 0x200b <= r && r <= 0x200f, r == 0x202e, r == 0xfeff, r == 0xa0:
		default:
			return false
		}
	}
	return true
}

// isSpaceSeparator lists the characters TDLib's strip_empty_characters
// replaces by a plain space.
func isSpaceSeparator(r rune) bool {
	switch r {
	case 0x1680, 0x180e, 0x202f, 0x205f, 0x2800, 0x3000, 0xfffc:
		return true
	}
	return 0x2000 <= r && r <= 0x200a
}
