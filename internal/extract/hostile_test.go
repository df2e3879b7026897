package extract

import (
	"strings"
	"testing"
	"time"
)

// TestPlainTextHostile feeds inputs meant to exhaust the stack, memory or time.
// Each must finish well within a deadline: quadratic behaviour on a few
// megabytes would take minutes.
func TestPlainTextHostile(t *testing.T) {
	const n = 1 << 18
	tests := []struct {
		name, in, want string
	}{
		{"deep nesting", strings.Repeat("<div><b>", n) + "deep" + strings.Repeat("</b></div>", n), "deep"},
		{"deep unclosed", strings.Repeat("<span><i>", n) + "deep", "deep"},
		{"deep dropped nesting", "a" + strings.Repeat("<svg>", n) + "x" + strings.Repeat("</svg>", n) + "b", "ab"},
		{"many stray end tags", "a" + strings.Repeat("<svg>", n) + strings.Repeat("</object>", n) + "</svg>b", "a"},
		{"misnesting closes everything once", "a" + strings.Repeat("<object><svg>", n) + strings.Repeat("</object>", n) + "b", "ab"},
		{"megabytes of text", strings.Repeat("word ", 1<<20), strings.TrimSpace(strings.Repeat("word ", 1<<20))},
		{"megabytes of breaks", "a" + strings.Repeat("<br>", 1<<20) + "b", "a\n\nb"},
		{"megabytes of ampersands", strings.Repeat("&amp;", 1<<20), strings.Repeat("&", 1<<20)},
		{"megabytes of less-thans", strings.Repeat("<", 1<<20), strings.Repeat("<", 1<<20)},
		{"huge attribute", `<a href="` + strings.Repeat("x", 1<<22) + `">link</a>`, "link"},
		{"huge unclosed comment", "a<!--" + strings.Repeat("-", 1<<22), "a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			got := PlainText(tt.in)
			if got != tt.want {
				t.Errorf("PlainText(%.40q...) = %.60q..., want %.60q...", tt.in, got, tt.want)
			}
			if d := time.Since(start); d > 10*time.Second {
				t.Errorf("took %v on %d bytes", d, len(tt.in))
			}
		})
	}
}

func BenchmarkPlainText(b *testing.B) {
	page := strings.Repeat(`<p>Some <b>bold</b> text &amp; an <a href="/x">link</a>.</p><script>x()</script>`, 1000)
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		PlainText(page)
	}
}
