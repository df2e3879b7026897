package clean

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func TestRulesCompile(t *testing.T) {
	rs, err := loadRules(ruleFiles)
	if err != nil {
		t.Fatal(err)
	}
	if len(rs.rules) == 0 || len(rs.dates) == 0 {
		t.Fatalf("loaded %d rules and %d date word lists", len(rs.rules), len(rs.dates))
	}
}

// TestEveryRuleExercised runs the fixtures and checks that each rule and
// each list of date words made at least one of their results: a rule no
// fixture needs is either dead or untested.
func TestEveryRuleExercised(t *testing.T) {
	rs, err := defaultRules()
	if err != nil {
		t.Fatal(err)
	}
	hits := map[string]int{}
	for _, path := range fixturePaths(t) {
		f := readFixture(t, path)
		rs.clean(f.title(), f.input(), func(id string) { hits[id]++ })
	}
	var ids []string
	for _, r := range rs.rules {
		ids = append(ids, r.id)
	}
	for _, d := range rs.dates {
		ids = append(ids, d.id)
	}
	for _, id := range ids {
		if hits[id] == 0 {
			t.Errorf("rule %s is used by no fixture", id)
		}
	}
	if testing.Verbose() {
		slices.Sort(ids)
		for _, id := range ids {
			t.Logf("%-28s %d", id, hits[id])
		}
	}
}

func TestLoadRulesErrors(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"unknown field", "rules:\n  - name: a\n    kind: byline\n    max_word: 3\n    patterns: [x]\n", "max_word"},
		{"unknown kind", "rules:\n  - name: a\n    kind: bylines\n    max_words: 3\n    patterns: [x]\n", "unknown kind"},
		{"no limit", "rules:\n  - name: a\n    kind: byline\n    patterns: [x]\n", "max_words"},
		{"bad regexp", "rules:\n  - name: a\n    kind: byline\n    max_words: 3\n    patterns: ['(x']\n", "missing closing )"},
		{"unknown def", "rules:\n  - name: a\n    kind: byline\n    max_words: 3\n    patterns: ['{{nope}}']\n", "unknown defs"},
		{"origin on caption", "rules:\n  - name: a\n    kind: caption\n    max_words: 3\n    patterns: ['(?P<origin>x)']\n", "cannot name an origin"},
		{"dateline not detect", "rules:\n  - name: a\n    kind: dateline\n    max_words: 3\n    patterns: [x]\n", "detect"},
		{"repeated name", "rules:\n  - {name: a, kind: byline, max_words: 3, patterns: [x]}\n  - {name: a, kind: byline, max_words: 3, patterns: [y]}\n", "repeated"},
		{"unknown role", "date_words:\n  - {name: a, role: day, words: [x]}\n", "unknown role"},
		{"empty word", "date_words:\n  - {name: a, role: filler, words: ['--']}\n", "no letters"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{"rules/x.yaml": {Data: []byte(tt.yaml)}}
			_, err := loadRules(fsys)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("loadRules error = %v, want one mentioning %q", err, tt.want)
			}
		})
	}
}

// A rule's regexp is compiled when a text first needs it: English text
// leaves the rules that need other languages' words uncompiled. Every
// pattern still compiles (the load checked it; this compiles them all).
func TestRulesCompileWhenNeeded(t *testing.T) {
	rs, err := loadRules(ruleFiles)
	if err != nil {
		t.Fatal(err)
	}
	all := func(yield func(*lazyRegexp) bool) {
		for i := range rs.rules {
			for j := range rs.rules[i].patterns {
				if !yield(rs.rules[i].patterns[j].re) {
					return
				}
			}
		}
		for i := range rs.dates {
			for j := range rs.dates[i].patterns {
				if !yield(rs.dates[i].patterns[j].re) {
					return
				}
			}
		}
	}
	compiled := func() (n, total int) {
		for l := range all {
			total++
			if l.re != nil {
				n++
			}
		}
		return n, total
	}
	if n, _ := compiled(); n != 0 {
		t.Fatalf("%d regexps compiled at load", n)
	}
	rs.clean("Council approves the tram line", "By Jane Doe\n\nThe city council approved the new tram line on Monday.\n\nShare this article", nil)
	n, total := compiled()
	t.Logf("%d of %d regexps compiled after an English text", n, total)
	if n == 0 || n == total {
		t.Errorf("after an English text: %d of %d regexps compiled, want some but not all", n, total)
	}
	for l := range all {
		if re := l.get(); re == nil || re == neverMatches {
			t.Fatalf("%q did not compile", l.src)
		}
	}
}
