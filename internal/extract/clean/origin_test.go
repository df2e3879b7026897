package clean

import "testing"

func TestCleanOrigin(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Reuters", "Reuters"},
		{" Reuters. ", "Reuters"},
		{"«Коммерсантъ»", "Коммерсантъ"},
		{"Hürriyet Daily News.", "Hürriyet Daily News"},
		{"Reuters, AP", "Reuters"},
		{"AA / Haber Merkezi", "AA"},
		{"Kathimerini, 29 November 2026", "Kathimerini"},
		{"Reuters https://www.reuters.com/world/x", "Reuters"},
		{"Hürriyet (https://hurriyet.com.tr)", "Hürriyet"},
		{"https://www.hurriyet.com.tr/gundem/deprem-4231", "hurriyet.com.tr"},
		{"www.news.am", "news.am"},
		{"ria.ru", "ria.ru"},
		{"Armenpress news agency", "Armenpress news agency"},
		{"Ministry of Health", "Ministry of Health"},
		{"РИА Новости", "РИА Новости"},
		{"Արմենպրես", "Արմենպրես"},
		{"officials said the vote was close", ""},
		{"Officials said the death toll rose to 12", ""},
		{"Минздрава, число погибших выросло", ""},
		{"The Associated Press and a dozen other outlets from the region", ""},
		{strings60(), ""},
		{"", ""},
		{"...", ""},
		{"v5.1", ""},
		{"U.S.", "U.S"},
	}
	for _, tt := range tests {
		if got := cleanOrigin(tt.in); got != tt.want {
			t.Errorf("cleanOrigin(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// strings60 is a single name longer than an outlet's name may be.
func strings60() string {
	s := "A"
	for len(s) <= maxOriginRunes {
		s += "a"
	}
	return s
}
