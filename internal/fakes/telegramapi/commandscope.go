package telegramapi

import (
	"encoding/json"
	"fmt"
	"strconv"
)

// commandsKey is what a command list is set for: a scope (with its chat and
// user, for the scopes that have them) and a language, "" for all.
type commandsKey struct {
	scope    string
	chatID   int64
	userID   int64
	language string
}

// commandsKey reads the scope and language_code arguments of the
// *MyCommands methods, with the Bot API's errors; s.mu must be held.
// Specs: https://core.telegram.org/bots/api#botcommandscope
func (s *Server) commandsKey(p params) (commandsKey, *apiError) {
	key := commandsKey{scope: "default", language: p.get("language_code")}
	if arg := p.get("scope"); arg != "" {
		v, err := decodeJSON(arg)
		if err != nil {
			return key, badRequest("can't parse BotCommandScope JSON object")
		}
		var chatID, problem string
		key.scope, chatID, key.userID, problem = parseScope(v)
		if problem != "" {
			return key, badRequest("can't parse BotCommandScope: %s", problem)
		}
		if chatID != "" {
			chat, aerr := s.findChat(chatID)
			if aerr != nil {
				return key, aerr
			}
			key.chatID = chat.ID
		}
	}
	if l := key.language; l != "" && (len(l) != 2 || l[0] < 'a' || l[0] > 'z' || l[1] < 'a' || l[1] > 'z') {
		return key, badRequest("invalid language code specified")
	}
	return key, nil
}

// parseScope reads a BotCommandScope object, or says what is wrong with it.
func parseScope(v any) (scope, chatID string, userID int64, problem string) {
	obj, ok := v.(map[string]any)
	if !ok {
		return "", "", 0, "BotCommandScope must be an Object"
	}
	scope, problem = stringField(obj, "type")
	switch {
	case problem != "":
		return "", "", 0, problem
	case scope == "default", scope == "all_private_chats", scope == "all_group_chats",
		scope == "all_chat_administrators":
		return scope, "", 0, ""
	case scope != "chat" && scope != "chat_administrators" && scope != "chat_member":
		return "", "", 0, "Unsupported type specified"
	}
	if chatID, problem = stringField(obj, "chat_id"); problem != "" {
		return "", "", 0, problem
	}
	if chatID == "" {
		return "", "", 0, "Empty chat_id specified"
	}
	if scope != "chat_member" {
		return scope, chatID, 0, ""
	}
	if userID, problem = int64Field(obj, "user_id"); problem != "" {
		return "", "", 0, problem
	}
	if userID <= 0 {
		return "", "", 0, "Invalid user_id specified"
	}
	return scope, chatID, userID, ""
}

// stringField reads a required string field of a JSON object as TDLib does,
// taking a number as its text.
func stringField(obj map[string]any, name string) (string, string) {
	switch v := obj[name].(type) {
	case string:
		return v, ""
	case json.Number:
		return v.String(), ""
	case nil:
		if _, present := obj[name]; !present {
			return "", fmt.Sprintf("Can't find field %q", name)
		}
	}
	return "", fmt.Sprintf("Field %q must be of type String", name)
}

// int64Field reads a required integer field, which may also be written as
// a string.
func int64Field(obj map[string]any, name string) (int64, string) {
	text, problem := stringField(obj, name)
	if problem != "" {
		if _, present := obj[name]; !present {
			return 0, problem
		}
		return 0, fmt.Sprintf("Field %q must be a valid Number", name)
	}
	n, err := strconv.ParseInt(text, 10, 64)
	if err != nil {
		return 0, fmt.Sprintf("Field %q must be a valid Number", name)
	}
	return n, ""
}
