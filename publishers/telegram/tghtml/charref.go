package tghtml

// decodeCharRef decodes the character reference starting with the '&' at
// s[pos], the way TDLib's decode_html_entity does. It returns the code point
// and the position after the reference, or ok=false when the '&' must be kept
// as a literal character.
//
// Quirks kept on purpose: only &lt; &gt; &amp; &quot; are known by name
// (&nbsp; stays literal), the ';' is optional, "&#X" (capital X) is not hex,
// and references of 10 or more bytes, or beyond U+10FFFE, stay literal.
func decodeCharRef(s string, pos int) (code uint32, next int, ok bool) {
	end := pos + 1
	if byteAt(s, pos+1) == '#' {
		end++
		if byteAt(s, pos+2) == 'x' {
			end++
			for isHexDigit(byteAt(s, end)) {
				code = code*16 + hexValue(s[end])
				end++
			}
		} else {
			for isDigit(byteAt(s, end)) {
				code = code*10 + uint32(s[end]-'0')
				end++
			}
		}
		if code == 0 || code >= 0x10ffff || end-pos >= 10 {
			return 0, pos, false
		}
	} else {
		for isAlpha(byteAt(s, end)) {
			end++
		}
		switch s[pos+1 : end] {
		case "lt":
			code = '<'
		case "gt":
			code = '>'
		case "amp":
			code = '&'
		case "quot":
			code = '"'
		default:
			return 0, pos, false
		}
	}
	if byteAt(s, end) == ';' {
		end++
	}
	return code, end, true
}

func isSurrogate(code uint32) bool { return 0xd800 <= code && code <= 0xdfff }
