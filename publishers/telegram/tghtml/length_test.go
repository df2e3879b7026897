package tghtml_test

import (
	"strings"
	"testing"

	"github.com/crierhq/crier/publishers/telegram/tghtml"
)

func TestLengths(t *testing.T) {
	tests := []struct {
		in          string
		utf16, runs int
	}{
		{"", 0, 0},
		{"abc", 3, 3},
		{"é", 1, 1},
		{"🏟", 2, 1},
		{"➡️", 2, 2},
		{"\xff", 1, 1},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := tghtml.UTF16Len(tc.in); got != tc.utf16 {
				t.Errorf("UTF16Len(%q) = %d, want %d", tc.in, got, tc.utf16)
			}
			if got := tghtml.RuneLen(tc.in); got != tc.runs {
				t.Errorf("RuneLen(%q) = %d, want %d", tc.in, got, tc.runs)
			}
		})
	}
}

func TestVisibleLength(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want int
	}{
		{"tags are free", "<b>bold</b> <i>it</i>", 7},
		{"references count once", "&amp;&lt;&#x1F600;", 3},
		{"emoji counts as one code point", "🏟🏟", 2},
		{"surrounding whitespace trimmed", " \n x \n ", 1},
		{"carriage returns removed", "a\r\nb", 3},
		{"only whitespace", " \n ", 0},
		{"no-break space is not trimmed", "\u00a0x", 2},
		{"limit exactly", strings.Repeat("я", tghtml.MaxMessageLength), 4096},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tghtml.VisibleLength(tc.in)
			if err != nil || got != tc.want {
				t.Errorf("VisibleLength(%q) = %d, %v; want %d", tc.in, got, err, tc.want)
			}
		})
	}
	if _, err := tghtml.VisibleLength("<x>"); err == nil {
		t.Error("VisibleLength of bad HTML: no error")
	}
}
