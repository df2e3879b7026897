package extract

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// crier builds with patched copies of two modules (internal/thirdparty,
// replaced in go.mod): each copy must be of the version go.mod requires, or
// a bump of the require line would silently keep running the old code.
func TestThirdPartyCopiesMatchGoMod(t *testing.T) {
	gomod, err := os.ReadFile("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	version := regexp.MustCompile(`v\d+\.\d+\.\d+\S*`)
	for module, dir := range map[string]string{
		"github.com/markusmobius/go-htmldate":    "go-htmldate",
		"github.com/markusmobius/go-trafilatura": "go-trafilatura",
	} {
		m := regexp.MustCompile(`(?m)^\s*` + regexp.QuoteMeta(module) + `\s+(v\S+)`).FindSubmatch(gomod)
		if m == nil {
			t.Errorf("go.mod does not require %s", module)
			continue
		}
		note, err := os.ReadFile(filepath.Join("../thirdparty", dir, "CRIER.md"))
		if err != nil {
			t.Fatal(err)
		}
		if got := version.Find(note); string(got) != string(m[1]) {
			t.Errorf("internal/thirdparty/%s is %s; go.mod requires %s: run its script in scripts/ again", dir, got, m[1])
		}
	}
}
