package clean

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzClean checks that Clean does not panic and keeps its properties (see
// checkProperties) whatever the title, text and hint. Crashers it finds are
// kept in testdata/fuzz/FuzzClean and run with the other tests.
func FuzzClean(f *testing.F) {
	paths, err := filepath.Glob(filepath.Join("testdata", "*", "*.txt"))
	if err != nil {
		f.Fatal(err)
	}
	for _, path := range paths {
		fx := readFixture(f, path)
		f.Add(fx.title(), fx.input(), fx.lang())
	}
	if data, err := os.ReadFile(filepath.Join("testdata", "bench-article.txt")); err == nil {
		f.Add("Turkey's parliament approves 2027 budget after marathon session", string(data), "en")
	}
	for _, s := range [][3]string{
		{"", "", ""},
		{"T", "\n\n\n", "en"},
		{"Quake hits eastern Turkey", "Quake hits eastern TurkeyBy Jane Doe, Reuters StaffAn earthquake", "en"},
		{"İ", "İıIi\n\nıİ", "tr"},
		{"a", "Source: \xff\xfe", ""},
		{"Iran", "IranAir\nIran", "en"},
		{"x", "Photo: AFPThe\n\nMcDonaldBy", "en"},
		{"", "Kaynak: https://", "tr"},
		{"", "(Reuters) -", ""},
		{"", "۸ آذر ۱۴۰۵\n\n١٤٤٨", "fa"},
	} {
		f.Add(s[0], s[1], s[2])
	}
	f.Fuzz(func(t *testing.T, title, text, lang string) {
		checkProperties(t, text, Clean(title, text, lang))
	})
}
