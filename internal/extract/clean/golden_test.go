package clean

import (
	"flag"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the expected sections of testdata fixtures")

// TestGolden cleans every fixture and compares with its expected sections.
// After -update, read every changed expectation: it must be right, not just
// what the code produced.
func TestGolden(t *testing.T) {
	for _, path := range fixturePaths(t) {
		name := strings.TrimSuffix(filepath.ToSlash(path), ".txt")
		t.Run(strings.TrimPrefix(name, "testdata/"), func(t *testing.T) {
			f := readFixture(t, path)
			res := Clean(f.title(), f.input(), f.lang())
			if *update {
				f.update(t, res)
				return
			}
			p, o, r := expected(res)
			for _, c := range []struct{ section, got string }{{"paragraphs", p}, {"origin", o}, {"removed", r}} {
				want, ok := f.sections[c.section]
				if !ok {
					t.Errorf("no %q section; run with -update and review it", c.section)
				} else if c.got != want {
					t.Errorf("%s:\n got:\n%s\n\nwant:\n%s", c.section, c.got, want)
				}
			}
		})
	}
}
