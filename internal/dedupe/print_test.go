package dedupe

import (
	"testing"
)

// Threshold is the similarity the pipeline uses by default; the cases below
// show it separates copies of one story from different stories on one topic.
const threshold = DefaultSimilarity

func TestSimilarity(t *testing.T) {
	const quakeTitle = "Magnitude 5.1 earthquake shakes eastern Turkey"
	const quakeLede = "An earthquake of magnitude 5.1 struck Malatya province in eastern Turkey on Sunday morning, the disaster agency AFAD said. " +
		"There were no immediate reports of casualties, but residents in several villages ran into the streets as buildings swayed.\n\n" +
		"The quake hit at a depth of 7 km at 09:42 local time, AFAD said."
	cases := []struct {
		name        string
		title, text string
		copy        bool
	}{
		{"the same item", quakeTitle, quakeLede, true},
		{"an aggregator copy with typography changed",
			"Magnitude 5.1 Earthquake Shakes Eastern Turkey",
			"An earthquake of magnitude 5.1 struck Malatya province in eastern Turkey on Sunday morning, the disaster agency AFAD said – " +
				"there were no immediate reports of casualties, but residents in several villages ran into the streets as buildings swayed.",
			true},
		{"a wire copy, lightly edited",
			"Magnitude 5.1 quake shakes eastern Turkey, no casualties reported",
			"An earthquake of magnitude 5.1 struck Malatya province in eastern Turkey on Sunday, the disaster and emergency agency AFAD said. " +
				"There were no immediate reports of casualties, but residents in several villages ran into the streets as buildings swayed. " +
				"Turkey sits on major fault lines.",
			true},
		{"another quake story",
			"Magnitude 4.8 earthquake shakes western Turkey",
			"An earthquake of magnitude 4.8 struck Manisa province in western Turkey on Tuesday evening, AFAD said. " +
				"Schools in the province were closed on Wednesday while engineers inspected buildings for damage.",
			false},
		{"an unrelated story",
			"Central bank holds interest rate at 47.5 percent",
			"Turkey's central bank kept its policy rate unchanged on Thursday, as expected, citing sticky services inflation.",
			false},
	}
	base, ok := Of(quakeTitle, quakeLede)
	if !ok {
		t.Fatal("no print for the reference story")
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, ok := Of(c.title, c.text)
			if !ok {
				t.Fatal("no print")
			}
			sim := Similarity(base, p)
			t.Logf("similarity %.2f", sim)
			if got := sim >= threshold; got != c.copy {
				t.Errorf("similarity %.2f: copy = %v, want %v", sim, got, c.copy)
			}
			if c.copy && !shareBand(base, p) {
				t.Errorf("copies share no band: the store would never compare them")
			}
		})
	}
}

func shareBand(a, b Print) bool {
	bb := map[int64]bool{}
	for _, v := range b.Bands() {
		bb[v] = true
	}
	for _, v := range a.Bands() {
		if bb[v] {
			return true
		}
	}
	return false
}

func TestFoldsScriptsAndCase(t *testing.T) {
	a, _ := Of("İSTANBUL'DA ŞİDDETLİ YAĞIŞ UYARISI", "Meteoroloji, İstanbul için sarı kodlu uyarı verdi; yağışın akşam saatlerinde kuvvetlenmesi bekleniyor.")
	b, _ := Of("İstanbul’da şiddetli yağış uyarısı", "Meteoroloji, istanbul için sarı kodlu uyarı verdi; yağışın akşam saatlerinde kuvvetlenmesi bekleniyor.")
	if s := Similarity(a, b); s != 1 {
		t.Errorf("similarity %.2f, want 1 for the same Turkish text in other capitals and apostrophes", s)
	}
	c, _ := Of("Երևանում ձյուն է տեղում", "Հայաստանի հիդրոօդերևութաբանական կենտրոնը զգուշացնում է, որ ձյունը կշարունակվի մինչև երեկո։")
	d, _ := Of("Երևանում ձյուն է տեղում", "Հայաստանի հիդրոօդերևութաբանական կենտրոնը զգուշացնում է, որ ձյունը կշարունակվի մինչև երեկո։")
	if Similarity(c, d) != 1 {
		t.Error("the same Armenian text differs")
	}
}

func TestTooShort(t *testing.T) {
	if _, ok := Of("Breaking", "Update soon."); ok {
		t.Error("three words were fingerprinted: every short flash would look alike")
	}
}

func TestBytesRoundTrip(t *testing.T) {
	p, _ := Of("A title of several words", "and a lede of several more words too")
	q, ok := Parse(p.Bytes())
	if !ok || q != p {
		t.Fatalf("round trip: %v %v", ok, q == p)
	}
	if _, ok := Parse([]byte{1, 2, 3}); ok {
		t.Error("a short blob parsed")
	}
}

func BenchmarkOf(b *testing.B) {
	text := "An earthquake of magnitude 5.1 struck Malatya province in eastern Turkey on Sunday morning, the disaster agency AFAD said. " +
		"There were no immediate reports of casualties, but residents in several villages ran into the streets as buildings swayed."
	for b.Loop() {
		Of("Magnitude 5.1 earthquake shakes eastern Turkey", text)
	}
}
