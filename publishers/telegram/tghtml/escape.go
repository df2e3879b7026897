package tghtml

import (
	"strings"
	"unicode/utf8"
)

// Escape makes s safe to interpolate into Bot API HTML, in text as well as in
// a double-quoted attribute such as href: Parse(Escape(s)) gives back s with
// no entities. Each byte of invalid UTF-8 becomes U+FFFD, because the Bot API
// refuses the whole message otherwise.
//
// The named references used are the only ones Telegram decodes; "&nbsp;" and
// friends would show up literally.
func Escape(s string) string {
	if !needsEscape(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch c {
			case '&':
				b.WriteString("&amp;")
			case '<':
				b.WriteString("&lt;")
			case '>':
				b.WriteString("&gt;")
			case '"':
				b.WriteString("&quot;")
			default:
				b.WriteByte(c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteRune(utf8.RuneError)
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func needsEscape(s string) bool {
	return strings.ContainsAny(s, `&<>"`) || !utf8.ValidString(s)
}
