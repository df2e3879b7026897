package clean

import (
	"strings"
	"testing"
	"time"
)

// TestCleanHostile feeds inputs meant to make Clean slow: each must finish
// well within a deadline, as quadratic work on a megabyte would not.
func TestCleanHostile(t *testing.T) {
	long := strings.Repeat("Quake hits eastern Turkey ", 40)
	tests := []struct{ name, title, text string }{
		{"one huge paragraph", "T", strings.Repeat("word ", 1<<18)},
		{"huge paragraph of glue", "T", strings.Repeat("aBcD1)E", 1<<16)},
		{"many short paragraphs", "T", strings.Repeat("By Jane Doe\n\n", 1<<15)},
		{"many date lines", "T", strings.Repeat("29 November 2026 14:05\n\n", 1<<14)},
		{"many title repeats", "Quake hits eastern Turkey", strings.Repeat("Quake hits eastern Turkey | Site\n\n", 1<<14)},
		{"near titles", long, strings.Repeat(long+"x\n\n", 1<<10)},
		{"huge title", strings.Repeat("word ", 1<<16), strings.Repeat("word ", 1<<16)},
		{"separators", "A b c d e", strings.Repeat("a | b - c: d / ", 1<<14)},
		{"many lines in a paragraph", "T", strings.Repeat("By Jane Doe\n", 1<<15)},
		{"long source line", "T", "Source: " + strings.Repeat("Reuters, ", 1<<16)},
		{"capitalised words", "T", strings.Repeat("Jane Doe ", 1<<16)},
		{"url", "T", "https://" + strings.Repeat("a.", 1<<17) + "com"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			res := Clean(tt.title, tt.text, "")
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v on %d bytes", d, len(tt.text))
			} else {
				t.Logf("%v on %d bytes", d, len(tt.text))
			}
			checkProperties(t, tt.text, res)
		})
	}
}
