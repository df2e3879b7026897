package bot

import (
	"strings"
	"unicode/utf8"
)

// Command is a parsed bot command.
type Command struct {
	Name string // lower-case, without the slash: "subscribe"
	Args []string
	// Raw is everything after the command word, trimmed (for /add URL NAME
	// where NAME may hold spaces).
	Raw string
}

// maxCommandLen is Telegram's limit on a command name.
// Specs: https://core.telegram.org/bots/features#commands
const maxCommandLen = 32

// ParseCommand reads a message text as a command addressed to this bot. In
// groups, "/cmd@name" is meant for the bot called name only: tgbotapi's
// Command() strips any @name without checking, which would make every bot in
// a group answer. ok is false for plain text, malformed commands and commands
// for other bots.
func ParseCommand(text, botUsername string) (cmd Command, ok bool) {
	if !strings.HasPrefix(text, "/") {
		return Command{}, false
	}
	word, rest, _ := strings.Cut(text[1:], " ")
	if i := strings.IndexAny(word, "\n\t"); i >= 0 {
		word, rest = word[:i], word[i+1:]+" "+rest
	}
	name, addressee, addressed := strings.Cut(word, "@")
	if addressed && !strings.EqualFold(addressee, strings.TrimPrefix(botUsername, "@")) {
		return Command{}, false
	}
	if name == "" || utf8.RuneCountInString(name) > maxCommandLen || !validName(name) {
		return Command{}, false
	}
	cmd = Command{Name: strings.ToLower(name), Raw: strings.TrimSpace(rest)}
	if cmd.Raw != "" {
		cmd.Args = strings.Fields(cmd.Raw)
	}
	return cmd, true
}

// validName accepts what BotFather allows: Latin letters, digits, underscore.
func validName(s string) bool {
	for _, r := range s {
		if !(r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return false
		}
	}
	return true
}
