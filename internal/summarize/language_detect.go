package summarize

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"
)

// Detector guesses the language of a text among a fixed set. It uses
// whatlanggo's trigram profiles (already linked in for go-trafilatura, so
// detection adds nothing to the binary or the heap); restricting the
// candidates to the configured languages keeps it from answering a close
// neighbour (Azerbaijani for Turkish, Ukrainian for Russian).
type Detector struct {
	opts whatlanggo.Options
	// scripts holds the configured languages written in a script of their
	// own, which whatlanggo may not know (it has no Armenian).
	scripts map[*unicode.RangeTable]string
}

// scriptLanguages are languages told by their script alone.
var scriptLanguages = map[string]*unicode.RangeTable{"hy": unicode.Armenian, "ka": unicode.Georgian, "el": unicode.Greek}

// detectSample bounds the text a detection reads: a lede decides.
const detectSample = 2048

// NewDetector builds a detector for ISO 639-1 codes; it fails on a code the
// detector does not know.
func NewDetector(codes []string) (*Detector, error) {
	byCode := map[string]whatlanggo.Lang{}
	for l := range whatlanggo.Langs {
		if c := l.Iso6391(); c != "" {
			byCode[c] = l
		}
	}
	d := &Detector{opts: whatlanggo.Options{Whitelist: map[whatlanggo.Lang]bool{}}, scripts: map[*unicode.RangeTable]string{}}
	for _, c := range codes {
		c = strings.ToLower(c)
		if script, ok := scriptLanguages[c]; ok {
			d.scripts[script] = c
			continue
		}
		l, ok := byCode[c]
		if !ok {
			return nil, fmt.Errorf("language %q cannot be detected", c)
		}
		d.opts.Whitelist[l] = true
	}
	return d, nil
}

// Detect returns the ISO 639-1 code of text's language, or "" when the text
// is too short to tell or in none of the detector's languages.
func (d *Detector) Detect(text string) string {
	if len(text) > detectSample {
		text = strings.ToValidUTF8(text[:detectSample], "")
	}
	if utf8.RuneCountInString(text) < 20 {
		return ""
	}
	if lang := d.byScript(text); lang != "" {
		return lang
	}
	info := whatlanggo.DetectWithOptions(text, d.opts)
	if !d.opts.Whitelist[info.Lang] {
		return "" // a script none of the languages is written in
	}
	return info.Lang.Iso6391()
}

// byScript returns the configured language whose script most letters of
// text are written in, if any.
func (d *Detector) byScript(text string) string {
	if len(d.scripts) == 0 {
		return ""
	}
	letters := 0
	counts := map[*unicode.RangeTable]int{}
	for _, r := range text {
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		for script := range d.scripts {
			if unicode.Is(script, r) {
				counts[script]++
			}
		}
	}
	for script, n := range counts {
		if 2*n > letters {
			return d.scripts[script]
		}
	}
	return ""
}
