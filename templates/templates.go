// Package templates renders posts with Go text/template files. The defaults
// are embedded in the binary; an operator's directory may override or add
// files. A template whose name ends in ".html.tmpl" is rendered for
// Telegram's parse_mode=HTML: every value it receives is escaped first, so no
// feed text can break the markup, whatever the template does with it.
package templates

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/template"
	"time"
)

//go:embed *.tmpl
var embedded embed.FS

// Set is the parsed templates, by file name.
type Set struct {
	byName map[string]*template.Template
}

// New parses the embedded templates, then every *.tmpl in dir (if dir is not
// empty), which replace embedded ones of the same name.
func New(dir string) (*Set, error) {
	s := &Set{byName: map[string]*template.Template{}}
	if err := s.load(embedded, "."); err != nil {
		return nil, err
	}
	if dir != "" {
		st, err := os.Stat(dir)
		if err != nil {
			return nil, fmt.Errorf("templates directory: %w", err)
		}
		if !st.IsDir() {
			return nil, fmt.Errorf("templates directory %s is not a directory", dir)
		}
		if err := s.load(os.DirFS(dir), dir); err != nil {
			return nil, err
		}
	}
	return s, nil
}

func (s *Set) load(fsys fs.FS, where string) error {
	names, err := fs.Glob(fsys, "*.tmpl")
	if err != nil {
		return err
	}
	for _, name := range names {
		body, err := fs.ReadFile(fsys, name)
		if err != nil {
			return fmt.Errorf("template %s: %w", filepath.Join(where, name), err)
		}
		t, err := template.New(name).Option("missingkey=error").Funcs(funcs).Parse(string(body))
		if err != nil {
			return fmt.Errorf("template %s: %w", filepath.Join(where, name), err)
		}
		s.byName[name] = t
	}
	return nil
}

// Names lists the available templates.
func (s *Set) Names() []string {
	var out []string
	for n := range s.byName {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// Has reports whether a template of that name exists.
func (s *Set) Has(name string) bool { _, ok := s.byName[name]; return ok }

// IsHTML tells whether the named template produces Telegram HTML.
func IsHTML(name string) bool { return strings.HasSuffix(name, ".html.tmpl") }

var funcs = template.FuncMap{
	"join": strings.Join,
	"date": func(layout string, t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Format(layout)
	},
}
