package filter

import (
	"fmt"
	"strings"
)

// Item is what rules look at.
type Item struct {
	Title, Summary, Link string
	Categories           []string
}

// Text is an item folded for matching, once for all the filters that look
// at it.
type Text struct {
	fields map[Field][]string
}

// NewText folds an item.
func NewText(it Item) *Text {
	t := &Text{fields: map[Field][]string{
		Title:   {fold(it.Title)},
		Summary: {fold(it.Summary)},
		Link:    {fold(it.Link)},
	}}
	for _, c := range it.Categories {
		t.fields[Categories] = append(t.fields[Categories], fold(c))
	}
	return t
}

// Check tells whether the item passes: no include rule, or one matching,
// and no exclude rule matching. When it does not, reason names the rule
// as the config does, as in
//
//	exclude[1]: keyword "sponsored" in title
//
// A nil Filter passes everything.
func (f *Filter) Check(t *Text) (pass bool, reason string) {
	if f == nil {
		return true, ""
	}
	for _, r := range f.exclude {
		if field, ok := r.match(t); ok {
			return false, r.describe(field)
		}
	}
	if len(f.include) == 0 {
		return true, ""
	}
	for _, r := range f.include {
		if _, ok := r.match(t); ok {
			return true, ""
		}
	}
	return false, fmt.Sprintf("include: no rule matched (%d rules)", len(f.include))
}

// match reports the first of the rule's fields that matches.
func (r rule) match(t *Text) (Field, bool) {
	for _, f := range r.fields {
		for _, s := range t.fields[f] {
			if r.re != nil && r.re.MatchString(s) || r.re == nil && containsWord(s, string(r.keyword)) {
				return f, true
			}
		}
	}
	return "", false
}

func (r rule) describe(field Field) string {
	p := r.pattern
	if len(p) > 60 {
		p = strings.ToValidUTF8(p[:60], "") + "…"
	}
	return fmt.Sprintf("%s: %s %q in %s", r.path, r.kind, p, field)
}
