package bot

import "testing"

func TestCatalogsAreCompleteAndRender(t *testing.T) {
	c, err := LoadCatalog()
	if err != nil {
		t.Fatal(err)
	}
	if !c.Has("en") || !c.Has("tr") {
		t.Fatalf("languages %v, want at least en and tr", c.Languages())
	}
	for _, lang := range c.Languages() {
		got := c.Text(lang, "not_admin", map[string]string{"Command": "status"})
		if got == "not_admin" || got == "" {
			t.Errorf("%s not_admin = %q", lang, got)
		}
	}
	if got := c.Text("xx", "resumed", map[string]string{"ID": "news"}); got != "news is resumed." {
		t.Errorf("unknown language falls back to English: %q", got)
	}
}
