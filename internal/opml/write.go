package opml

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"time"
)

// Write writes feeds as an OPML 2.0 list titled title: feeds without a
// category first, then one folder outline per category path segment, in
// the order categories first appear. encoding/xml escapes the attributes
// (&, <, quotes, tabs and newlines) and replaces characters XML cannot hold.
func Write(w io.Writer, title string, created time.Time, feeds []Feed) error {
	doc := document{Version: "2.0", Head: head{Title: title, DateCreated: created.UTC().Format(time.RFC1123Z)}}
	root := &node{}
	for _, f := range feeds {
		n := root
		if f.Category != "" {
			for _, seg := range strings.Split(f.Category, "/") {
				n = n.folder(seg)
			}
		}
		n.feeds = append(n.feeds, outline{Type: "rss", Text: f.Title, Title: f.Title, XMLURL: f.XMLURL,
			HTMLURL: f.HTMLURL, Category: categoryAttr(f.Category)})
	}
	doc.Body.Outlines = root.outlines()
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("write OPML: %w", err)
	}
	_, err := io.WriteString(w, "\n")
	return err
}

func categoryAttr(path string) string {
	if path == "" {
		return ""
	}
	return "/" + path
}

type document struct {
	XMLName xml.Name `xml:"opml"`
	Version string   `xml:"version,attr"`
	Head    head     `xml:"head"`
	Body    body     `xml:"body"`
}

// body is written even when empty: OPML requires the element.
type body struct {
	Outlines []outline `xml:"outline"`
}

type head struct {
	Title       string `xml:"title"`
	DateCreated string `xml:"dateCreated"`
}

type outline struct {
	Type     string    `xml:"type,attr,omitempty"`
	Text     string    `xml:"text,attr"`
	Title    string    `xml:"title,attr,omitempty"`
	XMLURL   string    `xml:"xmlUrl,attr,omitempty"`
	HTMLURL  string    `xml:"htmlUrl,attr,omitempty"`
	Category string    `xml:"category,attr,omitempty"`
	Children []outline `xml:"outline"`
}

// node is a folder being built: its feeds, then its subfolders in the
// order they were met.
type node struct {
	name    string
	feeds   []outline
	folders []*node
}

func (n *node) folder(name string) *node {
	for _, f := range n.folders {
		if f.name == name {
			return f
		}
	}
	f := &node{name: name}
	n.folders = append(n.folders, f)
	return f
}

func (n *node) outlines() []outline {
	out := n.feeds
	for _, f := range n.folders {
		out = append(out, outline{Text: f.name, Title: f.name, Children: f.outlines()})
	}
	return out
}
