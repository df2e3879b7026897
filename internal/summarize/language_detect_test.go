package summarize

import "testing"

func TestDetect(t *testing.T) {
	d, err := NewDetector([]string{"en", "tr", "ru", "hy"})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ text, want string }{
		{"The central bank kept its key interest rate unchanged on Thursday, citing persistent inflation.", "en"},
		{"Merkez Bankası politika faizini perşembe günü beklendiği gibi sabit tuttu ve enflasyona dikkat çekti.", "tr"},
		{"Центральный банк в четверг сохранил ключевую ставку без изменений, сославшись на инфляцию.", "ru"},
		{"Կենտրոնական բանկը հինգշաբթի օրը անփոփոխ թողեց վերաֆինանսավորման տոկոսադրույքը։", "hy"},
		// Ukrainian looks Russian to a detector that knows only Russian
		// among Cyrillic languages: that is the configured answer.
		{"Національний банк у четвер залишив облікову ставку без змін через інфляцію.", "ru"},
		{"短い", ""},
		{"Σύντομο κείμενο στα ελληνικά για τις ειδήσεις της ημέρας και την οικονομία.", ""},
	}
	for _, c := range cases {
		if got := d.Detect(c.text); got != c.want {
			t.Errorf("Detect(%.30q) = %q, want %q", c.text, got, c.want)
		}
	}
}

func TestDetectorRestrictedToConfiguredLanguages(t *testing.T) {
	d, err := NewDetector([]string{"en", "de"})
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Detect("Merkez Bankası politika faizini perşembe günü beklendiği gibi sabit tuttu."); got == "tr" {
		t.Errorf("detected tr, which is not configured")
	}
	if _, err := NewDetector([]string{"xx"}); err == nil {
		t.Error("an unknown code was accepted")
	}
}
