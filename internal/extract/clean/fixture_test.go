package clean

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// A fixture is one testdata/<lang>/*.txt file: sections headed "-- name --".
// title, lang and input are the call; paragraphs (separated by blank lines),
// origin and removed ("rule: text" lines) are what Clean must return.
type fixture struct {
	path     string
	sections map[string]string
	order    []string
}

var sectionHeader = regexp.MustCompile(`(?m)^-- ([a-z]+) --$`)

func readFixture(t testing.TB, path string) *fixture {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{path: path, sections: map[string]string{}}
	text := string(data)
	locs := sectionHeader.FindAllStringSubmatchIndex(text, -1)
	if len(locs) == 0 || strings.TrimSpace(text[:locs[0][0]]) != "" {
		t.Fatalf("%s: must start with a section header", path)
	}
	for i, loc := range locs {
		name := text[loc[2]:loc[3]]
		end := len(text)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		if _, dup := f.sections[name]; dup {
			t.Fatalf("%s: section %q twice", path, name)
		}
		f.sections[name] = strings.Trim(text[loc[1]:end], "\n")
		f.order = append(f.order, name)
	}
	for _, need := range []string{"title", "lang", "input"} {
		if _, ok := f.sections[need]; !ok {
			t.Fatalf("%s: no %q section", path, need)
		}
	}
	return f
}

func (f *fixture) title() string { return f.sections["title"] }
func (f *fixture) lang() string  { return f.sections["lang"] }
func (f *fixture) input() string { return f.sections["input"] }

// expected renders a result the way fixtures write it.
func expected(res Result) (paragraphs, origin, removed string) {
	var rm []string
	for _, r := range res.Removed {
		rm = append(rm, r.Rule+": "+strings.ReplaceAll(r.Text, "\n", `\n`))
	}
	return strings.Join(res.Paragraphs, "\n\n"), res.Origin, strings.Join(rm, "\n")
}

// update writes res into the fixture's expected sections.
func (f *fixture) update(t testing.TB, res Result) {
	t.Helper()
	p, o, r := expected(res)
	f.sections["paragraphs"], f.sections["origin"], f.sections["removed"] = p, o, r
	for _, name := range []string{"paragraphs", "origin", "removed"} {
		if !slices.Contains(f.order, name) {
			f.order = append(f.order, name)
		}
	}
	var b strings.Builder
	for _, name := range f.order {
		fmt.Fprintf(&b, "-- %s --\n", name)
		if s := f.sections[name]; s != "" {
			b.WriteString(s + "\n")
		}
	}
	if err := os.WriteFile(f.path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

func fixturePaths(t testing.TB) []string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("testdata", "*", "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	return paths
}
