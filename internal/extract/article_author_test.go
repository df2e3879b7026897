package extract

import (
	"strings"
	"testing"
)

// Emoji in a byline go (crier's go-trafilatura does without gomoji: see
// internal/thirdparty/go-trafilatura/CRIER.md); the name stays whole, in
// any script.
func TestBylineLosesItsEmoji(t *testing.T) {
	for _, tc := range []struct{ author, want string }{
		{"Jane Doe 🚀✨", "Jane Doe"},
		{"👩🏽‍💻 Անի Հակոբյան", "Անի Հակոբյան"},
		{"Ayşe Yılmaz 🇹🇷", "Ayşe Yılmaz"},
		{"1️⃣ Team Arev", "Team Arev"},
		// Invisible marks at the ends go too, and the name keeps its case
		// (a name not starting with a capital would be title-cased).
		{"&lrm;Ahmet IŞIK", "Ahmet IŞIK"},
		{"&rlm;Ани Петросян-МакКензи", "Ани Петросян-МакКензи"},
		{"&#8203;Jean-Luc MacLeod", "Jean-Luc MacLeod"},
		// A joiner inside a Sinhala word is no emoji.
		{"ශ්&zwj;රී Perera", "ශ්\u200dරී Perera"},
	} {
		page := `<html><head><meta name="author" content="` + tc.author + `"><title>Budget vote</title></head><body><article>
<h1>Budget vote</h1>` + strings.Repeat("<p>The assembly voted on the budget after a long debate that lasted well into the night, and members of every party spoke.</p>", 4) +
			`</article></body></html>`
		a, err := ArticleFromHTML([]byte(page), "https://news.example/budget")
		if err != nil {
			t.Fatal(err)
		}
		if a.Byline != tc.want {
			t.Errorf("byline of %q = %q, want %q", tc.author, a.Byline, tc.want)
		}
	}
}
