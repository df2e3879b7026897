package extract

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
)

// wordPattern is \w in the Unicode sense: letters, marks, digits and
// connector punctuation. Go's own \w is ASCII only, which would cut the
// corpus's Chinese, Russian and accented pages into meaningless pieces.
var wordPattern = regexp.MustCompile(`[\p{L}\p{M}\p{N}\p{Pc}]+`)

// shingleSize is 4, the usual choice for near-duplicate and extraction
// scoring: long enough that a shingle places words in their sentence, short
// enough that one differing word spoils only four shingles.
const shingleSize = 4

// shingles counts the 4-word shingles of text, lower-cased so that a heading
// rendered in capitals by CSS and one typed in capitals score the same. A
// text of fewer words than a shingle is one shingle. Counting (rather than a
// set) makes a paragraph extracted twice cost precision.
func shingles(text string) map[string]int {
	words := wordPattern.FindAllString(strings.ToLower(text), -1)
	counts := make(map[string]int)
	if len(words) == 0 {
		return counts
	}
	if len(words) < shingleSize {
		counts[strings.Join(words, " ")]++
		return counts
	}
	for i := 0; i+shingleSize <= len(words); i++ {
		counts[strings.Join(words[i:i+shingleSize], " ")]++
	}
	return counts
}

// shingleF1 is the harmonic mean of the precision and recall of got's
// shingles against want's, counted as multisets.
func shingleF1(got, want map[string]int) (f1, precision, recall float64) {
	var nGot, nWant, overlap int
	for s, n := range got {
		nGot += n
		overlap += min(n, want[s])
	}
	for _, n := range want {
		nWant += n
	}
	if nGot == 0 && nWant == 0 {
		return 1, 1, 1
	}
	if overlap == 0 {
		return 0, 0, 0
	}
	precision = float64(overlap) / float64(nGot)
	recall = float64(overlap) / float64(nWant)
	return 2 * precision * recall / (precision + recall), precision, recall
}

// documentText returns the text nodes of an HTML document with a space at
// each block element's start and end, so that words of adjacent blocks do
// not run together while words split by inline markup stay whole.
func documentText(doc *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			if isDropped(n.DataAtom) {
				return
			}
		}
		block := n.Type == html.ElementNode && (isBlock(n.DataAtom) || isCell(n.DataAtom))
		if block {
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			b.WriteByte(' ')
		}
	}
	walk(doc)
	return b.String()
}
