// Package filter decides, per source and per target, which items are posted:
// include and exclude rules, as whole-word keywords or RE2 regular
// expressions, on an item's title, summary, categories and link. It is pure:
// rules are compiled once from the config and matched without I/O.
package filter

import (
	"fmt"
	"regexp"
	"strings"
)

// Limits on what a config may ask for. RE2 matches in time linear in the
// text, but compiling and matching still grow with the pattern: a cap keeps
// one careless rule from costing every poll.
const (
	MaxPattern = 512 // bytes of a keyword or regex
	MaxRules   = 100 // include and exclude rules of one source or target
)

// Field is a part of an item a rule looks at.
type Field string

const (
	Title      Field = "title"
	Summary    Field = "summary"
	Categories Field = "categories"
	Link       Field = "link"
)

// AllFields are what a rule without fields looks at.
var AllFields = []Field{Title, Summary, Categories, Link}

// Rule is one rule as configured: a keyword or a regex (exactly one), and
// the fields it looks at (none: all of them).
type Rule struct {
	Keyword string   `yaml:"keyword,omitempty"`
	Regex   string   `yaml:"regex,omitempty"`
	Fields  []string `yaml:"fields,omitempty"`
}

// Rules are a source's or a target's filters as configured.
type Rules struct {
	Include []Rule `yaml:"include,omitempty"`
	Exclude []Rule `yaml:"exclude,omitempty"`
}

// Empty reports whether no rule is set.
func (r Rules) Empty() bool { return len(r.Include) == 0 && len(r.Exclude) == 0 }

// Problem is a rule that cannot be compiled; Path is relative to the rules
// ("include[1].regex"), for the config's error paths.
type Problem struct {
	Path, Msg string
}

func (p Problem) Error() string { return p.Path + ": " + p.Msg }

// Filter is compiled rules.
type Filter struct {
	include, exclude []rule
}

// rule is a compiled Rule.
type rule struct {
	path    string // "include[0]", as in the config
	kind    string // keyword or regex
	pattern string // as configured, for reasons
	fields  []Field
	keyword []rune         // folded, spaces collapsed
	re      *regexp.Regexp // matches folded text
}

// Compile checks and compiles rules; a nil Filter (no rules) passes
// everything. Every problem is returned, not only the first.
func Compile(r Rules) (*Filter, []Problem) {
	var probs []Problem
	if n := len(r.Include) + len(r.Exclude); n > MaxRules {
		probs = append(probs, Problem{"", fmt.Sprintf("%d rules; at most %d are allowed", n, MaxRules)})
	}
	f := &Filter{}
	for _, l := range []struct {
		name  string
		rules []Rule
		out   *[]rule
	}{{"include", r.Include, &f.include}, {"exclude", r.Exclude, &f.exclude}} {
		for i, rr := range l.rules {
			c, p := compileRule(fmt.Sprintf("%s[%d]", l.name, i), rr)
			probs = append(probs, p...)
			*l.out = append(*l.out, c)
		}
	}
	if len(probs) > 0 {
		return nil, probs
	}
	if r.Empty() {
		return nil, nil
	}
	return f, nil
}

func compileRule(path string, r Rule) (rule, []Problem) {
	var probs []Problem
	bad := func(field, format string, args ...any) {
		probs = append(probs, Problem{path + field, fmt.Sprintf(format, args...)})
	}
	c := rule{path: path}
	switch {
	case r.Keyword != "" && r.Regex != "":
		bad("", "set keyword or regex, not both")
	case r.Regex != "":
		c.kind, c.pattern = "regex", r.Regex
		if len(r.Regex) > MaxPattern {
			bad(".regex", "%d bytes; at most %d are allowed", len(r.Regex), MaxPattern)
			break
		}
		// (?i) with the text and the pattern folded alike (see fold): RE2's
		// own case folding keeps the Turkish i's apart.
		re, err := regexp.Compile("(?i)" + foldPattern(r.Regex))
		if err != nil {
			bad(".regex", "invalid regular expression (Go RE2 syntax): %v", strings.TrimPrefix(err.Error(), "error parsing regexp: "))
			break
		}
		c.re = re
	case strings.TrimSpace(r.Keyword) != "":
		c.kind, c.pattern = "keyword", r.Keyword
		if len(r.Keyword) > MaxPattern {
			bad(".keyword", "%d bytes; at most %d are allowed", len(r.Keyword), MaxPattern)
			break
		}
		c.keyword = []rune(fold(r.Keyword))
	default:
		bad("", "needs a keyword or a regex")
	}
	seen := map[Field]bool{}
	for i, name := range r.Fields {
		f := Field(strings.ToLower(strings.TrimSpace(name)))
		switch {
		case f != Title && f != Summary && f != Categories && f != Link:
			bad(fmt.Sprintf(".fields[%d]", i), "unknown field %q (title, summary, categories or link)", name)
		case !seen[f]:
			c.fields = append(c.fields, f)
		}
		seen[f] = true
	}
	if len(c.fields) == 0 {
		c.fields = AllFields
	}
	return c, probs
}
