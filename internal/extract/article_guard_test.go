package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func TestGuardDocumentJSON(t *testing.T) {
	tests := []struct {
		name, script string
		want         string // the script's text afterwards; "-" if removed
	}{
		{"valid object", `{"datePublished": "2024-03-05"}`, `{"datePublished": "2024-03-05"}`},
		{"valid array", ` [{"@type": "NewsArticle"}] `, `[{"@type": "NewsArticle"}]`},
		{"stray braces repaired", `{"a": 1}} }`, `{"a": 1}`},
		{"too many stray braces", `{"a": 1}` + strings.Repeat("}", maxJSONRepairs+1), "-"},
		{"brace flood", `{"a": 1}` + strings.Repeat("}", 1<<16), "-"},
		{"nested too deep for encoding/json", strings.Repeat(`{"a":`, 20000) + "1" + strings.Repeat("}", 20000), "-"},
		{"not JSON", `var x = 1;`, "-"},
		{"empty", ``, "-"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := parseHTML(t, `<head><script type="application/ld+json">`+tt.script+`</script></head><body><p>text</p>`)
			if err := guardDocument(doc); err != nil {
				t.Fatal(err)
			}
			got := "-"
			for n := range doc.Descendants() {
				if n.DataAtom == atom.Script {
					got = ""
					for c := n.FirstChild; c != nil; c = c.NextSibling {
						got += c.Data
					}
				}
			}
			if got != tt.want {
				t.Errorf("script afterwards %.80q, want %.80q", got, tt.want)
			}
		})
	}
}

func TestGuardDocumentLeavesOtherScripts(t *testing.T) {
	for _, typ := range []string{"", "text/javascript", "application/json", "module"} {
		doc := parseHTML(t, `<script type="`+typ+`">not json }}}</script>`)
		if err := guardDocument(doc); err != nil {
			t.Fatal(err)
		}
		var found bool
		for n := range doc.Descendants() {
			found = found || (n.Type == html.ElementNode && n.DataAtom == atom.Script)
		}
		if !found {
			t.Errorf("script of type %q removed", typ)
		}
	}
}

func TestGuardDocumentElements(t *testing.T) {
	if err := guardDocument(parseHTML(t, strings.Repeat("<br>", maxPageElements-10))); err != nil {
		t.Errorf("just under the limit: %v", err)
	}
	if err := guardDocument(parseHTML(t, strings.Repeat("<br>", maxPageElements))); err == nil {
		t.Error("over the limit: no error")
	}
}
