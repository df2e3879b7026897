// Package opml reads and writes OPML subscription lists, the format feed
// readers import and export.
//
// Categories are paths: the titles of the folder outlines (outlines without
// an xmlUrl) a feed sits in, joined by "/", as in "Tech/Go". A feed outside
// any folder takes the first category of its category attribute
// ("/Tech/Go,News" gives "Tech/Go"). Write nests each feed in one folder per
// path segment and repeats the path in its category attribute, so that
// readers that ignore either one keep the category, and Parse reads the same
// path back.
//
// Specs: http://opml.org/spec2.opml
package opml

import "errors"

// Feed is one subscription of a list.
type Feed struct {
	Title    string
	XMLURL   string // the feed
	HTMLURL  string // its web site, if given
	Category string // "Tech/Go"; empty outside any folder
	Line     int    // where its outline starts in the file (1-based), for reports
}

// MaxBytes caps a list: 5 MB holds tens of thousands of feeds, far beyond
// what anyone follows; a larger upload is refused before it is parsed.
const MaxBytes = 5 << 20

// maxDepth caps the nesting of outlines: real lists nest two or three deep.
const maxDepth = 32

// Errors Parse returns (wrapped, with details), for callers that explain
// them to people.
var (
	ErrTooBig   = errors.New("OPML file too big")
	ErrNotOPML  = errors.New("not an OPML document")
	ErrEntities = errors.New("OPML declares its own entities")
	ErrTooDeep  = errors.New("OPML outlines nested too deep")
)
