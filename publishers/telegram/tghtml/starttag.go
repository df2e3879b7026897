package tghtml

import "unicode/utf8"

// supportedTags are the start tags the Bot API accepts; anything else fails.
var supportedTags = map[string]bool{
	"a": true, "b": true, "strong": true, "i": true, "em": true,
	"s": true, "strike": true, "del": true, "u": true, "ins": true,
	"tg-spoiler": true, "tg-emoji": true, "tg-time": true, "span": true,
	"pre": true, "code": true, "blockquote": true,
}

// tagAttrs keeps the only attributes TDLib looks at; all others are parsed
// for syntax and dropped. Attribute names are matched case-sensitively.
type tagAttrs struct {
	href       string // <a href>
	language   string // <code class="language-...">
	spanClass  string // <span class="tg-...">, without "tg-"
	emojiID    string // <tg-emoji emoji-id>
	expandable bool   // <blockquote expandable>
	unix       string // <tg-time unix>
	format     string // <tg-time format>
}

func (a *tagAttrs) set(tag, name, value string) {
	switch {
	case tag == "a" && name == "href":
		a.href = value
	case tag == "code" && name == "class" && len(value) >= 9 && value[:9] == "language-":
		a.language = value[9:]
	case tag == "span" && name == "class" && len(value) >= 3 && value[:3] == "tg-":
		a.spanClass = value[3:]
	case tag == "tg-emoji" && name == "emoji-id":
		a.emojiID = value
	case tag == "blockquote" && name == "expandable":
		a.expandable = true
	case tag == "tg-time" && name == "unix":
		a.unix = value
	case tag == "tg-time" && name == "format":
		a.format = value
	}
}

// startTag parses the tag whose '<' is at p.pos. Attribute syntax follows
// TDLib, which is laxer than HTML in places (a ',' is a valueless attribute,
// '/' and quotes cannot start a name) and stricter in others (an unquoted
// value may only hold letters, digits, '.' and '-', and is lowercased).
func (p *parser) startTag() error {
	s, begin := p.src, p.pos
	i := begin + 1
	for !isSpace(byteAt(s, i)) && byteAt(s, i) != '>' {
		i++
	}
	if byteAt(s, i) == 0 {
		return parseErrorf("Unclosed start tag at byte offset %d", begin)
	}
	tag := toLowerASCII(s[begin+1 : i])
	if !supportedTags[tag] {
		return parseErrorf("Unsupported start tag \"%s\" at byte offset %d", tag, begin)
	}

	var attrs tagAttrs
	for byteAt(s, i) != '>' {
		i = skipSpaces(s, i)
		if byteAt(s, i) == '>' {
			break
		}
		nameStart := i
		for c := byteAt(s, i); !isSpace(c) && c != '=' && c != '>' && c != '/' && c != '"' && c != '\''; c = byteAt(s, i) {
			i++
		}
		name := s[nameStart:i]
		if name == "" {
			return parseErrorf("Empty attribute name in the tag \"%s\" at byte offset %d", tag, begin)
		}
		i = skipSpaces(s, i)
		if byteAt(s, i) != '=' {
			if byteAt(s, i) == 0 {
				return parseErrorf("Unclosed start tag \"%s\" at byte offset %d", tag, begin)
			}
			if tag == "blockquote" && name == "expandable" {
				attrs.expandable = true
			}
			continue
		}
		i = skipSpaces(s, i+1)
		if byteAt(s, i) == 0 {
			return parseErrorf("Unclosed start tag \"%s\" at byte offset %d", tag, begin)
		}

		var value string
		if c := byteAt(s, i); c != '\'' && c != '"' {
			tokenStart := i
			for c := byteAt(s, i); isAlnum(c) || c == '.' || c == '-'; c = byteAt(s, i) {
				i++
			}
			value = toLowerASCII(s[tokenStart:i])
			if c := byteAt(s, i); !isSpace(c) && c != '>' {
				return parseErrorf("Unexpected end of name token at byte offset %d", tokenStart)
			}
		} else {
			value, i = quotedValue(s, i)
		}
		if byteAt(s, i) == 0 {
			return parseErrorf("Unclosed start tag at byte offset %d", begin)
		}
		attrs.set(tag, name, value)
	}

	if tag == "span" && attrs.spanClass != "spoiler" {
		return parseErrorf("Tag \"span\" must have class \"tg-spoiler\" at byte offset %d", begin)
	}
	p.open = append(p.open, openTag{name: tag, attrs: attrs, utf16At: p.utf16, outStart: len(p.out)})
	p.pos = i + 1
	return nil
}

// skipSpaces stops at the end of input, which isSpace alone would not.
func skipSpaces(s string, i int) int {
	for byteAt(s, i) != 0 && isSpace(byteAt(s, i)) {
		i++
	}
	return i
}

// quotedValue reads the string literal whose quote is at s[i], decoding
// character references, and returns the value and the position after the
// closing quote (or the end of input when it is missing).
func quotedValue(s string, i int) (string, int) {
	quote := s[i]
	i++
	var b []byte
	for byteAt(s, i) != quote && byteAt(s, i) != 0 {
		if s[i] == '&' {
			if code, next, ok := decodeCharRef(s, i); ok {
				b = utf8.AppendRune(b, rune(code))
				i = next
				continue
			}
		}
		b = append(b, s[i])
		i++
	}
	if byteAt(s, i) == quote {
		i++
	}
	return string(b), i
}
