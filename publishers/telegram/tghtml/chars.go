package tghtml

// Byte classes as TDLib's tdutils defines them. They are ASCII-only on
// purpose: TDLib never treats a UTF-8 byte as a letter or a space.

// byteAt reads s like TDLib reads its NUL-terminated buffer: past the end
// there is a 0, which every loop below treats as the end of input.
func byteAt(s string, i int) byte {
	if i < len(s) {
		return s[i]
	}
	return 0
}

// isSpace includes NUL and vertical tab, unlike Go's unicode.IsSpace.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0 || c == '\v'
}

func isAlpha(c byte) bool {
	c |= 0x20
	return 'a' <= c && c <= 'z'
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isAlnum(c byte) bool { return isAlpha(c) || isDigit(c) }

func isHexDigit(c byte) bool {
	if isDigit(c) {
		return true
	}
	c |= 0x20
	return 'a' <= c && c <= 'f'
}

func hexValue(c byte) uint32 {
	if isDigit(c) {
		return uint32(c - '0')
	}
	return uint32(c|0x20-'a') + 10
}

func toLowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c - 'A' + 'a'
		}
	}
	return string(b)
}

// utf16Units is how many UTF-16 code units the UTF-8 byte c starts: 0 for a
// continuation byte, 2 for the first byte of a 4-byte sequence.
func utf16Units(c byte) int {
	switch {
	case c&0xC0 == 0x80:
		return 0
	case c >= 0xF0:
		return 2
	default:
		return 1
	}
}
