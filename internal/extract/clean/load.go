package clean

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"gopkg.in/yaml.v3"
)

type fileSpec struct {
	Defs      map[string]string `yaml:"defs"`
	Rules     []ruleSpec        `yaml:"rules"`
	DateWords []dateWordsSpec   `yaml:"date_words"`
}

type ruleSpec struct {
	Name         string   `yaml:"name"`
	Kind         string   `yaml:"kind"`
	Match        string   `yaml:"match"`
	MaxWords     int      `yaml:"max_words"`
	ZoneMaxWords int      `yaml:"zone_max_words"`
	ZoneOnly     bool     `yaml:"zone_only"`
	Patterns     []string `yaml:"patterns"`
}

type dateWordsSpec struct {
	Name     string   `yaml:"name"`
	Role     string   `yaml:"role"`
	Words    []string `yaml:"words"`
	Patterns []string `yaml:"patterns"`
}

var (
	modes = map[string]mode{"": modeWhole, "whole": modeWhole, "contains": modeContains, "prefix": modePrefix, "detect": modeDetect}
	roles = map[string]dateRole{"month": roleMonth, "stamp": roleStamp, "number": roleNumber, "part": rolePart, "filler": roleFiller}
	kinds = map[string]bool{kindByline: true, kindDate: true, kindLanguage: true, kindCaption: true,
		kindShare: true, kindFooter: true, kindSource: true, kindDateline: true}
)

// loadRules reads every rules/*.yaml file of fsys, in name order, and compiles
// them into one rule set. It reports every problem it finds, each with its
// file and rule.
func loadRules(fsys fs.FS) (*ruleSet, error) {
	names, err := fs.Glob(fsys, "rules/*.yaml")
	if err != nil {
		return nil, fmt.Errorf("list rule files: %w", err)
	}
	if len(names) == 0 {
		return nil, errors.New("no rule files")
	}
	specs := make([]fileSpec, len(names))
	defs := map[string]string{}
	var errs []error
	for i, name := range names {
		if err := readSpec(fsys, name, &specs[i]); err != nil {
			errs = append(errs, err)
			continue
		}
		for k, v := range specs[i].Defs {
			if _, dup := defs[k]; dup {
				errs = append(errs, fmt.Errorf("%s: def %q defined twice", name, k))
			}
			defs[k] = v
		}
	}
	rs := &ruleSet{}
	for i, name := range names {
		file := strings.TrimSuffix(path.Base(name), ".yaml")
		errs = append(errs, rs.addFile(file, &specs[i], defs)...)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	rs.dateKeys = map[string]int{}
	for i, d := range rs.dates {
		for _, k := range d.words {
			if _, taken := rs.dateKeys[k]; !taken {
				rs.dateKeys[k] = i
			}
		}
	}
	rs.lits = &literalIndex{}
	for i := range rs.rules {
		for j := range rs.rules[i].patterns {
			p := &rs.rules[i].patterns[j]
			for _, lit := range p.needs {
				p.ids = append(p.ids, rs.lits.intern(lit))
			}
		}
	}
	return rs, nil
}

func readSpec(fsys fs.FS, name string, spec *fileSpec) error {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true) // a misspelt field must not silently disable a limit
	if err := dec.Decode(spec); err != nil {
		return fmt.Errorf("parse %s: %w", name, err)
	}
	return nil
}

func (rs *ruleSet) addFile(file string, spec *fileSpec, defs map[string]string) []error {
	var errs []error
	seen := map[string]bool{}
	for _, s := range spec.Rules {
		id := file + ":" + s.Name
		if s.Name == "" || seen[s.Name] {
			errs = append(errs, fmt.Errorf("%s: rule name empty or repeated", id))
			continue
		}
		seen[s.Name] = true
		r, err := compileRule(id, s, defs)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		rs.rules = append(rs.rules, r)
	}
	for _, s := range spec.DateWords {
		id := file + ":" + s.Name
		if s.Name == "" || seen[s.Name] {
			errs = append(errs, fmt.Errorf("%s: date words name empty or repeated", id))
			continue
		}
		seen[s.Name] = true
		d, err := compileDateWords(id, s, defs)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		rs.dates = append(rs.dates, d)
	}
	return errs
}

func compileRule(id string, s ruleSpec, defs map[string]string) (rule, error) {
	m, ok := modes[s.Match]
	switch {
	case !ok:
		return rule{}, fmt.Errorf("%s: unknown match %q", id, s.Match)
	case !kinds[s.Kind]:
		return rule{}, fmt.Errorf("%s: unknown kind %q", id, s.Kind)
	case (s.Kind == kindDateline) != (m == modeDetect):
		return rule{}, fmt.Errorf("%s: dateline rules, and only they, are detect rules", id)
	case (m == modeWhole || m == modeContains) && s.MaxWords <= 0:
		// A whole-paragraph rule without a limit could remove a story.
		return rule{}, fmt.Errorf("%s: whole rules need max_words", id)
	case s.MaxWords < 0 || s.ZoneMaxWords < 0:
		return rule{}, fmt.Errorf("%s: negative word limit", id)
	case len(s.Patterns) == 0:
		return rule{}, fmt.Errorf("%s: no patterns", id)
	}
	r := rule{id: id, kind: s.Kind, mode: m, maxWords: s.MaxWords,
		zoneMaxWords: s.ZoneMaxWords, zoneOnly: s.ZoneOnly}
	for _, p := range s.Patterns {
		pat, err := compileWithDefs(p, defs, anchorOf(m))
		if err != nil {
			return rule{}, fmt.Errorf("%s: %w", id, err)
		}
		if pat.origin >= 0 && originRank(s.Kind) == 0 {
			return rule{}, fmt.Errorf("%s: kind %s cannot name an origin", id, s.Kind)
		}
		r.patterns = append(r.patterns, pat)
	}
	return r, nil
}

func compileDateWords(id string, s dateWordsSpec, defs map[string]string) (dateWords, error) {
	role, ok := roles[s.Role]
	if !ok {
		return dateWords{}, fmt.Errorf("%s: unknown role %q", id, s.Role)
	}
	if len(s.Words) == 0 && len(s.Patterns) == 0 {
		return dateWords{}, fmt.Errorf("%s: no words or patterns", id)
	}
	d := dateWords{id: id, role: role}
	for _, w := range s.Words {
		k := keyString(w)
		if k == "" {
			return dateWords{}, fmt.Errorf("%s: word %q has no letters or digits", id, w)
		}
		d.words = append(d.words, k)
	}
	for _, p := range s.Patterns {
		pat, err := compileWithDefs(p, defs, anchorBoth)
		if err != nil {
			return dateWords{}, fmt.Errorf("%s: %w", id, err)
		}
		d.patterns = append(d.patterns, pat)
	}
	return d, nil
}

func anchorOf(m mode) anchor {
	switch m {
	case modeWhole:
		return anchorBoth
	case modeContains:
		return anchorNone
	}
	return anchorStart
}
