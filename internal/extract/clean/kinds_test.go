package clean

import "testing"

// TestRemovesKinds: each of the examples, as a paragraph between two
// story paragraphs, is removed as the kind of boilerplate it is.
func TestRemovesKinds(t *testing.T) {
	tests := []struct{ para, kind string }{
		{"By Jane Doe", kindByline},
		{"by Reuters Staff", kindByline},
		{"Reuters Staff", kindByline},
		{"By JANE DOE | Hürriyet Daily News", kindByline},
		{"Jane Doe, Staff Writer", kindByline},
		{"Reporting by Jane Doe; Editing by Alex Richardson", kindByline},
		{"Haber: Ahmet Yılmaz", kindByline},
		{"Muhabir: Ayşe Demir", kindByline},
		{"Ahmet YILMAZ / ANKARA", kindByline},
		{"Автор: Иван Петров", kindByline},
		{"Текст: Анна Смирнова", kindByline},
		{"Հեղինակ՝ Արամ Պետրոսյան", kindByline},
		{"29 November 2026", kindDate},
		{"Updated: 29 November 2026 14:05", kindDate},
		{"Güncelleme: 29.11.2026 14:05", kindDate},
		{"Обновлено: 29 ноября 2026, 14:05", kindDate},
		{"English :", kindLanguage},
		{"English:", kindLanguage},
		{"Türkçe:", kindLanguage},
		{"Русский:", kindLanguage},
		{"Հայերեն՝", kindLanguage},
		{"EN", kindLanguage},
		{"[EN]", kindLanguage},
		{"Photo: Jane Doe", kindCaption},
		{"Photo by Jane Doe", kindCaption},
		{"(Photo: Reuters)", kindCaption},
		{"Image: Getty Images", kindCaption},
		{"Credit: Getty Images/iStockphoto", kindCaption},
		{"Фото: РИА Новости", kindCaption},
		{"Fotoğraf: Ahmet Yılmaz", kindCaption},
		{"Foto: AA", kindCaption},
		{"Լուսանկարը՝ Photolure", kindCaption},
		{"Rescue workers search the rubble in Malatya (Reuters)", kindCaption},
		{"Rescue workers search the rubble in Malatya / AFP", kindCaption},
		{"© РИА Новости / Иван Петров", kindCaption},
		{"Share this article", kindShare},
		{"Subscribe to our newsletter", kindShare},
		{"Follow us on Telegram", kindShare},
		{"👉 Follow us on Telegram and X", kindShare},
		{"Read more:", kindShare},
		{"Read also: Istanbul metro lines to run overnight", kindShare},
		{"Also read", kindShare},
		{"Paylaş", kindShare},
		{"Abone ol", kindShare},
		{"Bizi takip edin", kindShare},
		{"İlgili haber", kindShare},
		{"Haberin devamı", kindShare},
		{"Подписывайтесь на наш канал", kindShare},
		{"Читайте также:", kindShare},
		{"Поделиться", kindShare},
		{"Կարդացեք նաև", kindShare},
		{"Բաժանորդագրվեք", kindShare},
		{"Հետևեք մեզ", kindShare},
		{"This news comes from Hürriyet Daily News", kindSource},
		{"Source: Reuters", kindSource},
		{"Bu haber Hürriyet kaynağından gelmektedir.", kindSource},
		{"Kaynak: AA", kindSource},
		{"Источник: ТАСС", kindSource},
		{"Աղբյուր՝ Արմենպրես", kindSource},
		{"The opinions expressed are those of the author and do not necessarily reflect the views of this site.", kindFooter},
		{"Yazıda yer alan görüşler yazara aittir.", kindFooter},
		{"Мнение автора может не совпадать с мнением редакции", kindFooter},
		{"Հեղինակի կարծիքը կարող է չհամընկնել խմբագրության տեսակետի հետ", kindFooter},
		{"© 2026 Reuters. All rights reserved.", kindFooter},
		{"Tags: Istanbul, ferry", kindFooter},
		{"https://t.me/somechannel", kindFooter},
	}
	for _, tt := range tests {
		t.Run(tt.para, func(t *testing.T) {
			text := "The story starts here.\n\n" + tt.para + "\n\nThe story goes on here.\n\nAnd it ends here."
			res := Clean("A title that is not repeated", text, "")
			if len(res.Removed) != 1 || res.Removed[0] != (Removal{Rule: tt.kind, Text: tt.para}) || len(res.Paragraphs) != 3 {
				t.Errorf("removed %q, want one %s", res.Removed, tt.kind)
			}
		})
	}
}
