package clean

import (
	"regexp/syntax"
	"slices"
	"testing"
)

func TestRelaxSource(t *testing.T) {
	tests := []struct{ in, want string }{
		{`(?i:paylaş)`, `(?i:payla[şs])`},
		{`İlgili`, `[iıIİ]lg[iıIİ]l[iıIİ]`},
		{`ещё`, `ещ[ёе]`},
		{`\pL\p{Lu}\PL\d\s\.`, `\pL\p{Lu}\PL\d\s\.`},
		{`[iş\]]x`, `[iş\]]x`},
		{`[]i]`, `[]i]`},
		{`(?P<origin>x)(?i)y{2,3}`, `(?P<origin>x)(?i)y{2,3}`},
		{`a{b`, `a{b`},
		{`\Qiş\E`, `\Qiş\E`},
		{`\x{131}`, `\x{131}`},
		{`Հայերեն՝`, `Հայերեն՝`},
	}
	for _, tt := range tests {
		if got := relaxSource(tt.in); got != tt.want {
			t.Errorf("relaxSource(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPatternSpellings(t *testing.T) {
	tests := []struct {
		pattern string
		match   []string
		noMatch []string
	}{
		{`(?i:ilgili haber)`, []string{"İLGİLİ HABER", "ILGILI HABER", "Ilgılı haber", "ilgili haber"}, []string{"ilgil haber"}},
		{`(?i:yazıda)`, []string{"YAZIDA", "yazida", "Yazıda"}, []string{"yazda"}},
		{`(?i:paylaş)`, []string{"Paylaş", "PAYLAS", "paylas"}, []string{"paylaz"}},
		{`paylaş`, []string{"paylaş", "paylas"}, []string{"Paylaş"}},
		{`(?i:читайте ещё)`, []string{"Читайте ещё", "ЧИТАЙТЕ ЕЩЕ"}, nil},
		{`(?i:еще)`, nil, []string{"ещё"}},
		{`(?i:կարդացեք)`, []string{"Կարդացեք", "ԿԱՐԴԱՑԵՔ"}, nil},
		{`[^i]`, []string{"a"}, []string{"i"}},
	}
	for _, tt := range tests {
		p, err := compilePattern(tt.pattern, anchorBoth)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range tt.match {
			if !p.re.MatchString(s) || !p.first.allows(s) {
				t.Errorf("%q does not match %q", tt.pattern, s)
			}
		}
		for _, s := range tt.noMatch {
			if p.re.MatchString(s) {
				t.Errorf("%q matches %q", tt.pattern, s)
			}
		}
	}
}

func TestFirstSet(t *testing.T) {
	tests := []struct {
		pattern      string
		any          bool
		allow, block []string
	}{
		{`(?i:photo|image)`, false, []string{"Photo", "IMAGE", "İmage"}, []string{"The", "", "("}},
		{`\(?(?i:photo)`, false, []string{"(Photo", "photo"}, []string{"[photo"}},
		{`(?:[\pS]+\s*)?share`, false, []string{"👉 share", "share"}, []string{"Share", "a"}},
		{`.*x`, true, nil, nil},
		{`x?`, true, nil, nil},
	}
	for _, tt := range tests {
		p, err := compilePattern(tt.pattern, anchorStart)
		if err != nil {
			t.Fatal(err)
		}
		if p.first.any != tt.any {
			t.Errorf("%q: any = %v", tt.pattern, p.first.any)
		}
		for _, s := range tt.allow {
			if !p.first.allows(s) {
				t.Errorf("%q blocks %q", tt.pattern, s)
			}
		}
		for _, s := range tt.block {
			if p.first.allows(s) {
				t.Errorf("%q allows %q", tt.pattern, s)
			}
		}
	}
}

func TestRequiredWords(t *testing.T) {
	tests := []struct {
		pattern string
		want    []string
	}{
		{`(?i:all rights reserved)`, []string{"all rights reserved"}},
		{`(?i:share this|print)`, []string{"print", "share this"}},
		{`x(?i:Tüm hakları)y`, []string{"tum haklari"}},
		{`\(\s*(?i:reuters|ap)\s*\)$`, []string{"("}},
		{`.*`, nil},
		{`a|.`, nil},
		{`(?i:ab)?c`, nil},
	}
	for _, tt := range tests {
		re, err := syntax.Parse(tt.pattern, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		if got := requiredWords(re); !slices.Equal(got, tt.want) {
			t.Errorf("requiredWords(%q) = %q, want %q", tt.pattern, got, tt.want)
		}
	}
}

func TestLiteralIndex(t *testing.T) {
	var x literalIndex
	ids := []int32{x.intern("all rights"), x.intern("/"), x.intern("ab"), x.intern("all rights")}
	if ids[0] != ids[3] {
		t.Fatalf("interning twice gave %v", ids)
	}
	found := x.scan("xx all rights / a", nil)
	for i, want := range []bool{true, true, false} {
		if got := anyFound(found, ids[i:i+1]); got != want {
			t.Errorf("literal %q found = %v", x.lits[ids[i]], got)
		}
	}
}
