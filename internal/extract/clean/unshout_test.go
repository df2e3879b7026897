package clean

import "testing"

func TestUnshout(t *testing.T) {
	tests := []struct{ in, lang, want string }{
		{"ԱՐՄԵՆՊՐԵՍ", "hy", "Արմենպրես"},
		{"REUTERS", "en", "Reuters"},
		{"ANADOLU AJANSI", "tr", "Anadolu Ajansı"},
		{"ТАСС", "ru", "ТАСС"},           // an acronym
		{"AFP", "", "AFP"},               // an acronym
		{"ИТАР-ТАСС", "ru", "ИТАР-ТАСС"}, // not only letters
		{"Reuters", "en", "Reuters"},
		{"", "en", ""},
	}
	for _, tt := range tests {
		if got := unshout(tt.in, tt.lang); got != tt.want {
			t.Errorf("unshout(%q, %q) = %q, want %q", tt.in, tt.lang, got, tt.want)
		}
	}
}
