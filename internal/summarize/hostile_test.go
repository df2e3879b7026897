package summarize

import (
	"strings"
	"testing"
	"time"
)

// TestSummarizeHostile checks that inputs built to trigger quadratic work
// finish quickly: the splitter looks at most a bounded distance around a stop.
func TestSummarizeHostile(t *testing.T) {
	const n = 1 << 18
	tests := []struct {
		name, title, in string
	}{
		{"dots without spaces", "title", strings.Repeat("a.Ba", n)},
		{"one huge word before a dot", "title", strings.Repeat("x", 4*n) + ". Next"},
		{"many stops", "title", strings.Repeat("Yes. ", n)},
		{"many openers", "title", strings.Repeat("(«\"", n) + "end. Next" + strings.Repeat(")»\"", n)},
		{"many closers", "title", strings.Repeat(")»", n) + ". Next"},
		{"spaced dots", "title", strings.Repeat(" .", n)},
		{"footnotes", "title", "End." + strings.Repeat("[1]", n) + " Next"},
		{"huge title repeated", strings.Repeat("Ünïcode ", n), strings.Repeat("Ünïcode ", n) + "Body."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			Summarize(tt.title, tt.in, "en", Budget{})
			if d := time.Since(start); d > 10*time.Second {
				t.Errorf("took %v on %d bytes", d, len(tt.in))
			}
		})
	}
}
