package telegramapi

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// BotCommand is an entry of the bot's command menu, as setMyCommands
// stored it: without the leading '/' and surrounding space.
type BotCommand struct {
	Command     string
	Description string
}

type botCommandJSON struct {
	Command     string `json:"command"`
	Description string `json:"description"`
}

// Specs: https://core.telegram.org/bots/api#setmycommands
func (s *Server) setMyCommands(p params) (any, *apiError) {
	given, aerr := parseCommands(p.get("commands"))
	if aerr != nil {
		return nil, aerr
	}
	key, aerr := s.commandsKey(p)
	if aerr != nil {
		return nil, aerr
	}
	commands, aerr := checkCommands(given)
	if aerr != nil {
		return nil, aerr
	}
	if len(commands) == 0 {
		delete(s.commands, key) // an empty list is how Telegram resets a menu
	} else {
		s.commands[key] = commands
	}
	return true, nil
}

// Specs: https://core.telegram.org/bots/api#getmycommands
func (s *Server) getMyCommands(p params) (any, *apiError) {
	key, aerr := s.commandsKey(p)
	if aerr != nil {
		return nil, aerr
	}
	out := []botCommandJSON{} // [] when none are set, as on Telegram
	for _, c := range s.commands[key] {
		out = append(out, botCommandJSON(c))
	}
	return out, nil
}

// Specs: https://core.telegram.org/bots/api#deletemycommands
func (s *Server) deleteMyCommands(p params) (any, *apiError) {
	key, aerr := s.commandsKey(p)
	if aerr != nil {
		return nil, aerr
	}
	delete(s.commands, key)
	return true, nil
}

// Commands returns the commands set for the default scope and
// languageCode ("" for users of any language without a list of their own),
// in the order they were given.
func (s *Server) Commands(languageCode string) []BotCommand {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.commands[commandsKey{scope: "default", language: languageCode}])
}

// checkCommands applies TDLib's checks, which trim the command and its
// description and drop the command's leading '/', then the Telegram
// server's: at most 100 commands, each of lowercase letters, digits and
// underscores. TDLib's errors are words, the server's are codes.
// Specs: https://core.telegram.org/bots/api#botcommand
func checkCommands(given []BotCommand) ([]BotCommand, *apiError) {
	var out []BotCommand
	for _, c := range given {
		switch {
		case !utf8.ValidString(c.Command):
			return nil, badRequest("command must be encoded in UTF-8")
		case !utf8.ValidString(c.Description):
			return nil, badRequest("command description must be encoded in UTF-8")
		}
		command := strings.TrimSpace(c.Command)
		command = strings.TrimPrefix(command, "/")
		description := strings.TrimSpace(c.Description)
		switch {
		case command == "":
			return nil, badRequest("command must be non-empty")
		case utf8.RuneCountInString(command) > 32:
			return nil, badRequest("command length must not exceed 32")
		case description == "":
			return nil, badRequest("command description must be non-empty")
		case utf8.RuneCountInString(description) > 256:
			return nil, badRequest("command description length must not exceed 256")
		}
		out = append(out, BotCommand{Command: command, Description: description})
	}
	if len(out) > 100 {
		return nil, badRequest("BOT_COMMANDS_TOO_MUCH")
	}
	for _, c := range out {
		if strings.TrimLeft(c.Command, "abcdefghijklmnopqrstuvwxyz0123456789_") != "" {
			return nil, badRequest("BOT_COMMAND_INVALID")
		}
	}
	return out, nil
}

// parseCommands reads the commands argument with the Bot API's errors; an
// absent one is an empty list.
func parseCommands(arg string) ([]BotCommand, *apiError) {
	if arg == "" {
		return nil, nil
	}
	v, err := decodeJSON(arg)
	if err != nil {
		return nil, badRequest("can't parse commands JSON object")
	}
	list, ok := v.([]any)
	if !ok {
		return nil, badRequest("expected an Array of BotCommand")
	}
	var out []BotCommand
	for _, item := range list {
		obj, ok := item.(map[string]any)
		if !ok {
			return nil, badRequest("can't parse BotCommand: expected an Object")
		}
		command, problem := stringField(obj, "command")
		if problem == "" {
			var description string
			description, problem = stringField(obj, "description")
			out = append(out, BotCommand{Command: command, Description: description})
		}
		if problem != "" {
			return nil, badRequest("can't parse BotCommand: %s", problem)
		}
	}
	return out, nil
}
