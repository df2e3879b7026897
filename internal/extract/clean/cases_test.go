package clean

import (
	"slices"
	"strings"
	"testing"
)

// TestCleanCases pins behaviours one at a time; the fixtures show them
// together.
func TestCleanCases(t *testing.T) {
	tests := []struct {
		name, title, text string
		want              []string // kept paragraphs
		origin            string
	}{
		{"staff byline names the outlet", "Quake hits eastern Turkey",
			"By Reuters Staff\n\nAn earthquake struck.", []string{"An earthquake struck."}, "Reuters"},
		{"glued title and byline", "Quake hits eastern Turkey",
			"Quake hits eastern TurkeyBy Jane Doe, Reuters Staff\n\nAn earthquake struck.", []string{"An earthquake struck."}, "Reuters"},
		{"glued title and lede", "Quake hits eastern Turkey",
			"Quake hits eastern TurkeyAn earthquake of magnitude 5.1 struck.", []string{"An earthquake of magnitude 5.1 struck."}, ""},
		{"glued title, byline and lede", "Quake hits eastern Turkey",
			"Quake hits eastern TurkeyBy Jane Doe, Reuters StaffAn earthquake struck.", []string{"An earthquake struck."}, "Reuters"},
		{"title, space and byline", "Quake hits eastern Turkey",
			"Quake hits eastern Turkey By Jane Doe\n\nAn earthquake struck.", []string{"An earthquake struck."}, ""},
		{"title and dateline", "Quake hits eastern Turkey",
			"Quake hits eastern Turkey ANKARA (AA) - An earthquake struck.", []string{"ANKARA (AA) - An earthquake struck."}, "AA"},
		{"title with a site name, space separated", "Quake hits eastern Turkey",
			"Quake hits eastern Turkey Hürriyet Daily News\n\nAn earthquake struck.", []string{"An earthquake struck."}, ""},
		{"title on its own line of a paragraph", "Quake hits eastern Turkey",
			"Quake hits eastern Turkey\nAn earthquake struck.", []string{"An earthquake struck."}, ""},
		{"title repeated case-folded and accent-free", "Deprem: İzmir'de 4,9 büyüklüğünde sarsıntı",
			"DEPREM: IZMIR'DE 4,9 BUYUKLUGUNDE SARSINTI\n\nSarsıntı kısa sürdü.", []string{"Sarsıntı kısa sürdü."}, ""},
		{"title repeated with one typo", "Armenia and Azerbaijan sign border protocol",
			"Armenia and Azerbaijan sing border protocol\n\nThe protocol was signed.", []string{"The protocol was signed."}, ""},
		{"rubric before the title", "Armenia and Azerbaijan sign border protocol",
			"SON DAKİKA | Armenia and Azerbaijan sign border protocol\n\nThe protocol was signed.", []string{"The protocol was signed."}, ""},
		{"short title never cuts a word", "Iran",
			"IranAir resumes flights to Europe.", []string{"IranAir resumes flights to Europe."}, ""},
		{"source beats byline", "T", "By Reuters Staff\n\nThe text.\n\nSource: Hürriyet", []string{"The text."}, "Hürriyet"},
		{"byline beats dateline", "T", "ANKARA (AA) - The text.\n\nBy Reuters Staff", []string{"ANKARA (AA) - The text."}, "Reuters"},
		{"first source wins", "T", "The text.\n\nSource: AP\n\nKaynak: AA", []string{"The text."}, "AP"},
		{"source URL becomes its domain", "T", "The text.\n\nSource: https://www.hurriyet.com.tr/gundem/deprem-4231",
			[]string{"The text."}, "hurriyet.com.tr"},
		{"source with a trailing URL", "T", "The text.\n\nSource: Reuters https://www.reuters.com/world/x",
			[]string{"The text."}, "Reuters"},
		{"source with a URL in brackets", "T", "The text.\n\nKaynak: Hürriyet (https://hurriyet.com.tr)",
			[]string{"The text."}, "Hürriyet"},
		{"armenian source with a colon", "T", "The text.\n\nԱղբյուր: Արմենպրես", []string{"The text."}, "Արմենպրես"},
		{"source that is a sentence is kept", "T", "The text.\n\nSource: officials said the vote was close.",
			[]string{"The text.", "Source: officials said the vote was close."}, ""},
		{"tass dateline", "T", "МОСКВА, 29 ноября. /ТАСС/. Текст.", []string{"МОСКВА, 29 ноября. /ТАСС/. Текст."}, "ТАСС"},
		{"ap dateline", "T", "WASHINGTON (AP) — The text.", []string{"WASHINGTON (AP) — The text."}, "AP"},
		{"language marker glued", "T", "English : The government said it would help.", []string{"The government said it would help."}, ""},
		{"language code alone", "T", "EN\n\nThe text.", []string{"The text."}, ""},
		{"glued caption", "T", "Photo: AFPFarmers parked tractors on the highway.", []string{"Farmers parked tractors on the highway."}, ""},
		{"glued date", "T", "29 November 2026An earthquake struck.", []string{"An earthquake struck."}, ""},
		{"caption on its own line", "T", "Photo: Reuters\nAn earthquake struck.", []string{"An earthquake struck."}, ""},
		{"story after a footer is kept", "T", "One.\n\nTwo.\n\nSource: AA\n\nThree more words here.\n\nAA",
			[]string{"One.", "Two.", "Three more words here."}, "AA"},
		{"short names stay outside the footer zone", "T", "One.\n\nHürriyet Daily News\n\nTwo.\n\nThree.\n\nFour.\n\nFive.\n\nSix.",
			[]string{"One.", "Hürriyet Daily News", "Two.", "Three.", "Four.", "Five.", "Six."}, ""},
		{"empty text", "T", "", nil, ""},
		{"blank lines only", "T", " \n\n \t\n", nil, ""},
		{"crlf paragraphs", "T", "One.\r\n\r\nShare this article\r\n\r\nTwo.", []string{"One.", "Two."}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Clean(tt.title, tt.text, "")
			if !slices.Equal(res.Paragraphs, tt.want) || res.Origin != tt.origin {
				t.Errorf("Clean(%q)\n got %q, origin %q\nwant %q, origin %q\nremoved %q",
					tt.text, res.Paragraphs, res.Origin, tt.want, tt.origin, res.Removed)
			}
			checkProperties(t, tt.text, res)
		})
	}
}

// TestLanguageHintChangesNothing: the hint only picks case folding, and the
// folding is the same for every language.
func TestLanguageHintChangesNothing(t *testing.T) {
	for _, path := range fixturePaths(t) {
		f := readFixture(t, path)
		want := Clean(f.title(), f.input(), f.lang())
		for _, lang := range []string{"", "en", "tr", "ru", "hy", "xx"} {
			got := Clean(f.title(), f.input(), lang)
			if !slices.Equal(got.Paragraphs, want.Paragraphs) || got.Origin != want.Origin ||
				!slices.Equal(got.Removed, want.Removed) {
				t.Errorf("%s: lang %q changes the result", path, lang)
			}
		}
	}
}

func TestTurkishCaseVariants(t *testing.T) {
	for _, p := range []string{"İlgili haber", "İLGİLİ HABER", "ILGILI HABER", "ilgili haber", "Ilgılı Haber",
		"Bizi takip edin", "BİZİ TAKİP EDİN", "BIZI TAKIP EDIN", "Paylaş", "PAYLAŞ", "Paylas", "PAYLAS"} {
		res := Clean("", "Metin.\n\n"+p, "en")
		if len(res.Removed) != 1 || res.Removed[0].Rule != kindShare {
			t.Errorf("%q: removed %q", p, res.Removed)
		}
	}
	if res := Clean("", "Metin.\n\n"+strings.ToUpper("Yazıda yer alan görüşler yazara aittir."), "tr"); len(res.Removed) != 1 {
		t.Errorf("upper-case disclaimer kept: %q", res.Paragraphs)
	}
}

func TestStaffWithoutByNamesNoOrigin(t *testing.T) {
	res := Clean("T", "ANKARA (AA) - The text.\n\nHospital Staff", "")
	if res.Origin != "AA" || len(res.Removed) != 1 || res.Removed[0].Rule != kindByline {
		t.Errorf("origin %q, removed %q", res.Origin, res.Removed)
	}
}

func TestSourceAtTopOpensNoZone(t *testing.T) {
	res := Clean("T", "Kaynak: AA\n\nAnkara Bureau\n\nThe text.", "")
	want := []string{"Ankara Bureau", "The text."}
	if !slices.Equal(res.Paragraphs, want) || res.Origin != "AA" {
		t.Errorf("kept %q, origin %q", res.Paragraphs, res.Origin)
	}
}
