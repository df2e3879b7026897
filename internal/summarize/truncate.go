package summarize

import (
	"strings"
	"unicode"
)

// ellipsis marks a sentence that was cut.
const ellipsis = "…"

// truncate cuts s to at most budget runes, ellipsis included, at the last word
// boundary, and drops the punctuation left dangling before the ellipsis. A
// single word longer than the budget (a URL, text without spaces) is cut
// inside, but never inside a combining sequence. It returns "" when no word
// fits.
func truncate(s string, budget int) string {
	runes := []rune(s)
	limit := budget - 1 // room for the ellipsis
	if limit <= 0 {
		return ""
	}
	if len(runes) <= limit {
		return s
	}
	cut := limit
	for cut > 0 && runes[cut] != ' ' {
		cut--
	}
	if cut == 0 {
		cut = limit
		for cut > 0 && (isAttached(runes[cut]) || runes[cut-1] == '\u200D') {
			cut--
		}
	}
	head := strings.TrimRightFunc(string(runes[:cut]), func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(",;:–—-", r)
	})
	if !hasWordRune(head) {
		return ""
	}
	return head + ellipsis
}

// isAttached reports whether r belongs to the character before it: combining
// marks, joiners, variation selectors and emoji skin tones.
func isAttached(r rune) bool {
	return isMark(r) || r == '\u200D' || r == '\u200C' ||
		unicode.Is(unicode.Variation_Selector, r) || r >= 0x1F3FB && r <= 0x1F3FF
}
