package leadimage

import "testing"

func TestUsable(t *testing.T) {
	for _, tc := range []struct {
		name string
		c    Candidate
		want bool
	}{
		{"photo", Candidate{URL: "https://cdn.example.com/2026/11/protest.jpg"}, true},
		{"resizer script", Candidate{URL: "https://example.com/image.php?id=42&w=1200"}, true},
		{"no extension", Candidate{URL: "https://images.example.com/abc123/w1200"}, true},
		{"declared image", Candidate{URL: "https://example.com/get?id=1", Type: "image/jpeg", Width: 1200, Height: 800}, true},
		{"Armenian path", Candidate{URL: "https://armenpress.am/static/news/Երևան.jpg"}, true},
		{"tiny", Candidate{URL: "https://example.com/a.png", Width: 16, Height: 16}, false},
		{"one dimension tiny", Candidate{URL: "https://example.com/a.png", Width: 1200, Height: 1}, false},
		{"feedburner pixel", Candidate{URL: "https://feeds.feedburner.com/~r/Example/~4/abc"}, false},
		{"wordpress stats", Candidate{URL: "https://pixel.wp.com/b.gif?host=x"}, false},
		{"avatar", Candidate{URL: "https://secure.gravatar.com/avatar/abc?s=96"}, false},
		{"emoji", Candidate{URL: "https://s.w.org/images/core/emoji/14.0.0/72x72/1f4f0.png"}, false},
		{"audio enclosure", Candidate{URL: "https://example.com/episode.mp3", Type: "audio/mpeg"}, false},
		{"video by extension", Candidate{URL: "https://example.com/clip.mp4"}, false},
		{"pdf", Candidate{URL: "https://example.com/report.pdf"}, false},
		{"svg", Candidate{URL: "https://example.com/logo.svg"}, false},
		{"svg type", Candidate{URL: "https://example.com/logo", Type: "image/svg+xml"}, false},
		{"data URL", Candidate{URL: "data:image/png;base64,iVBORw0KGgo="}, false},
		{"javascript", Candidate{URL: "javascript:alert(1)"}, false},
		{"relative", Candidate{URL: "/img/a.jpg"}, false},
		{"empty", Candidate{}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Usable(tc.c); got != tc.want {
				t.Errorf("Usable(%+v) = %v, want %v", tc.c, got, tc.want)
			}
		})
	}
}

func TestFirstSkipsUnusable(t *testing.T) {
	got := First(Candidate{URL: "https://pixel.wp.com/g.gif"}, Candidate{URL: " https://e.com/a.jpg ", Alt: " Police  at the\nsquare "})
	if got.URL != "https://e.com/a.jpg" || got.Alt != "Police at the square" {
		t.Errorf("First = %+v", got)
	}
	if got := First(Candidate{URL: "ftp://e.com/a.jpg"}); got.URL != "" {
		t.Errorf("First of nothing usable = %+v", got)
	}
}

func TestNamedAsImage(t *testing.T) {
	for u, want := range map[string]bool{
		"https://e.com/a.JPG": true, "https://e.com/a.webp?w=1200": true, "https://e.com/clip.mp4": false,
		"https://e.com/image.php?id=1": false, "https://e.com/": false, "%": false,
	} {
		if got := NamedAsImage(u); got != want {
			t.Errorf("NamedAsImage(%q) = %v, want %v", u, got, want)
		}
	}
}
