package telegramapi_test

import (
	"encoding/json"
	"fmt"
	"net/url"
	"reflect"
	"strings"
	"testing"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/crierhq/crier/internal/fakes/telegramapi"
)

// commandsJSON is a commands argument of n commands named c0, c1...
func commandsJSON(n int) string {
	var cs []string
	for i := range n {
		cs = append(cs, fmt.Sprintf(`{"command":"c%d","description":"d"}`, i))
	}
	return "[" + strings.Join(cs, ",") + "]"
}

func TestSetMyCommandsValidation(t *testing.T) {
	one := func(command, description string) string {
		b, _ := json.Marshal([]map[string]string{{"command": command, "description": description}})
		return string(b)
	}
	tests := []struct {
		name string
		args url.Values
		desc string // "" when the commands must be accepted
	}{
		{"valid", url.Values{"commands": {one("sub_2", "Subscribe")}}, ""},
		{"a hundred", url.Values{"commands": {commandsJSON(100)}}, ""},
		{"32 characters", url.Values{"commands": {one(strings.Repeat("a", 32), "x")}}, ""},
		{"256-character description", url.Values{"commands": {one("a", strings.Repeat("я", 256))}}, ""},
		{"upper case", url.Values{"commands": {one("Start", "x")}}, "Bad Request: BOT_COMMAND_INVALID"},
		{"hyphen", url.Values{"commands": {one("my-feeds", "x")}}, "Bad Request: BOT_COMMAND_INVALID"},
		{"not Latin", url.Values{"commands": {one("старт", "x")}}, "Bad Request: BOT_COMMAND_INVALID"},
		{"33 characters", url.Values{"commands": {one(strings.Repeat("a", 33), "x")}},
			"Bad Request: command length must not exceed 32"},
		{"empty command", url.Values{"commands": {one(" / ", "x")}}, "Bad Request: command must be non-empty"},
		{"empty description", url.Values{"commands": {one("a", " ")}}, "Bad Request: command description must be non-empty"},
		{"257-character description", url.Values{"commands": {one("a", strings.Repeat("x", 257))}},
			"Bad Request: command description length must not exceed 256"},
		{"101 commands", url.Values{"commands": {commandsJSON(101)}}, "Bad Request: BOT_COMMANDS_TOO_MUCH"},
		{"not JSON", url.Values{"commands": {"["}}, "Bad Request: can't parse commands JSON object"},
		{"not a list", url.Values{"commands": {`{"command":"a"}`}}, "Bad Request: expected an Array of BotCommand"},
		{"null", url.Values{"commands": {"null"}}, "Bad Request: expected an Array of BotCommand"},
		{"empty list", url.Values{"commands": {"[]"}}, ""},
		{"no commands argument", nil, ""},
		{"not an object", url.Values{"commands": {`["start"]`}}, "Bad Request: can't parse BotCommand: expected an Object"},
		{"no description", url.Values{"commands": {`[{"command":"a"}]`}},
			`Bad Request: can't parse BotCommand: Can't find field "description"`},
		{"description not a string", url.Values{"commands": {`[{"command":"a","description":true}]`}},
			`Bad Request: can't parse BotCommand: Field "description" must be of type String`},
		{"language", url.Values{"commands": {one("a", "b")}, "language_code": {"de"}}, ""},
		{"bad language", url.Values{"commands": {one("a", "b")}, "language_code": {"deu"}},
			"Bad Request: invalid language code specified"},
		{"scope", url.Values{"commands": {one("a", "b")}, "scope": {`{"type":"all_private_chats"}`}}, ""},
		{"chat scope", url.Values{"commands": {one("a", "b")}, "scope": {`{"type":"chat","chat_id":1001}`}}, ""},
		{"chat scope by username", url.Values{"commands": {one("a", "b")},
			"scope": {`{"type":"chat_administrators","chat_id":"@crier_news"}`}}, ""},
		{"chat member scope", url.Values{"commands": {one("a", "b")},
			"scope": {`{"type":"chat_member","chat_id":-1001234567890,"user_id":1001}`}}, ""},
		{"scope not JSON", url.Values{"commands": {one("a", "b")}, "scope": {"{"}},
			"Bad Request: can't parse BotCommandScope JSON object"},
		{"scope not an object", url.Values{"commands": {one("a", "b")}, "scope": {`"default"`}},
			"Bad Request: can't parse BotCommandScope: BotCommandScope must be an Object"},
		{"unknown scope", url.Values{"commands": {one("a", "b")}, "scope": {`{"type":"everyone"}`}},
			"Bad Request: can't parse BotCommandScope: Unsupported type specified"},
		{"chat scope without chat", url.Values{"commands": {one("a", "b")}, "scope": {`{"type":"chat"}`}},
			`Bad Request: can't parse BotCommandScope: Can't find field "chat_id"`},
		{"chat scope of an unknown chat", url.Values{"commands": {one("a", "b")},
			"scope": {`{"type":"chat","chat_id":42}`}}, "Bad Request: chat not found"},
		{"chat member without user", url.Values{"commands": {one("a", "b")},
			"scope": {`{"type":"chat_member","chat_id":1001}`}},
			`Bad Request: can't parse BotCommandScope: Can't find field "user_id"`},
		{"chat member with a bad user", url.Values{"commands": {one("a", "b")},
			"scope": {`{"type":"chat_member","chat_id":1001,"user_id":0}`}},
			"Bad Request: can't parse BotCommandScope: Invalid user_id specified"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv := newServer(t, telegramapi.Options{})
			addChats(srv, userChat, channelChat)
			status, a := call(t, srv, "setMyCommands", tc.args)
			switch {
			case tc.desc == "" && (status != 200 || string(a.Result) != "true"):
				t.Errorf("setMyCommands = %d %q, want success", status, a.Description)
			case tc.desc != "" && (status != 400 || a.Description != tc.desc):
				t.Errorf("setMyCommands = %d %q, want 400 %q", status, a.Description, tc.desc)
			}
		})
	}
}

// Each scope and language has its own list, which getMyCommands returns
// as set.
func TestMyCommandsByScopeAndLanguage(t *testing.T) {
	srv := newServer(t, telegramapi.Options{})
	addChats(srv, userChat)
	bot := newBot(t, srv)
	set := func(cfg tgbotapi.SetMyCommandsConfig) {
		t.Helper()
		if _, err := bot.Request(cfg); err != nil {
			t.Fatalf("setMyCommands: %v", err)
		}
	}
	english := []tgbotapi.BotCommand{{Command: "/list", Description: " Your feeds "}, {Command: "add", Description: "Add a feed"}}
	german := []tgbotapi.BotCommand{{Command: "list", Description: "Deine Feeds"}}
	private := []tgbotapi.BotCommand{{Command: "start", Description: "Start"}}
	chatScope := tgbotapi.NewBotCommandScopeChat(userChat.ID)
	set(tgbotapi.NewSetMyCommands(english...))
	set(tgbotapi.NewSetMyCommandsWithScopeAndLanguage(tgbotapi.NewBotCommandScopeDefault(), "de", german...))
	set(tgbotapi.NewSetMyCommandsWithScope(chatScope, private...))

	get := func(cfg tgbotapi.GetMyCommandsConfig) []tgbotapi.BotCommand {
		t.Helper()
		got, err := bot.GetMyCommandsWithConfig(cfg)
		if err != nil {
			t.Fatalf("getMyCommands: %v", err)
		}
		return got
	}
	stored := []tgbotapi.BotCommand{{Command: "list", Description: "Your feeds"}, {Command: "add", Description: "Add a feed"}}
	tests := []struct {
		name string
		cfg  tgbotapi.GetMyCommandsConfig
		want []tgbotapi.BotCommand
	}{
		{"default, trimmed", tgbotapi.GetMyCommandsConfig{}, stored},
		{"German", tgbotapi.NewGetMyCommandsWithScopeAndLanguage(tgbotapi.NewBotCommandScopeDefault(), "de"), german},
		{"a chat", tgbotapi.NewGetMyCommandsWithScope(chatScope), private},
		{"a language never set", tgbotapi.NewGetMyCommandsWithScopeAndLanguage(tgbotapi.NewBotCommandScopeDefault(), "fr"),
			[]tgbotapi.BotCommand{}},
		{"a scope never set", tgbotapi.NewGetMyCommandsWithScope(tgbotapi.NewBotCommandScopeAllGroupChats()),
			[]tgbotapi.BotCommand{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := get(tc.cfg); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("getMyCommands = %+v, want %+v", got, tc.want)
			}
		})
	}

	wantEnglish := []telegramapi.BotCommand{{Command: "list", Description: "Your feeds"}, {Command: "add", Description: "Add a feed"}}
	if got := srv.Commands(""); !reflect.DeepEqual(got, wantEnglish) {
		t.Errorf("Commands(\"\") = %+v", got)
	}
	if got := srv.Commands("de"); len(got) != 1 || got[0].Description != "Deine Feeds" {
		t.Errorf("Commands(\"de\") = %+v", got)
	}

	// An empty list and deleteMyCommands both remove a list. (A nil list
	// would go out as null, which Telegram refuses.)
	set(tgbotapi.SetMyCommandsConfig{Commands: []tgbotapi.BotCommand{}, LanguageCode: "de"})
	if _, err := bot.Request(tgbotapi.NewDeleteMyCommands()); err != nil {
		t.Fatalf("deleteMyCommands: %v", err)
	}
	if en, de := srv.Commands(""), srv.Commands("de"); en != nil || de != nil {
		t.Errorf("after removal: %+v, %+v", en, de)
	}
	if got := get(tgbotapi.NewGetMyCommandsWithScope(chatScope)); len(got) != 1 {
		t.Errorf("the chat's list went too: %+v", got)
	}
}

func TestMyCommandsRecorded(t *testing.T) {
	srv := newServer(t, telegramapi.Options{})
	mustCall(t, srv, "setMyCommands", url.Values{"commands": {commandsJSON(1)}, "language_code": {"en"}})
	mustCall(t, srv, "getMyCommands", url.Values{"language_code": {"en"}})
	reqs := srv.Requests()
	if len(reqs) != 2 || reqs[0].Method != "setMyCommands" || reqs[0].Params["commands"] != commandsJSON(1) ||
		reqs[1].Method != "getMyCommands" || reqs[1].Status != 200 {
		t.Errorf("Requests = %+v", reqs)
	}
}
