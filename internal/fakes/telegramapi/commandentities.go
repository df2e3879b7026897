package telegramapi

import (
	"unicode"
	"unicode/utf8"

	"github.com/crierhq/crier/publishers/telegram/tghtml"
)

// botCommandEntities finds the bot commands Telegram marks in a message it
// delivers: a '/' at the start or after a character that cannot end a word,
// 1-64 ASCII letters, digits or underscores, optionally '@' and a bot
// username of 3-32 of them, and then nothing that continues a word. As with
// every entity, positions count UTF-16 code units. After TDLib's
// match_bot_commands (td/telegram/MessageEntity.cpp).
func botCommandEntities(text string) []entityJSON {
	var out []entityJSON
	for i := 0; i < len(text); i++ {
		if text[i] != '/' {
			continue
		}
		if prev, _ := utf8.DecodeLastRuneInString(text[:i]); i > 0 && joinsCommand(prev) {
			continue
		}
		end := i + 1 + commandChars(text[i+1:])
		if end == i+1 || end-(i+1) > 64 {
			continue
		}
		if end < len(text) && text[end] == '@' {
			n := commandChars(text[end+1:])
			if n < 3 || n > 32 {
				continue
			}
			end += 1 + n
		}
		if next, _ := utf8.DecodeRuneInString(text[end:]); end < len(text) && joinsCommand(next) {
			continue
		}
		out = append(out, entityJSON{Type: "bot_command", Offset: tghtml.UTF16Len(text[:i]),
			Length: tghtml.UTF16Len(text[i:end])})
	}
	return out
}

// commandChars counts the letters, digits and underscores s starts with.
func commandChars(s string) int {
	n := 0
	for n < len(s) {
		c, lower := s[n], s[n]|0x20
		if c != '_' && (c < '0' || c > '9') && (lower < 'a' || lower > 'z') {
			break
		}
		n++
	}
	return n
}

// joinsCommand reports whether r, next to a command, makes it part of
// something else: a word, a path or an HTML-like tag.
func joinsCommand(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_' || r == '/' || r == '<' || r == '>'
}
