package tghtml

import "unicode/utf8"

// Limits of the Bot API, counted in Unicode code points of the text after
// entity parsing and Normalize, which is what VisibleLength measures.
// Specs: https://core.telegram.org/bots/api#sendmessage
const (
	MaxMessageLength = 4096 // sendMessage text: "message is too long"
	MaxCaptionLength = 1024 // media caption: "message caption is too long"
)

// UTF16Len is the length of s in UTF-16 code units, the unit of entity
// offsets and lengths. An invalid byte counts as one unit, like U+FFFD.
func UTF16Len(s string) int {
	n := 0
	for _, r := range s {
		if r > 0xffff {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// RuneLen is the length of s in Unicode code points, the unit of Telegram's
// text and caption limits.
func RuneLen(s string) int { return utf8.RuneCountInString(s) }

// VisibleLength is the length Telegram checks against MaxMessageLength and
// MaxCaptionLength: the code points of the parsed text after the Bot API's
// cleanup and trimming (see Normalize). Tags and character references cost
// nothing: "<b>&amp;</b>" has length 1, and so does " x \n".
func VisibleLength(html string) (int, error) {
	text, entities, err := Parse(html)
	if err != nil {
		return 0, err
	}
	text, _ = Normalize(text, entities)
	return RuneLen(text), nil
}
