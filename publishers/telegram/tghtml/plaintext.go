package tghtml

import (
	"html"
	"strings"
)

// PlainText is what a reader should see of an HTML text that Telegram
// refused to parse: the tags dropped and the character references decoded,
// leniently, whatever the markup's faults. It is sent without parse_mode,
// so nothing in it is interpreted.
func PlainText(s string) string {
	if text, entities, err := Parse(s); err == nil {
		_ = entities
		return text
	}
	var b strings.Builder
	for len(s) > 0 {
		lt := strings.IndexByte(s, '<')
		if lt < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:lt])
		gt := strings.IndexByte(s[lt:], '>')
		if gt < 0 || !looksLikeTag(s[lt+1:lt+gt]) {
			b.WriteByte('<') // a lone "<", as in "a < b"
			s = s[lt+1:]
			continue
		}
		s = s[lt+gt+1:]
	}
	return strings.TrimSpace(html.UnescapeString(b.String()))
}

// looksLikeTag reports whether what stands between "<" and ">" is a tag:
// a name, or "/" then a name.
func looksLikeTag(inner string) bool {
	inner = strings.TrimPrefix(inner, "/")
	return inner != "" && isAlpha(inner[0])
}
