package statuslen_test

import (
	"strings"
	"testing"

	"github.com/crierhq/crier/publishers/mastodon/statuslen"
)

// These cases pin the server's rule beyond the upstream spec, each worked
// out from twitter-text's regexes and Mastodon's extractor by hand.
func TestCount(t *testing.T) {
	cases := []struct {
		name string
		text string
		want int
	}{
		{"plain text", "hello world", 11},
		{"URL with scheme counts as 23", "see https://example.com", 4 + 23},
		{"scheme and host are case-insensitive", "HTTPS://EXAMPLE.COM", 23},
		{"schemeless host counts literally", "see example.com", 15},
		{"URL after a letter is not linked", "xhttps://example.com", 20},
		{"URL after a directional mark is linked", "\u200fhttps://example.com", 1 + 23},
		{"URL at the start of a line", "a\nhttps://example.com", 2 + 23},
		{"trailing sentence punctuation stays outside", "(https://example.com/a.)", 1 + 23 + 2},
		{"query keeps its last ending character", "https://example.com/?q=1&x=.", 23 + 1},
		{"port and path", "https://example.com:8080/x", 23},
		{"balanced parentheses in a path", "https://en.wikipedia.org/wiki/Primer_(film)", 23},
		{"IDN host", "https://grå.org/", 23},
		{"non-Latin IDN host", "https://慕田峪长城.网址/", 23},
		{"punycode TLD", "https://example.xn--p1ai", 23},
		{"unknown TLD counts literally", "https://foo.notatld/x", 21},
		{"host without a dot counts literally", "http://localhost:3000/", 22},
		{"label longer than 63 counts literally", "http://" + strings.Repeat("a", 64) + ".com", 7 + 64 + 4},
		{"label of 63 is linked", "http://" + strings.Repeat("a", 63) + ".com", 23},
		{"t.co keeps only the slug", "https://t.co/abc123/rest", 23 + 5},
		{"t.co slug over 40 counts literally", "https://t.co/" + strings.Repeat("a", 41), 13 + 41},
		{"a schemeless match swallows the URL in its path", "example.com/http://foo.com", 26},
		{"two URLs", "https://a.com https://b.org", 23 + 1 + 23},
		{"remote mention counts as @user", "@bob@example.com hi", 7},
		{"server drops any remote domain, dotted or not", "@bob@localhost", 4},
		{"local mention unchanged", "@bob hi", 7},
		{"e-mail address counts literally", "mail bob@example.com", 20},
		{"mention inside a URL path belongs to the URL", "https://x.com/@bob@y.com", 23},
		{"mention followed by an at sign is dropped", "@bob@x.com@y", 12},
		{"remote domain over 253 counts literally", "@a@" + strings.Repeat("b", 254), 257},
		{"blank text counts nothing", " \u00a0\n", 0},
		{"ASCII white space around the text is stripped", "  hi \n", 2},
		{"no-break space is not stripped", "hi\u00a0", 3},
		{"emoji ZWJ sequence is one character", "👩‍👩‍👧‍👦", 1},
		{"flags are one character each", "🇳🇴🇸🇪", 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := statuslen.Count(c.text, statuslen.DefaultURLLength); got != c.want {
				t.Errorf("Count(%q) = %d, want %d", c.text, got, c.want)
			}
		})
	}
}

func TestCountURLLength(t *testing.T) {
	cases := []struct {
		name   string
		urlLen int
		want   int
	}{
		{"instance reserving 30", 30, 4 + 30},
		{"instance reserving 0", 0, 4},
		{"negative treated as 0", -5, 4},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := statuslen.Count("see https://example.com", c.urlLen); got != c.want {
				t.Errorf("Count = %d, want %d", got, c.want)
			}
		})
	}
}

func TestCountWithSpoiler(t *testing.T) {
	cases := []struct {
		name          string
		spoiler, text string
		want          int
	}{
		{"warning counts literally, URLs included", "https://example.com", "hi", 19 + 2},
		{"warning is stripped too", " cw ", "hi", 4},
		// The server counts the joined string, so a combining mark at the
		// start of the text merges with the warning's last character.
		{"clusters span the join", "a", "\u0301b", 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := statuslen.CountWithSpoiler(c.spoiler, c.text, statuslen.DefaultURLLength); got != c.want {
				t.Errorf("CountWithSpoiler(%q, %q) = %d, want %d", c.spoiler, c.text, got, c.want)
			}
		})
	}
}

func TestCountableText(t *testing.T) {
	x := strings.Repeat("x", 23)
	cases := []struct {
		name, in, want string
	}{
		{"sentence period after a bare host", "see example.com.", "see " + x + "."},
		{"closing parenthesis outside the URL", "(see https://example.com/a)", "(see " + x + ")"},
		{"balanced parenthesis inside the URL", "https://en.wikipedia.org/wiki/Primer_(film)", x},
		{"unknown TLD left alone", "see example.notatld", "see example.notatld"},
		{"file name left alone", "open notes.txt", "open notes.txt"},
		{"scheme URL to localhost collapses", "http://localhost:3000/x", x},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := statuslen.CountableText(c.in); got != c.want {
				t.Errorf("CountableText(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}
