package clean

import (
	"strings"
	"testing"
	"time"
)

// TestCleanHostile feeds inputs meant to make Clean slow. Each runs at a
// quarter of its size and at full size: the full run may take at most ten
// times the quarter's (linear work takes four, quadratic sixteen). A ratio,
// not a deadline: the machine's speed and -race do not matter.
func TestCleanHostile(t *testing.T) {
	long := strings.Repeat("Quake hits eastern Turkey ", 40)
	rep := func(title, unit string, n int) func(int) (string, string) {
		return func(d int) (string, string) { return title, strings.Repeat(unit, n/d) }
	}
	tests := []struct {
		name  string
		input func(div int) (title, text string)
	}{
		{"one huge paragraph", rep("T", "word ", 1<<18)},
		{"huge paragraph of glue", rep("T", "aBcD1)E", 1<<16)},
		{"many short paragraphs", rep("T", "By Jane Doe\n\n", 1<<15)},
		{"many date lines", rep("T", "29 November 2026 14:05\n\n", 1<<14)},
		{"many title repeats", rep("Quake hits eastern Turkey", "Quake hits eastern Turkey | Site\n\n", 1<<14)},
		{"near titles", rep(long, long+"x\n\n", 1<<10)},
		{"huge title", func(d int) (string, string) {
			return strings.Repeat("word ", (1<<16)/d), strings.Repeat("word ", (1<<16)/d)
		}},
		{"separators", rep("A b c d e", "a | b - c: d / ", 1<<14)},
		{"many lines in a paragraph", rep("T", "By Jane Doe\n", 1<<15)},
		{"long source line", func(d int) (string, string) { return "T", "Source: " + strings.Repeat("Reuters, ", (1<<16)/d) }},
		{"capitalised words", rep("T", "Jane Doe ", 1<<16)},
		{"url", func(d int) (string, string) { return "T", "https://" + strings.Repeat("a.", (1<<17)/d) + "com" }},
	}
	timed := func(title, text string) (Result, time.Duration) {
		start := time.Now()
		res := Clean(title, text, "")
		return res, time.Since(start)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qt, qtext := tt.input(4)
			_, q1 := timed(qt, qtext)
			_, q2 := timed(qt, qtext)
			quarter := min(q1, q2)
			title, text := tt.input(1)
			res, full := timed(title, text)
			if full > 10*quarter+100*time.Millisecond {
				t.Errorf("%v on %d bytes, %v on a quarter of them: worse than linear", full, len(text), quarter)
			} else {
				t.Logf("%v on %d bytes, %v on a quarter", full, len(text), quarter)
			}
			checkProperties(t, text, res)
		})
	}
}
