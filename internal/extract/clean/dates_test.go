package clean

import "testing"

func TestDateLine(t *testing.T) {
	rs, err := defaultRules()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		in   string
		want bool
	}{
		{"29 November 2026", true},
		{"November 29, 2026 14:05", true},
		{"Nov. 29", true},
		{"29.11.2026", true},
		{"2026-11-29T14:05", true},
		{"2026-11-29T14:05:00+03:00", true},
		{"14:05", true},
		{"14:05 GMT+3", true},
		{"Sunday, 29 November 2026", true},
		{"Updated: 29 November 2026 at 14:05", true},
		{"Published 29 November 2026, updated 2 hours ago", true},
		{"29 Kasım 2026 Pazar", true},
		{"29 KASIM 2026 PAZAR", true},
		{"29 Kasim 2026", true},
		{"Güncelleme: 29.11.2026 - 14:05", true},
		{"8 Cemaziyelahir 1448", true},
		{"29 ноября 2026 г.", true},
		{"Обновлено: 29 ноября 2026, 14:05", true},
		{"Воскресенье, 29 ноября 2026", true},
		{"Նոյեմբերի 29, 2026", true},
		{"29 նոյեմբերի, 2026թ.", true},
		{"Կիրակի, 29 նոյեմբերի 2026", true},
		{"۸ آذر ۱۴۰۵", true},
		{"٨ جمادى الآخرة ١٤٤٨", true},
		{"2026", false},
		{"May", false},
		{"Sunday", false},
		{"Updated", false},
		{"Updated on Monday, 29 November 2026 at 14:05 by the desk", false},
		{"On 29 November 2026 the vote was held.", false},
		{"3 killed, 12 injured", false},
		{"Recep Tayyip Erdoğan", false},
		{"Published on on on at 14:05", false}, // too many fillers
	}
	for _, tt := range tests {
		r := &run{rs: rs}
		if _, got := r.dateLine(tt.in, countWords(tt.in)); got != tt.want {
			t.Errorf("dateLine(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
