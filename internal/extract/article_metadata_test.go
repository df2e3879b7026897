package extract

import "testing"

func TestByline(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"Jane Doe", "Jane Doe"},
		{"Stella Kim; Jennifer Jett", "Stella Kim, Jennifer Jett"},
		{"Jeffrey Gettleman; JEFFREY GETTLEMAN", "Jeffrey Gettleman"},
		{" Jane \n Doe ;; ", "Jane Doe"},
		{"Jane\u200bDoe\xff", "JaneDoe\uFFFD"},
	}
	for _, tt := range tests {
		if got := byline(tt.in); got != tt.want {
			t.Errorf("byline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestOneLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  Storm\n\n closes\tharbour ", "Storm closes harbour"},
		{"Cafe\u0301", "Café"}, // composed to NFC
		{"bad\xffbyte", "bad\uFFFDbyte"},
		{"a\u202eb", "ab"},
	}
	for _, tt := range tests {
		if got := oneLine(tt.in); got != tt.want {
			t.Errorf("oneLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestIsOnlyTitle(t *testing.T) {
	doc := parseHTML(t, "<title> Home \n page</title><body>")
	tests := []struct {
		name       string
		paragraphs []string
		title      string
		want       bool
	}{
		{"metadata title", []string{"Breaking news"}, "Breaking news", true},
		{"title element", []string{"Home page"}, "Something else", true},
		{"more than the title", []string{"Home page", "An article."}, "Home page", false},
		{"other text", []string{"An article."}, "Home page", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := isOnlyTitle(tt.paragraphs, tt.title, doc); got != tt.want {
				t.Errorf("isOnlyTitle = %v, want %v", got, tt.want)
			}
		})
	}
}
