package trafilatura

import (
	"strings"
	"unicode"

	"github.com/rivo/uniseg"
)

// removeEmojis takes emoji out of s, each with the grapheme cluster it
// belongs to (skin tones, joiners, variation selectors, keycaps), then trims
// the invisible and non-printing characters left at either end, as gomoji
// did (crier's stand-in for it, see CRIER.md). A joiner inside a word of a
// script that draws with it (Sinhala, Malayalam) is no emoji and stays.
func removeEmojis(s string) string {
	var b strings.Builder
	state := -1
	for rest := s; rest != ""; {
		var cluster string
		cluster, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
		if !emojiCluster(cluster) {
			b.WriteString(cluster)
		}
	}
	return strings.TrimFunc(b.String(), func(r rune) bool {
		return !unicode.IsGraphic(r) || !unicode.IsPrint(r) || unicode.In(r, unicode.Variation_Selector)
	})
}

func emojiCluster(c string) bool {
	for _, r := range c {
		if isEmoji(r) || r == 0x20E3 { // 0x20E3: a keycap (1️⃣)
			return true
		}
	}
	return false
}

// isEmoji tells the code points that are emoji by default or by their
// variation selector: the pictograph blocks, and the older symbols Unicode
// lists as emoji.
func isEmoji(r rune) bool {
	switch {
	case r >= 0x1F000 && r <= 0x1FAFF: // pictographs, emoticons, transport, flags, skin tones...
		return true
	case r >= 0x2600 && r <= 0x27BF: // miscellaneous symbols, dingbats
		return true
	case r >= 0x2300 && r <= 0x23FF, r >= 0x2B00 && r <= 0x2BFF: // technical, arrows and stars
		return true
	case r >= 0x2194 && r <= 0x2199, r == 0x21A9, r == 0x21AA, r == 0x2934, r == 0x2935:
		return true
	case r == 0x25AA, r == 0x25AB, r == 0x25B6, r == 0x25C0, r >= 0x25FB && r <= 0x25FE:
		return true
	case r >= 0xE0020 && r <= 0xE007F: // tag sequences (subdivision flags)
		return true
	case r == 0x00A9, r == 0x00AE, r == 0x203C, r == 0x2049, r == 0x2122, r == 0x2139, r == 0x24C2,
		r == 0x3030, r == 0x303D, r == 0x3297, r == 0x3299:
		return true
	}
	return false
}
