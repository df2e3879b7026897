package clean

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"slices"
	"sync"
)

// pattern is a compiled rule pattern.
type pattern struct {
	re     *lazyRegexp
	first  firstSet
	needs  []string // one of these is in the skeleton of any match
	ids    []int32  // needs in the rule set's literal index
	origin int      // index of the origin group, -1 if none
	// yesNo is set when a match's extent does not matter (a whole or
	// contains pattern naming no origin): MatchString is faster.
	yesNo bool
}

// Anchoring of a pattern.
type anchor int

const (
	anchorStart anchor = iota // matches at the start of the text
	anchorBoth                // matches all of the text
	anchorNone                // matches anywhere
)

// compilePattern compiles a rule pattern with the given anchoring, relaxed
// so that rule authors write words as they are spelled and still match the
// ways aggregators spell them (see relaxSource).
func compilePattern(src string, a anchor) (pattern, error) {
	switch a {
	case anchorStart:
		src = `^(?:` + src + `)`
	case anchorBoth:
		src = `^(?:` + src + `)$`
	}
	written, err := syntax.Parse(src, syntax.Perl)
	if err != nil {
		return pattern{}, fmt.Errorf("parse %q: %w", src, err)
	}
	relaxed := relaxSource(src)
	// Parsing is what regexp.Compile checks (syntax, size); the program
	// itself is built on first use (lazyRegexp).
	tree, err := syntax.Parse(relaxed, syntax.Perl)
	if err != nil {
		return pattern{}, fmt.Errorf("parse %q: %w", relaxed, err)
	}
	p := pattern{re: &lazyRegexp{src: relaxed}, first: firstSet{any: true}, needs: requiredWords(written), origin: slices.Index(tree.CapNames(), "origin")}
	p.yesNo = p.origin < 0 && (a == anchorBoth || a == anchorNone)
	if a != anchorNone {
		p.first = firstOf(tree)
	}
	return p, nil
}

// lazyRegexp is a pattern's regexp, compiled the first time a text needs
// it: the rules of a language whose words never come up (a rule runs only
// when a word it requires is in the paragraph) cost their source, not the
// compiled program, whose Unicode classes made the rules 2.2 MB of heap.
// The source compiled when the rules were loaded, so it compiles again.
type lazyRegexp struct {
	src  string
	once sync.Once
	re   *regexp.Regexp
}

func (l *lazyRegexp) get() *regexp.Regexp {
	l.once.Do(func() {
		var err error
		if l.re, err = regexp.Compile(l.src); err != nil {
			// Unreachable for parsed sources (TestRulesCompileWhenNeeded
			// compiles every one): a pattern that cannot compile matches
			// nothing rather than stop the cleaner.
			l.re = neverMatches
		}
	})
	return l.re
}

var neverMatches = regexp.MustCompile(`[^\x00-\x{10FFFF}]`)

func (l *lazyRegexp) MatchString(s string) bool { return l.get().MatchString(s) }

func (l *lazyRegexp) FindStringSubmatchIndex(s string) []int {
	return l.get().FindStringSubmatchIndex(s)
}
