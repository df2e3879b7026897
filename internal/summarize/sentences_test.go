package summarize

import (
	"slices"
	"testing"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name, lang, in string
		want           []string
	}{
		{"empty", "en", "", nil},
		{"blank", "en", " \n\n \t ", nil},
		{"one sentence", "en", "Just one", []string{"Just one"}},
		{"two sentences", "en", "It rained. We stayed in.", []string{"It rained.", "We stayed in."}},
		{"paragraph break ends a sentence", "en", "Headline without stop\n\nBody text", []string{"Headline without stop", "Body text"}},
		{"single newline is a space", "en", "One line\nwrapped here. Next.", []string{"One line wrapped here.", "Next."}},
		{"crlf paragraphs", "en", "One\r\n\r\nTwo", []string{"One", "Two"}},
		{"whitespace collapsed", "en", "Too   many\u00a0 spaces.  Next", []string{"Too many spaces.", "Next"}},
		{"question and exclamation", "en", "Why? Because! Fine.", []string{"Why?", "Because!", "Fine."}},
		{"interrobang runs", "en", "Really?! Yes!!! Sure?", []string{"Really?!", "Yes!!!", "Sure?"}},
		{"ellipsis", "en", "Wait... Then go. And… More", []string{"Wait...", "Then go.", "And…", "More"}},
		{"ellipsis before lower case continues", "en", "Well... maybe not.", []string{"Well... maybe not."}},
		{"lower case after dot continues", "en", "Version 2. is out", []string{"Version 2. is out"}},
		{"decimal number", "en", "It grew 3.5 percent. Prices fell.", []string{"It grew 3.5 percent.", "Prices fell."}},
		{"titles", "en", "Mr. Smith met Dr. Jones and Prof. Lee at St. Mary's.", []string{"Mr. Smith met Dr. Jones and Prof. Lee at St. Mary's."}},
		{"e.g. and i.e.", "en", "Fruit, e.g. Apples, i.e. Food.", []string{"Fruit, e.g. Apples, i.e. Food."}},
		{"U.S. before a name", "en", "The U.S. Senate voted. It passed.", []string{"The U.S. Senate voted.", "It passed."}},
		{"abbreviation before a number", "en", "Due Jan. 5 at No. 10 Downing St.", []string{"Due Jan. 5 at No. 10 Downing St."}},
		{"abbreviation ends a sentence", "en", "Apples, pears etc. The rest is fine.", []string{"Apples, pears etc.", "The rest is fine."}},
		{"initials", "en", "J. R. R. Tolkien and J.K. Rowling wrote. They sold.", []string{"J. R. R. Tolkien and J.K. Rowling wrote.", "They sold."}},
		{"pronoun I", "en", "You and I. Then we left.", []string{"You and I.", "Then we left."}},
		{"closing quote", "en", `He said "Go." Then he left.`, []string{`He said "Go."`, "Then he left."}},
		{"question inside quotes", "en", `"Who? Me?" she asked.`, []string{`"Who? Me?" she asked.`}},
		{"inside brackets", "en", "See (fig. 2. Also this) here. Next.", []string{"See (fig. 2. Also this) here.", "Next."}},
		{"stray quote protects nothing", "en", `The 5" screen broke. A new one came.`, []string{`The 5" screen broke.`, "A new one came."}},
		{"footnote marks", "en", "It is a gas.[1] It burns. [2] Done.", []string{"It is a gas.[1]", "It burns. [2]", "Done."}},
		{"missing space", "en", "It ended.Then it began.", []string{"It ended.", "Then it began."}},
		{"addresses keep their dots", "en", "Mail jane.Doe@example.com today. Or visit www.Example.com now.", []string{"Mail jane.Doe@example.com today.", "Or visit www.Example.com now."}},
		{"list marker", "en", "1. Introduction", []string{"1. Introduction"}},
		{"dialogue dash starts a sentence", "ru", "Он ушёл. — Куда? — спросила она.", []string{"Он ушёл.", "— Куда? — спросила она."}},
		{"russian abbreviations", "ru", "В 2010 г. Иванов посетил ул. Ленина и т.д. Потом уехал.", []string{"В 2010 г. Иванов посетил ул. Ленина и т.д.", "Потом уехал."}},
		{"russian initials", "ru", "Писатель Л.Н. Толстой и А. П. Чехов. Оба классики.", []string{"Писатель Л.Н. Толстой и А. П. Чехов.", "Оба классики."}},
		{"russian guillemets", "ru", "Он сказал: «Я устал. Иду домой». Все молчали.", []string{"Он сказал: «Я устал. Иду домой».", "Все молчали."}},
		{"turkish titles", "tr", "Prof. Dr. Ayşe Kaya konuştu. Doç. Dr. Ali Can da katıldı.", []string{"Prof. Dr. Ayşe Kaya konuştu.", "Doç. Dr. Ali Can da katıldı."}},
		{"turkish ordinals", "tr", "Takım 2. Lig'de 156. sırada. II. Dünya Savaşı sonrası kuruldu.", []string{"Takım 2. Lig'de 156. sırada.", "II. Dünya Savaşı sonrası kuruldu."}},
		{"turkish year ends a sentence", "tr", "Kuruluş yılı 1923. Sonra büyüdü.", []string{"Kuruluş yılı 1923.", "Sonra büyüdü."}},
		{"turkish dotted capital", "tr", "Toplantı bitti. İstanbul'da yağmur yağıyor.", []string{"Toplantı bitti.", "İstanbul'da yağmur yağıyor."}},
		{"armenian full stop", "hy", "Բարև Ձեզ։ Ինչպե՞ս եք։", []string{"Բարև Ձեզ։", "Ինչպե՞ս եք։"}},
		{"armenian colon look-alike", "hy", "Այսօր երկուշաբթի է: Ես գնում եմ:", []string{"Այսօր երկուշաբթի է:", "Ես գնում եմ:"}},
		{"armenian dot is not an end", "hy", "Նա ասաց. Գնանք տուն։", []string{"Նա ասաց. Գնանք տուն։"}},
		{"armenian time keeps its colon", "hy", "Ժամը 10:30 է։", []string{"Ժամը 10:30 է։"}},
		{"region tag", "tr-TR", "Dr. Ali geldi. Gitti.", []string{"Dr. Ali geldi.", "Gitti."}},
		{"unknown language uses English rules", "xx", "Mr. Smith left. Bye.", []string{"Mr. Smith left.", "Bye."}},
		{"only punctuation", "en", ".", []string{"."}},
		{"armenian marks inside words", "hy", "Ո՜վ Աստված, ինչ գեղեցիկ է։ Ինչու՞ ես ուշացել։ Լա՛վ, գնանք։",
			[]string{"Ո՜վ Աստված, ինչ գեղեցիկ է։", "Ինչու՞ ես ուշացել։", "Լա՛վ, գնանք։"}},
		{"abbreviation may end a sentence", "en", "It closed in Aug. The rest came later.", []string{"It closed in Aug.", "The rest came later."}},
		{"abbreviation before a month day", "en", "It closed on Aug. 5 for good.", []string{"It closed on Aug. 5 for good."}},
		{"decimal and grouped numbers", "tr", "Tam 1.000.000 lira. Oran 1,5 oldu. Pi 3.14 civarı.", []string{"Tam 1.000.000 lira.", "Oran 1,5 oldu.", "Pi 3.14 civarı."}},
		{"addresses end sentences but keep their dots", "en", "Visit https://example.com/a.b?c=1. Then write to john.smith@example.com. Thanks!",
			[]string{"Visit https://example.com/a.b?c=1.", "Then write to john.smith@example.com.", "Thanks!"}},
		{"time closing an opening phrase", "en", "At 5 a.m. Mr. Smith left. In 44 B.C. Caesar died.", []string{"At 5 a.m. Mr. Smith left.", "In 44 B.C. Caesar died."}},
		{"time closing a sentence", "en", "He left at 6 p.m. Mr. Smith stayed. At 6 a.m. The birds sing.",
			[]string{"He left at 6 p.m.", "Mr. Smith stayed.", "At 6 a.m.", "The birds sing."}},
		{"time before a number", "en", "7 a.m. is before 7 p.m. 7 a.m. is early.", []string{"7 a.m. is before 7 p.m.", "7 a.m. is early."}},
		{"single quotes span sentences", "en", "'Go home. It is late.' She went.", []string{"'Go home. It is late.'", "She went."}},
		{"curly single quotes and apostrophes", "en", "‘Go home,’ he said. ‘It’s late. Go.’ She went.", []string{"‘Go home,’ he said.", "‘It’s late. Go.’", "She went."}},
		{"curly apostrophes open nothing", "en", "It was the ‘90s. Then came ’em all. The kids’ era ended.",
			[]string{"It was the ‘90s.", "Then came ’em all.", "The kids’ era ended."}},
		{"possessive apostrophe protects nothing", "en", "The kids' toys broke. 'Em too. We left.", []string{"The kids' toys broke.", "'Em too.", "We left."}},
		{"lone quote closes the sentence before it", "en", "I got here. ' The man looked up.", []string{"I got here. '", "The man looked up."}},
		{"lone quote opens a quotation ahead", "en", "He nodded. ' Who are you? ' he asked. ' Me? ' she said.",
			[]string{"He nodded.", "' Who are you? ' he asked.", "' Me? ' she said."}},
		{"tokenised double quotes", "en", "It was '' down '' . Police left .", []string{"It was '' down '' .", "Police left ."}},
		{"tokenised abbreviation after a slash", "en", "It meets U.S. Route 171/U.S . Highway 190 here .", []string{"It meets U.S. Route 171/U.S . Highway 190 here ."}},
		{"russian spaced abbreviation", "ru", "Он уехал, т. е. сбежал. Потом вернулся.", []string{"Он уехал, т. е. сбежал.", "Потом вернулся."}},
		{"turkish lower-case start", "tr", "Kotası yok. limitsiz paket yok mu? neyse, bitti.", []string{"Kotası yok.", "limitsiz paket yok mu?", "neyse, bitti."}},
		{"turkish ellipsis before lower case", "tr", "Okul açıldı... sınavda 2. oldum.", []string{"Okul açıldı...", "sınavda 2. oldum."}},
		{"turkish abbreviations before lower case", "tr", "Yol 30 dk. sürdü, 400 tl. istedi vb. şeyler.", []string{"Yol 30 dk. sürdü, 400 tl. istedi vb. şeyler."}},
		{"turkish acronym before lower case", "tr", "Elbette AKP. ve hükümeti.", []string{"Elbette AKP. ve hükümeti."}},
		{"turkish speech tag after a quotation", "tr", "\"Geldim.\" dedi. Sonra gitti.", []string{"\"Geldim.\" dedi.", "Sonra gitti."}},
		{"turkish missing space before lower case", "tr", "Trafik vardı.değil mi? Site haber.com.tr adresinde.", []string{"Trafik vardı.", "değil mi?", "Site haber.com.tr adresinde."}},
		{"turkish titles run together", "tr", "Davacı vek.Av.Hasan geldi.", []string{"Davacı vek.Av.Hasan geldi."}},
		{"english lower case after a stop continues", "en", "It was approx. ten. Why? because.", []string{"It was approx. ten.", "Why? because."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sentences(tt.in, tt.lang); !slices.Equal(got, tt.want) {
				t.Errorf("Sentences(%q, %q)\n got %q\nwant %q", tt.in, tt.lang, got, tt.want)
			}
		})
	}
}

func TestTitlesThatEndSentences(t *testing.T) {
	tests := []struct {
		lang, in string
		want     []string
	}{
		{"en", "Exports rose most to the U.S. The EU came second.", []string{"Exports rose most to the U.S.", "The EU came second."}},
		{"en", "The U.S. President spoke. He left.", []string{"The U.S. President spoke.", "He left."}},
		{"en", "He flew to the U.K. It rained.", []string{"He flew to the U.K.", "It rained."}},
		{"ru", "Музей основан в 1959 г. Сегодня в нем 23 тыс. рукописей.", []string{"Музей основан в 1959 г.", "Сегодня в нем 23 тыс. рукописей."}},
		{"ru", "Он живет в г. Москве. Работает там же.", []string{"Он живет в г. Москве.", "Работает там же."}},
		{"ru", "Это было в XIX в. Потом все изменилось.", []string{"Это было в XIX в.", "Потом все изменилось."}},
	}
	for _, tt := range tests {
		if got := Sentences(tt.in, tt.lang); !slices.Equal(got, tt.want) {
			t.Errorf("Sentences(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}
