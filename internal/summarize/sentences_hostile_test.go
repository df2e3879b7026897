package summarize

import (
	"strings"
	"testing"
	"time"
)

// TestSentencesHostile checks that inputs built to make quotation matching,
// opening phrases or missing spaces do quadratic work finish quickly.
func TestSentencesHostile(t *testing.T) {
	const n = 1 << 14
	tests := []struct{ name, lang, in string }{
		{"lone quotes after stops", "en", strings.Repeat("Yes. ' ", n)},
		{"lone quotes without stops", "en", strings.Repeat("a ' b '' ", n)},
		{"quote then no stop", "en", "Yes. ' " + strings.Repeat("word ", n) + "end."},
		{"openers never closed", "en", strings.Repeat("'Go `on \"and ", n)},
		{"opening phrases", "en", strings.Repeat("At 5 a.m. Mr. Smith ", n)},
		{"times without spaces", "en", strings.Repeat("at 5 a.m.", n)},
		{"missing spaces before lower case", "tr", strings.Repeat("vardı.değil", n)},
		{"curly quotes", "en", strings.Repeat("‘it’s. ’ ‚a‘ ", n)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			Sentences(tt.in, tt.lang)
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v on %d bytes", d, len(tt.in))
			}
		})
	}
}
