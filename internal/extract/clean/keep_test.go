package clean

import (
	"slices"
	"testing"
)

// TestKeepsLookalikes: story paragraphs that look a little like boilerplate
// must come back whole.
func TestKeepsLookalikes(t *testing.T) {
	const title = "Parliament approves the 2027 budget"
	tests := []struct{ name, para string }{
		{"by the end", "By the end of the year, the ministry plans to rebuild 300 homes in the province, officials said."},
		{"short by sentence", "By then, it was too late."},
		{"by capitalised then sentence", "By Friday, the lira had recovered."},
		{"by camel-case name", "By Friday, McDonald's had raised prices in all of its Turkish restaurants."},
		{"source in long paragraph", "Source: officials said the decision was unanimous, although two members of the committee had argued for a cut of 100 basis points."},
		{"source then sentence", "Source: officials said the vote was close."},
		{"sources lower case", "Sources close to the talks said no deal was expected before Friday."},
		{"date inside sentence", "The vote, held on 29 November 2026, was the last of the session."},
		{"sentence starting with a date", "November 29, 2026 was the last scheduled meeting of the year, and the next is due on January 22."},
		{"lone year is no date", "2026"},
		{"lone month is no date", "May"},
		{"number and words", "3 killed, 12 injured"},
		{"caption phrase quoted", `The statement, with a photo captioned "Photo: Reuters", was posted on the bank's website.`},
		{"long paragraph beginning with Photo", "Photographs released by the bank showed the committee meeting in its new building in Istanbul's financial district, which opened last month."},
		{"photo by photo", "Photo by photo, the exhibition tells the story of the city's transformation over a century of war, migration and reconstruction."},
		{"share prices", "Share prices rose 1.2 percent after the decision, led by banks."},
		{"subscribers", "Subscribers to the service will pay 10 percent more from January."},
		{"read more about", "Readers can read more about the plan on the ministry's website."},
		{"follow us on sentence", "Follow us on this journey, the minister told the crowd in Izmir."},
		{"staff writers polled", "Reuters Staff writers polled 15 economists before the meeting; all of them expected no change."},
		{"english football", "English football clubs said on Friday they would back the new rules."},
		{"title in a longer sentence", "Parliament approves the 2027 budget, but the opposition vows to challenge it in court."},
		{"title then lower-case glue", "Parliament approves the 2027 budgets of three agencies as well."},
		{"reporting by the BBC", "Reporting by the BBC showed that the ministry had ignored the warnings for years."},
		{"copyright debate", "Copyright holders and platforms have argued over the law for two years, and the vote was delayed three times."},
		{"ends with agency but long", "The ministry said the talks would resume next week in Geneva, after a pause of almost two months, and that both sides had agreed to share data on the sites (Reuters)"},
		{"tr kaynak sentence", "Kaynak: Enerji Bakanlığı yetkilileri, yeni sistemin başvuru sürelerini iki haftadan iki güne indireceğini söyledi."},
		{"tr abone sentence", "Abone olmak isteyen vatandaşlar başvurularını çevrim içi olarak tamamlayabilecek."},
		{"tr paylaşım", `Paylaşım yapan bakan, "Abone ol, bekleme" sloganıyla kampanyayı duyurdu.`},
		{"tr fotoğraf sanatçısı", "Fotoğraf sanatçısı Ara Güler'in arşivinden seçilen kareler sergilendi."},
		{"tr date in sentence", "29 Kasım 2026 Pazar günü yapılan açıklamada yeni tarife duyuruldu."},
		{"tr bu haber", "Bu haber üzerine bakanlık açıklama yaptı."},
		{"ru источник в", "Источник в правительстве сообщил, что закон вступит в силу с 1 октября."},
		{"ru по данным", "По данным Минздрава, число заболевших выросло до 12 тысяч."},
		{"ru по материалам sentence", "По материалам дела, обвиняемый признал вину."},
		{"ru автор законопроекта", "Автор законопроекта, депутат Антон Горелкин, заявил, что документ защитит продавцов."},
		{"ru фотография", "Фотография Ивана Петрова стала самой популярной в ленте."},
		{"ru читайте также в тексте", "Читайте также интервью Горелкина в завтрашнем номере."},
		{"ru поделиться мнением", "Поделиться своим мнением жители могут на портале «Активный гражданин»."},
		{"ru текст обращения", "Текст обращения опубликован на сайте Кремля."},
		{"ru date sentence", "29 ноября 2026 года в Госдуме прошли слушания."},
		{"hy աղբյուրը spring", "Աղբյուրը, որը գտնվում է հրապարակի մոտ, վերականգնվել է։"},
		{"hy լուսանկարիչ", "Լուսանկարիչ Ռուբեն Մանգասարյանի աշխատանքները ցուցադրվել են։"},
		{"hy հեղինակը", "Հեղինակը նշել է, որ քարերը բերվել են Անիի շրջակայքից։"},
		{"hy կարդացեք նաև sentence", "Կարդացեք նաև նախարարի հարցազրույցը վաղվա համարում։"},
		{"hy հետևեք մեր", "Հետևեք մեր խորհրդին, ասաց քաղաքապետը։"},
		{"hy date sentence", "2026 թվականի նոյեմբերի 29-ին կայացած արարողությանը ներկա էին հարյուրավոր քաղաքացիներ։"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Between two story paragraphs, so that nothing is at an edge.
			before := "The assembly met on Sunday to vote on the plan after two weeks of debate."
			after := "The opposition said it would keep campaigning against the measures."
			res := Clean(title, before+"\n\n"+tt.para+"\n\n"+after, "")
			want := []string{before, tt.para, after}
			if !slices.Equal(res.Paragraphs, want) || len(res.Removed) > 0 {
				t.Errorf("Clean kept %q\nremoved %q", res.Paragraphs, res.Removed)
			}
		})
	}
}
