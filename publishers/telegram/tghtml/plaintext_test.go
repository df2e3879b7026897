package tghtml

import "testing"

func TestPlainText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<b>Title</b>\n\nText &amp; more", "Title\n\nText & more"},
		{"<b>Title</i> broken &bogus; a < b", "Title broken &bogus; a < b"},
		{`<a href="x">link</a> <unknown>tag</unknown>`, "link tag"},
		{"no markup", "no markup"},
		{"<b unclosed", "<b unclosed"},
	}
	for _, tt := range tests {
		if got := PlainText(tt.in); got != tt.want {
			t.Errorf("PlainText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
