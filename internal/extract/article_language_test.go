package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestDeclaredLanguage(t *testing.T) {
	tests := []struct {
		name, page, want string
	}{
		{"html lang", `<html lang="fr"><p>x`, "fr"},
		{"html lang with region", `<html lang="en-GB">`, "en-GB"},
		{"underscore", `<html lang="pt_BR">`, "pt-BR"},
		{"case", `<html lang="ZH-hant-tw">`, "zh-Hant-TW"},
		{"xml:lang", `<html xml:lang="de">`, "de"},
		{"meta content-language", `<html><head><meta http-equiv="Content-Language" content="de-AT, en">`, "de-AT"},
		{"meta dc.language", `<html><head><meta name="DC.language" content="nl">`, "nl"},
		{"og:locale", `<html><head><meta property="og:locale" content="es_ES">`, "es-ES"},
		{"html lang wins over meta", `<html lang="it"><head><meta http-equiv="content-language" content="en">`, "it"},
		{"template placeholder", `<html lang="{{lang}}">`, ""},
		{"empty lang falls to meta", `<html lang=""><head><meta name="language" content="sv">`, "sv"},
		{"none", `<p>text`, ""},
		{"meta in body ignored", `<html><body><meta name="language" content="sv">`, ""},
		{"huge value", `<html lang="` + strings.Repeat("a", 1<<16) + `">`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(tt.page))
			if err != nil {
				t.Fatal(err)
			}
			if got := declaredLanguage(doc); got != tt.want {
				t.Errorf("declaredLanguage = %q, want %q", got, tt.want)
			}
		})
	}
}
