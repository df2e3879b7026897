package tghtml

import (
	"strings"
	"unicode/utf8"
)

// Normalize applies the cleanup the Bot API performs on a parsed text before
// sending it (TDLib's fix_formatted_text), moving entities along:
//
//   - control characters (U+0000–U+001F except '\n' and '\r') become spaces,
//     '\r' is removed, and so are U+2028–U+202E and the combining marks
//     U+030A, U+0333 and U+033F;
//   - in a run of U+200E/U+200F marks all but the last become U+200C;
//   - trailing ' ' and '\n' are cut, shortening entities that reach into
//     them; leading ' ' and '\n' are cut up to the first entity, so an entity
//     can keep leading whitespace visible;
//   - a text of nothing but ' ' and '\n' becomes "" (the Bot API then
//     answers "message text is empty" for a message, or sends no caption).
//
// Only these two characters count as trimmable whitespace: a tab was already
// turned into a space, but U+00A0 or U+2003 stay. Entity-level repairs that
// TDLib also makes to overlapping or invalidly nested entities are not
// reproduced; Parse never produces overlapping entities.
func Normalize(text string, entities []Entity) (string, []Entity) {
	cleaned, newPos := cleanText(text)
	es := make([]Entity, 0, len(entities))
	for _, e := range entities {
		end := e.Offset + e.Length
		if e.Length <= 0 || e.Offset < 0 || end >= len(newPos) {
			continue
		}
		e.Offset, e.Length = newPos[e.Offset], newPos[end]-newPos[e.Offset]
		if e.Length > 0 {
			es = append(es, e)
		}
	}
	return trimText(cleaned, es)
}

// cleanText returns the cleaned text and, for each UTF-16 offset of the
// input (and its end), the matching offset in the cleaned text.
func cleanText(text string) (string, []int) {
	newPos := make([]int, 0, len(text)+1)
	b := make([]byte, 0, len(text))
	kept := 0
	for _, r := range text {
		if dropped(r) {
			// A dropped character is BMP: one unit, mapped to the next kept one.
			newPos = append(newPos, kept)
			continue
		}
		if r > 0xffff {
			newPos = append(newPos, kept, kept+1)
		} else {
			newPos = append(newPos, kept)
		}
		if r <= ' ' && r != '\n' {
			r = ' '
		}
		b = utf8.AppendRune(b, r)
		kept = newPos[len(newPos)-1] + 1
	}
	newPos = append(newPos, kept)
	return replaceDirectionMarks(string(b)), newPos
}

func dropped(r rune) bool {
	return r == '\r' || (0x2028 <= r && r <= 0x202e) || r == 0x030a || r == 0x0333 || r == 0x033f
}

// replaceDirectionMarks turns every LRM/RLM that is followed by another one
// into a zero-width non-joiner, keeping the length.
func replaceDirectionMarks(s string) string {
	if !strings.ContainsAny(s, "\u200e\u200f") {
		return s
	}
	rs := []rune(s)
	for i := 0; i+1 < len(rs); i++ {
		if isDirectionMark(rs[i]) && isDirectionMark(rs[i+1]) {
			rs[i] = '\u200c'
		}
	}
	return string(rs)
}

func isDirectionMark(r rune) bool { return r == '\u200e' || r == '\u200f' }

func trimText(text string, es []Entity) (string, []Entity) {
	lastByte, lastUnit, unit := -1, 0, 0
	for i, r := range text {
		if r > 0xffff {
			unit += 2
		} else {
			unit++
		}
		if r != ' ' && r != '\n' {
			lastByte, lastUnit = i+utf8.RuneLen(r), unit
		}
	}
	if lastByte < 0 {
		return "", []Entity{}
	}
	text = text[:lastByte]
	kept := es[:0]
	first := len(text)
	for _, e := range es {
		if e.Offset >= lastUnit {
			continue
		}
		if e.Offset+e.Length > lastUnit {
			e.Length = lastUnit - e.Offset
		}
		first = min(first, e.Offset)
		kept = append(kept, e)
	}
	n := 0
	for n < first && (text[n] == ' ' || text[n] == '\n') {
		n++
	}
	for i := range kept {
		kept[i].Offset -= n
	}
	sortEntities(kept)
	return text[n:], kept
}
