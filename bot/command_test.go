package bot_test

import (
	"reflect"
	"testing"

	"github.com/crierhq/crier/bot"
)

func TestParseCommand(t *testing.T) {
	tests := []struct {
		name, text string
		ok         bool
		want       bot.Command
	}{
		{"plain", "/status", true, bot.Command{Name: "status"}},
		{"args", "/subscribe  asbarez  ", true, bot.Command{Name: "subscribe", Args: []string{"asbarez"}, Raw: "asbarez"}},
		{"raw keeps spaces", "/add https://e.com/feed My Feed", true, bot.Command{Name: "add", Args: []string{"https://e.com/feed", "My", "Feed"}, Raw: "https://e.com/feed My Feed"}},
		{"for this bot", "/status@Crier_Bot", true, bot.Command{Name: "status"}},
		{"case folded", "/STATUS", true, bot.Command{Name: "status"}},
		{"newline after name", "/add\nhttps://e.com/", true, bot.Command{Name: "add", Args: []string{"https://e.com/"}, Raw: "https://e.com/"}},
		{"for another bot", "/status@other_bot", false, bot.Command{}},
		{"not a command", "hello /status", false, bot.Command{}},
		{"bare slash", "/", false, bot.Command{}},
		{"bad characters", "/stätus", false, bot.Command{}},
		{"too long", "/abcdefghijklmnopqrstuvwxyz1234567", false, bot.Command{}},
		{"path, not command", "/usr/bin", false, bot.Command{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := bot.ParseCommand(tt.text, "@crier_bot")
			if ok != tt.ok || !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ParseCommand(%q) = %+v, %v; want %+v, %v", tt.text, got, ok, tt.want, tt.ok)
			}
		})
	}
}
