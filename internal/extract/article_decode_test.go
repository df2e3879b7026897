package extract

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"
)

func TestDecodePage(t *testing.T) {
	encode := func(e encoding.Encoding, s string) string {
		t.Helper()
		out, err := e.NewEncoder().String(s)
		if err != nil {
			t.Fatalf("encode %q: %v", s, err)
		}
		return out
	}
	utf16 := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	tests := []struct {
		name, page, want string
	}{
		{"UTF-8 declared", `<meta charset="utf-8"><p>Zürich café`, "Zürich café"},
		{"UTF-8 undeclared", `<p>Привет`, "Привет"},
		// The corpus's qq page: UTF-8 bytes under a stale declaration.
		{"UTF-8 declared gb2312", `<meta charset="gb2312"><p>人工智能`, "人工智能"},
		{"UTF-8 with BOM", "\xEF\xBB\xBF<p>café", "café"},
		{"windows-1252 declared", encode(charmap.Windows1252, `<meta charset="windows-1252"><p>café “déjà”`), "café “déjà”"},
		{"windows-1252 undeclared", encode(charmap.Windows1252, `<p>café`), "café"},
		// trafilatura's own charset guess reads this as Greek.
		{"KOI8-R declared", encode(charmap.KOI8R, `<meta http-equiv="Content-Type" content="text/html; charset=koi8-r"><p>Москва - столица России`), "Москва - столица России"},
		{"Shift_JIS declared", encode(japanese.ShiftJIS, `<meta charset="shift_jis"><p>日本語のテキスト`), "日本語のテキスト"},
		{"UTF-16 with BOM", encode(utf16, `<p>Zürich`), "Zürich"},
		{"invalid UTF-8 declared UTF-8", "<meta charset=\"utf-8\"><p>caf\xe9 ok\xff", "caf\uFFFD ok\uFFFD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := decodePage([]byte(tt.page))
			if !utf8.Valid(got) {
				t.Fatalf("invalid UTF-8: %q", got)
			}
			if !strings.Contains(string(got), tt.want) {
				t.Errorf("decodePage = %q, want it to contain %q", got, tt.want)
			}
		})
	}
}
