package trafilatura

import "strings"

// removeEmojis takes emoji, with their joiners, variation selectors, skin
// tones, keycaps and tags, out of s (crier's stand-in for gomoji, see
// CRIER.md).
func removeEmojis(s string) string {
	return strings.Map(func(r rune) rune {
		if isEmoji(r) {
			return -1
		}
		return r
	}, s)
}

func isEmoji(r rune) bool {
	switch {
	case r == 0x200D, r == 0x20E3, r == 0xFE0F, r == 0xFE0E: // joiner, keycap, variation selectors
		return true
	case r >= 0x1F000 && r <= 0x1FAFF: // pictographs, emoticons, transport, flags, skin tones...
		return true
	case r >= 0x2600 && r <= 0x27BF: // miscellaneous symbols, dingbats
		return true
	case r >= 0x2300 && r <= 0x23FF, r >= 0x2B00 && r <= 0x2BFF: // technical, arrows and stars
		return true
	case r >= 0xE0020 && r <= 0xE007F: // tag sequences (subdivision flags)
		return true
	case r == 0x00A9, r == 0x00AE, r == 0x203C, r == 0x2049, r == 0x2122, r == 0x2139, r == 0x3030, r == 0x303D:
		return true
	}
	return false
}
