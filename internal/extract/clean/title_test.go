package clean

import "testing"

func TestSimilar(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"quakehitseasternturkey", "quakehitseasternturkey", true},
		{"quakehitseasternturkey", "quakehitseasterntrkey", true},    // one deletion
		{"quakehitseasternturkey", "quakehitzeasternturkei", true},   // two substitutions
		{"quakehitseasternturkey", "quakehitswesternturkey", true},   // two edits in 22: 0.91
		{"quakehitseasternturkey", "quakehitsnorthernturkey", false}, // four edits
		{"abcdefghij", "abcdefghik", true},
		{"abcdefghij", "bacdefghik", false},
		{"abcdefghij", "abcdefghijklm", false},
		{"", "", true},
	}
	for _, tt := range tests {
		if got := similar([]rune(tt.a), []rune(tt.b)); got != tt.want {
			t.Errorf("similar(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := similar([]rune(tt.b), []rune(tt.a)); got != tt.want {
			t.Errorf("similar(%q, %q) = %v, want %v", tt.b, tt.a, got, tt.want)
		}
	}
}

func TestTitleStandalone(t *testing.T) {
	tests := []struct {
		title, para string
		want        bool
	}{
		{"Quake hits eastern Turkey", "Quake hits eastern Turkey", true},
		{"Quake hits eastern Turkey", "QUAKE HITS EASTERN TURKEY.", true},
		{"Quake hits eastern Turkey", "“Quake hits eastern Turkey”", true},
		{"Quake hits eastern Turkey", "Quake hits eastern Turkey | Reuters", true},
		{"Quake hits eastern Turkey", "Reuters - Quake hits eastern Turkey", true},
		{"Quake hits eastern Turkey", "Quake hits easter Turkey", true},
		{"Quake hits eastern Turkey | Reuters", "Quake hits eastern Turkey", true},
		{"SON DAKİKA: Deprem İzmir'i salladı", "Deprem İzmir'i salladı", true},
		{"Sevan: su seviyesi yükseldi", "Sevan: su seviyesi yükseldi - Agos", true},
		{"Quake hits eastern Turkey", "Quake hits eastern Turkey, killing three and injuring dozens", false},
		{"Quake hits eastern Turkey", "Quake hits northern Turkey", false},
		{"Quake hits eastern Turkey", "Quake hits eastern Turkey | and this tail is far too long to be a name", false},
		{"Iran", "Iran", true},
		{"Iran", "Iraq", false},
		{"", "Anything", false},
		{"Quake", "", false},
	}
	for _, tt := range tests {
		m := newTitleMatcher(tt.title)
		if got := m.standalone(tt.para, countWords(tt.para)); got != tt.want {
			t.Errorf("title %q: standalone(%q) = %v, want %v", tt.title, tt.para, got, tt.want)
		}
	}
}

func TestTitlePrefixCut(t *testing.T) {
	tests := []struct {
		title, para, rest string
		ok                bool
	}{
		{"Quake hits eastern Turkey", "Quake hits eastern TurkeyBy Jane Doe", "By Jane Doe", true},
		{"Quake hits eastern Turkey", "QUAKE HITS EASTERN TURKEY An earthquake", " An earthquake", true},
		{"Who pays for the quake?", "Who pays for the quake?” By Jane Doe", " By Jane Doe", true},
		{"Quake hits eastern Turkey", "Quake hits eastern Turkey", "", false},
		{"Quake hits eastern Turkey", "Quake hits eastern Turkish towns", "", false},
		{"Iran", "IranAir", "", false}, // too short to cut anything
	}
	for _, tt := range tests {
		m := newTitleMatcher(tt.title)
		cut, ok := m.prefixCut(tt.para)
		if ok != tt.ok || ok && tt.para[cut:] != tt.rest {
			t.Errorf("title %q: prefixCut(%q) = %q, %v; want %q, %v", tt.title, tt.para, tt.para[cut:], ok, tt.rest, tt.ok)
		}
	}
}

func TestAppendKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"İstanbul'da ŞİDDETLİ yağış", "istanbuldasiddetliyagis"},
		{"ISTANBUL'DA SIDDETLI YAGIS", "istanbuldasiddetliyagis"},
		{"Ёлка — 2026!", "елка2026"},
		{"Երևան և Գյումրի", "երեւանեւգյումրի"},
		{"ﬁnal café", "finalcafe"},
	}
	for _, tt := range tests {
		if got := keyString(tt.in); got != tt.want {
			t.Errorf("key(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
