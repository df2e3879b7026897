package summarize

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The shared corpora were written by other projects for their own splitters,
// and some of their expectations are debatable or contradict each other, so
// the tests hold the splitter to targets below 100%: 95% of sentencex cases
// exact for each language, boundary F1 0.97 on zemberek's Turkish news.
const sbdDir = "../../../shared/testdata/sbd"

// sentencexCase is one case of wikimedia/sentencex's tests/*.txt.
type sentencexCase struct {
	input string
	want  []string
}

// loadSentencex reads the format described in shared/testdata/README.md:
// cases split on "===", "#" lines dropped, input and expected split on "---".
func loadSentencex(t *testing.T, path string) []sentencexCase {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("shared test data not available: %v", err)
	}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	var cases []sentencexCase
	for chunk := range strings.SplitSeq(text, "===") {
		var kept []string
		for line := range strings.SplitSeq(chunk, "\n") {
			if !strings.HasPrefix(line, "#") {
				kept = append(kept, line)
			}
		}
		parts := strings.Split(strings.TrimSpace(strings.Join(kept, "\n")), "---")
		if len(parts) != 2 || strings.TrimSpace(parts[0]) == "" || strings.TrimSpace(parts[1]) == "" {
			continue
		}
		var want []string
		for line := range strings.SplitSeq(parts[1], "\n") {
			if s := collapse(line); s != "" {
				want = append(want, s)
			}
		}
		cases = append(cases, sentencexCase{input: strings.TrimSpace(parts[0]), want: want})
	}
	return cases
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

func sameSentences(got, want []string) bool {
	var g []string
	for _, s := range got {
		if c := collapse(s); c != "" {
			g = append(g, c)
		}
	}
	if len(g) != len(want) {
		return false
	}
	for i := range g {
		if g[i] != want[i] {
			return false
		}
	}
	return true
}

func TestSentencesSentencex(t *testing.T) {
	// Measured: en 231/236, ru 37/37, hy 23/23. sentencex has no Turkish file;
	// Turkish is measured on zemberek's cases (sentences_zemberek_test.go).
	const target = 0.95
	for _, lang := range []string{"en", "ru", "hy"} {
		t.Run(lang, func(t *testing.T) {
			cases := loadSentencex(t, filepath.Join(sbdDir, "sentencex", lang+".txt"))
			pass := 0
			for _, c := range cases {
				got := Sentences(c.input, lang)
				if sameSentences(got, c.want) {
					pass++
				} else if testing.Verbose() {
					t.Logf("miss:\n in: %s\n got: %q\nwant: %q", c.input, got, c.want)
				}
			}
			rate := float64(pass) / float64(len(cases))
			t.Logf("%s: %d/%d exact (%.1f%%)", lang, pass, len(cases), 100*rate)
			if rate < target {
				t.Errorf("%s exact-match rate %.3f is below the target %.2f", lang, rate, target)
			}
		})
	}
}
