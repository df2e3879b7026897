package extract

import (
	"html"
	"strings"
)

// maxEntityLen bounds the name of a character reference; the longest HTML
// entity name is 31 characters ("&CounterClockwiseContourIntegral;").
const maxEntityLen = 32

// decodeLeftoverEntities decodes the character references left in text the
// tokenizer has already decoded once. Feeds often escape their HTML twice, so
// "AT&amp;amp;T" arrives as "AT&amp;T" and "&amp;#8217;" as "&#8217;".
//
// Decoding them again is judged safe for news: an article that shows entity
// syntax literally is far rarer than a double-escaped feed. To keep the risk
// small, only complete references ending in ";" are decoded, and only once more,
// so "&amp;amp;amp;" still shows as "&amp;" and "R&D;" or "Q&A" stay as they are.
func decodeLeftoverEntities(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for {
		i := strings.IndexByte(s, '&')
		if i < 0 {
			break
		}
		b.WriteString(s[:i])
		s = s[i:]
		n := entityLen(s)
		if n == 0 {
			b.WriteByte('&')
			s = s[1:]
			continue
		}
		b.WriteString(html.UnescapeString(s[:n]))
		s = s[n:]
	}
	b.WriteString(s)
	return b.String()
}

// entityLen returns the length of the reference "&name;", "&#123;" or "&#x1F;"
// at the start of s, or 0 if s does not start with a complete one.
func entityLen(s string) int {
	body, valid := 1, isASCIIAlnum
	if len(s) > 2 && s[1] == '#' {
		body, valid = 2, isDecimal
		if len(s) > 3 && (s[2] == 'x' || s[2] == 'X') {
			body, valid = 3, isHex
		}
	}
	for i := body; i < len(s) && i <= body+maxEntityLen; i++ {
		switch {
		case s[i] == ';' && i > body:
			return i + 1
		case !valid(s[i]):
			return 0
		}
	}
	return 0
}

func isDecimal(c byte) bool { return c >= '0' && c <= '9' }

func isHex(c byte) bool {
	return isDecimal(c) || ((c|0x20) >= 'a' && (c|0x20) <= 'f')
}

func isASCIIAlnum(c byte) bool {
	return isDecimal(c) || ((c|0x20) >= 'a' && (c|0x20) <= 'z')
}
