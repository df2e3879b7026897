package tghtml_test

import (
	"testing"

	"github.com/crierhq/crier/publishers/telegram/tghtml"
)

// Expected values follow TDLib's fix_formatted_text.
func TestNormalize(t *testing.T) {
	bold := func(off, n int) tghtml.Entity { return tghtml.Entity{Type: tghtml.Bold, Offset: off, Length: n} }
	tests := []struct {
		name     string
		html     string
		text     string
		entities []tghtml.Entity
	}{
		{"trims spaces and newlines", " \n hi \n ", "hi", nil},
		{"tab becomes space and is trimmed", "\thi\t", "hi", nil},
		{"leading whitespace inside an entity stays", "<b>  hi</b>", "  hi", []tghtml.Entity{bold(0, 4)}},
		{"leading whitespace before an entity goes", "  <b>hi</b>", "hi", []tghtml.Entity{bold(0, 2)}},
		{"trailing whitespace cut from entity", "<b>hi  </b>  ", "hi", []tghtml.Entity{bold(0, 2)}},
		{"entity of only trailing whitespace dropped", "hi<b>  </b>", "hi", nil},
		{"carriage return removed and entity moved", "a\r<b>b\rc</b>", "abc", []tghtml.Entity{bold(1, 2)}},
		{"line separator removed", "a\u2028b", "ab", nil},
		{"control character becomes space", "a\x01b", "a b", nil},
		{"direction marks", "a\u200e\u200f\u200fb", "a\u200c\u200c\u200fb", nil},
		{"all whitespace", " \n\t", "", nil},
		{"emoji offsets", "🏟\r<b>🏟</b>", "🏟🏟", []tghtml.Entity{bold(2, 2)}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text, entities, err := tghtml.Parse(tc.html)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			text, entities = tghtml.Normalize(text, entities)
			checkParsed(t, text, entities, tc.text, tc.entities)
		})
	}
}

func TestIsBlank(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"", true},
		{" \n", true},
		{"\u200b\u200d\ufeff", true},
		{"\u00a0\u2003\u3000", true},
		{"\U000e0041", true},
		{"\u202e", true},
		{".", false},
		{"\u200b.\u200b", false},
		{"\u2063", false},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := tghtml.IsBlank(tc.in); got != tc.want {
				t.Errorf("IsBlank(%q) = %v, want %v", tc.in, got, tc.want)
			}
		})
	}
}
