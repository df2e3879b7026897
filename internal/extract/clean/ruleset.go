package clean

import (
	"embed"
	"sync"
)

// The rule files, one per language plus common.yaml for what no language
// owns (numeric dates, URLs, names). Each file holds:
//
//	defs:        # named pattern fragments, used as {{name}} in any file
//	  cap: '\p{Lu}[\pL\pM''’.-]*'
//	rules:
//	  - name: source           # unique within the file
//	    kind: source-line      # what Removal.Rule reports; see kinds below
//	    match: whole           # whole (default), contains, prefix or detect
//	    max_words: 12          # longest paragraph the rule may remove
//	    zone_max_words: 20     # the same after a footer near the end
//	    zone_only: false       # applies only after such a footer
//	    patterns:              # RE2; a group named origin names the outlet
//	      - '(?i:source){{colon}}(?P<origin>.+)'
//	date_words:
//	  - name: months
//	    role: month            # month, stamp, number, part or filler
//	    words: [january, jan]  # compared on keys (see appendKey)
//	    patterns: []           # or RE2 matched against a whole word
//
// A whole rule removes a paragraph its pattern matches entirely, a contains
// rule one its pattern matches anywhere in (write $ for "ends with"); both
// only up to max_words, which every such rule must set. A prefix rule strips
// what its pattern matches at the start and keeps the rest. A detect rule
// removes nothing: it only reads the origin off a lede's dateline. Rules are
// tried in file-name order, then in file order; the first match wins.
// Patterns are case-sensitive unless they say (?i); see relaxSource for the
// spelling variants every pattern accepts. A date line is a paragraph of
// date words only (see dateLine).
//
//go:embed rules/*.yaml
var ruleFiles embed.FS

// The kinds of rules; all but kindDateline are Removal.Rule values.
const (
	kindTitle    = "title-repeat"
	kindByline   = "byline"
	kindDate     = "date-line"
	kindLanguage = "language-marker"
	kindCaption  = "caption"
	kindShare    = "share-prompt"
	kindFooter   = "footer"
	kindSource   = "source-line"
	kindDateline = "dateline"
)

// originRank orders the kinds of statement an origin may come from: an
// explicit source line is the outlet's own word, a byline may name a wire
// service, and a dateline's agency may be the aggregator's.
func originRank(kind string) int {
	switch kind {
	case kindSource:
		return 3
	case kindByline:
		return 2
	case kindDateline:
		return 1
	}
	return 0
}

type mode int

const (
	modeWhole mode = iota
	modeContains
	modePrefix
	modeDetect
)

type rule struct {
	id           string // file:name, for tests that every rule is used
	kind         string
	mode         mode
	patterns     []pattern
	maxWords     int // 0: no limit (prefix and detect rules only)
	zoneMaxWords int
	zoneOnly     bool
}

// limit is the longest paragraph, in words, the rule may remove.
func (r *rule) limit(zone bool) int {
	if zone && r.zoneMaxWords > r.maxWords {
		return r.zoneMaxWords
	}
	return r.maxWords
}

type dateRole int

const (
	roleMonth  dateRole = iota // a month name: a date with a number or a part
	roleStamp                  // a date or time on its own: 29.11.2026, 14:05
	roleNumber                 // a day or a year
	rolePart                   // weekdays, time zones, "г.": never a date alone
	roleFiller                 // "Updated", "at": a few are allowed
)

type dateWords struct {
	id       string
	role     dateRole
	words    []string // keys
	patterns []pattern
}

// ruleSet is the compiled rules; it is never changed after loading.
type ruleSet struct {
	rules    []rule
	dates    []dateWords
	dateKeys map[string]int // word key → the first of dates listing it
	lits     *literalIndex
}

// defaultRules compiles the embedded rules once. The files are part of the
// build and a test compiles them, so an error here is a build defect.
var defaultRules = sync.OnceValues(func() (*ruleSet, error) {
	return loadRules(ruleFiles)
})
