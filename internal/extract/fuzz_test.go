package extract

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func FuzzPlainText(f *testing.F) {
	for _, seed := range []string{
		"", "plain", "<p>a</p><p>b</p>", "a<br>b", "<script>x</script>y",
		"AT&amp;amp;T", "&lt;b&gt;", "<svg><object></svg>z", "caf\xe9",
		"a\u202eb\u200d\u200dc", "\n\n \n", "<!-- x", "<![CDATA[x]]>", "&#xD800;",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := PlainText(in)
		if !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 in %q", out)
		}
		if out == "" {
			return
		}
		for i, para := range strings.Split(out, "\n\n") {
			if para == "" || para != strings.TrimSpace(para) {
				t.Fatalf("paragraph %d %q is empty or padded in %q", i, para, out)
			}
			if strings.Contains(para, "  ") {
				t.Fatalf("paragraph %d %q has a double space", i, para)
			}
			for _, r := range para {
				if r != ' ' && (unicode.IsSpace(r) || isInvisible(r)) {
					t.Fatalf("paragraph %d %q holds %U", i, para, r)
				}
			}
		}
	})
}
