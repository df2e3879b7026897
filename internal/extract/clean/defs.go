package clean

import (
	"fmt"
	"regexp"
	"strings"
)

// defRef is a reference to a def in a pattern: {{name}}. No RE2 syntax
// starts with "{{", so a reference cannot be mistaken for a repetition.
var defRef = regexp.MustCompile(`\{\{([a-z][a-z0-9_]*)\}\}`)

// compileWithDefs expands {{def}} references, which may nest a few levels,
// and compiles the pattern.
func compileWithDefs(src string, defs map[string]string, a anchor) (pattern, error) {
	written := src
	for depth := 0; strings.Contains(src, "{{"); depth++ {
		if depth == 5 {
			return pattern{}, fmt.Errorf("pattern %q: defs nested too deep", written)
		}
		var missing []string
		src = defRef.ReplaceAllStringFunc(src, func(ref string) string {
			name := ref[2 : len(ref)-2]
			d, ok := defs[name]
			if !ok {
				missing = append(missing, name)
				return ""
			}
			return "(?:" + d + ")"
		})
		if len(missing) > 0 {
			return pattern{}, fmt.Errorf("pattern %q: unknown defs %v", written, missing)
		}
		if !defRef.MatchString(src) && strings.Contains(src, "{{") {
			return pattern{}, fmt.Errorf("pattern %q: malformed def reference", written)
		}
	}
	return compilePattern(src, a)
}
