package opml

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html/charset"
)

// Parse reads a list: its feeds in file order, with their categories. The
// input is read up to MaxBytes (ErrTooBig beyond). Encodings the prolog
// declares (windows-1251, ISO-8859-9, ...) are decoded. A DOCTYPE that
// declares entities is refused (ErrEntities): encoding/xml would not expand
// them anyway, and a list has no use for them. Outlines without a title or
// an xmlUrl are kept as feeds with what they have: the caller decides what
// it can follow.
func Parse(r io.Reader) ([]Feed, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read OPML: %w", err)
	}
	if len(data) > MaxBytes {
		return nil, fmt.Errorf("%w: over %d MB", ErrTooBig, MaxBytes>>20)
	}
	p := parser{dec: xml.NewDecoder(bytes.NewReader(data))}
	// HTML's named entities are a fixed table, nothing to expand: lists
	// written by hand use &nbsp; and the like.
	p.dec.Entity = xml.HTMLEntity
	p.dec.CharsetReader = charset.NewReaderLabel
	return p.run()
}

type parser struct {
	dec     *xml.Decoder
	feeds   []Feed
	folders []outlineLevel
	inBody  bool
	root    bool
}

// outlineLevel is one open outline: a folder (its title joins the path) or
// a feed (whose children, if any, sit in the feed's folder).
type outlineLevel struct {
	folder bool
	title  string
}

func (p *parser) run() ([]Feed, error) {
	for {
		line, _ := p.dec.InputPos()
		tok, err := p.dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%w: line %d: %v", ErrNotOPML, line, err)
		}
		switch t := tok.(type) {
		case xml.Directive:
			if bytes.Contains(bytes.ToUpper(t), []byte("ENTITY")) {
				return nil, fmt.Errorf("%w (line %d): refused", ErrEntities, line)
			}
		case xml.StartElement:
			if err := p.start(t, line); err != nil {
				return nil, err
			}
		case xml.EndElement:
			p.end(t)
		}
	}
	if !p.root {
		return nil, fmt.Errorf("%w: no <opml> element", ErrNotOPML)
	}
	return p.feeds, nil
}

func (p *parser) start(t xml.StartElement, line int) error {
	name := strings.ToLower(t.Name.Local)
	if !p.root {
		if name != "opml" {
			return fmt.Errorf("%w: the document is <%s>", ErrNotOPML, t.Name.Local)
		}
		p.root = true
		return nil
	}
	switch {
	case name == "body":
		p.inBody = true
	case name == "outline" && p.inBody:
		if len(p.folders) >= maxDepth {
			return fmt.Errorf("%w: over %d levels at line %d", ErrTooDeep, maxDepth, line)
		}
		p.outline(t.Attr, line)
	}
	return nil
}

func (p *parser) end(t xml.EndElement) {
	switch strings.ToLower(t.Name.Local) {
	case "body":
		p.inBody = false
	case "outline":
		if p.inBody && len(p.folders) > 0 {
			p.folders = p.folders[:len(p.folders)-1]
		}
	}
}

// outline reads one outline's attributes; their names are compared without
// case, as some writers spell them "xmlurl" or "XMLURL".
func (p *parser) outline(attrs []xml.Attr, line int) {
	var text, title, xmlURL, htmlURL, category string
	for _, a := range attrs {
		switch strings.ToLower(a.Name.Local) {
		case "text":
			text = a.Value
		case "title":
			title = a.Value
		case "xmlurl":
			xmlURL = a.Value
		case "htmlurl":
			htmlURL = a.Value
		case "category":
			category = a.Value
		}
	}
	name := clean(title)
	if name == "" {
		name = clean(text)
	}
	xmlURL = strings.TrimSpace(xmlURL)
	if xmlURL == "" {
		p.folders = append(p.folders, outlineLevel{folder: true, title: name})
		return
	}
	p.folders = append(p.folders, outlineLevel{title: name})
	path := p.path()
	if path == "" {
		path = fromAttribute(category)
	}
	p.feeds = append(p.feeds, Feed{Title: name, XMLURL: xmlURL, HTMLURL: strings.TrimSpace(htmlURL), Category: path, Line: line})
}

// path is the category of an outline opening now: its folders' titles,
// without the outline itself.
func (p *parser) path() string {
	var parts []string
	for _, f := range p.folders[:len(p.folders)-1] {
		if f.folder && f.title != "" {
			parts = append(parts, f.title)
		}
	}
	return CleanCategory(strings.Join(parts, "/"))
}

// fromAttribute takes the first of a category attribute's comma-separated
// paths ("/Tech/Go,News" gives "Tech/Go").
func fromAttribute(v string) string {
	first, _, _ := strings.Cut(v, ",")
	return CleanCategory(first)
}

// CleanCategory normalises a category path: spaces collapsed, empty
// segments dropped, at most 200 characters.
func CleanCategory(v string) string {
	var parts []string
	for _, seg := range strings.Split(v, "/") {
		if seg = clean(seg); seg != "" {
			parts = append(parts, seg)
		}
	}
	out := strings.Join(parts, "/")
	if r := []rune(out); len(r) > 200 {
		out = strings.TrimRight(string(r[:200]), "/ ")
	}
	return out
}

func clean(s string) string { return strings.Join(strings.Fields(s), " ") }
