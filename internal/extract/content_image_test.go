package extract

import (
	"strings"
	"testing"
)

func TestContentImage(t *testing.T) {
	for _, tc := range []struct {
		name, html, want, alt string
	}{
		{"first usable", `<p><img src="https://pixel.wp.com/g.gif" width="1" height="1"><img src="/2026/lead.jpg" alt="The  square"></p>`,
			"https://news.example/2026/lead.jpg", "The square"},
		{"tiny skipped", `<img src="https://e.com/icon.png" width="24" height="24"><img src="https://e.com/b.jpg" width="800">`, "https://e.com/b.jpg", ""},
		{"emoji skipped", `<img src="https://s.w.org/images/core/emoji/14/72x72/1f600.png"> text`, "", ""},
		{"no image", `<p>Just text &amp; more</p>`, "", ""},
		{"plain text", `no tags at all`, "", ""},
		{"data url", `<img src="data:image/png;base64,AAAA">`, "", ""},
		{"broken html", `<p><img src="https://e.com/c.jpg"`, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := ContentImage(tc.html, "https://news.example/story/1")
			if got.URL != tc.want || got.Alt != tc.alt {
				t.Errorf("ContentImage = %+v, want %q %q", got, tc.want, tc.alt)
			}
		})
	}
	// A hostile item with thousands of pixels before a photo: the scan
	// gives up rather than walk them all.
	many := strings.Repeat(`<img src="https://e.com/p.gif" width="1" height="1">`, 5000) + `<img src="https://e.com/late.jpg">`
	if got := ContentImage(many, ""); got.URL != "" {
		t.Errorf("looked past %d images: %+v", maxContentImages, got)
	}
}
