package bot

import (
	"embed"
	"fmt"
	"path"
	"slices"
	"strings"
	"text/template"

	"gopkg.in/yaml.v3"
)

//go:embed messages/*.yaml
var messageFiles embed.FS

// Catalog holds the bot's replies in every language it speaks: message
// catalogs, so a translation is a file, not code.
type Catalog struct {
	langs map[string]map[string]*template.Template
	order []string // language codes, sorted
}

// DefaultLanguage answers when a chat's language is unknown or unsupported.
const DefaultLanguage = "en"

// LoadCatalog parses the embedded catalogs; every language must have every
// key English has.
func LoadCatalog() (*Catalog, error) {
	files, err := messageFiles.ReadDir("messages")
	if err != nil {
		return nil, err
	}
	c := &Catalog{langs: map[string]map[string]*template.Template{}}
	for _, f := range files {
		lang := strings.TrimSuffix(f.Name(), ".yaml")
		raw, err := messageFiles.ReadFile(path.Join("messages", f.Name()))
		if err != nil {
			return nil, err
		}
		var texts map[string]string
		if err := yaml.Unmarshal(raw, &texts); err != nil {
			return nil, fmt.Errorf("messages/%s: %w", f.Name(), err)
		}
		msgs := map[string]*template.Template{}
		for key, text := range texts {
			t, err := template.New(key).Option("missingkey=error").Parse(text)
			if err != nil {
				return nil, fmt.Errorf("messages/%s: %s: %w", f.Name(), key, err)
			}
			msgs[key] = t
		}
		c.langs[lang] = msgs
		c.order = append(c.order, lang)
	}
	slices.Sort(c.order)
	for lang, msgs := range c.langs {
		for key := range c.langs[DefaultLanguage] {
			if msgs[key] == nil {
				return nil, fmt.Errorf("messages/%s.yaml: no %q", lang, key)
			}
		}
	}
	return c, nil
}

// Languages lists the catalogs' language codes.
func (c *Catalog) Languages() []string { return c.order }

// Has reports whether the bot speaks lang.
func (c *Catalog) Has(lang string) bool { return c.langs[lang] != nil }

// Text renders the message key in lang (English when lang is unknown).
func (c *Catalog) Text(lang, key string, data any) string {
	msgs := c.langs[lang]
	if msgs == nil {
		msgs = c.langs[DefaultLanguage]
	}
	t := msgs[key]
	if t == nil {
		return key
	}
	var b strings.Builder
	if err := t.Execute(&b, data); err != nil {
		// A catalog bug must not silence the bot: say what is known.
		return key
	}
	return strings.TrimSpace(b.String())
}
