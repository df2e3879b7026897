package extract

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestParagraphs(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"blocks and inline", "<h2>Head</h2><p>a <b>b</b>\n c</p>", []string{"Head", "a b c"}},
		{"lists", "<ul><li>x</li><li>y</li></ul>", []string{"x", "y"}},
		{"table cells on one line", "<table><tr><td>1</td><td>2</td></tr><tr><td>3</td></tr></table>", []string{"1 2", "3"}},
		{"br", "<p>line one<br>line two</p>", []string{"line one", "line two"}},
		{"dropped elements", "<p>a<script>x()</script><style>p{}</style>b</p>", []string{"ab"}},
		{"blank lines in text", "<p>one\n\n\ntwo</p>", []string{"one", "two"}},
		{"invisible characters", "<p>a\u200bb \u202ec</p>", []string{"ab c"}},
		{"invalid UTF-8", "<p>caf\xe9</p>", []string{"caf\uFFFD"}},
		{"NFC", "<p>Cafe\u0301</p>", []string{"Café"}},
		{"empty", "<div> <p> </p> </div>", nil},
		{"nested", "<div><div><p>deep</p></div>tail</div>", []string{"deep", "tail"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if got := paragraphs(doc); !slices.Equal(got, tt.want) {
				t.Errorf("paragraphs = %q, want %q", got, tt.want)
			}
		})
	}
	if got := paragraphs(nil); got != nil {
		t.Errorf("paragraphs(nil) = %q", got)
	}
}

// TestParagraphsBuiltTree covers trees built in code, as trafilatura builds
// its output: elements without DataAtom and a root with siblings.
func TestParagraphsBuiltTree(t *testing.T) {
	root := &html.Node{Type: html.ElementNode, Data: "body"}
	for _, s := range []string{"first", "second"} {
		p := &html.Node{Type: html.ElementNode, Data: "p"}
		p.AppendChild(&html.Node{Type: html.TextNode, Data: s})
		root.AppendChild(p)
	}
	parent := &html.Node{Type: html.ElementNode, Data: "div"}
	parent.AppendChild(root)
	parent.AppendChild(&html.Node{Type: html.TextNode, Data: "outside"})
	if got, want := paragraphs(root), []string{"first", "second"}; !slices.Equal(got, want) {
		t.Errorf("paragraphs = %q, want %q", got, want)
	}
}
