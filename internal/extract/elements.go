package extract

import "golang.org/x/net/html/atom"

// isDropped reports whether an element's content is never article text: code,
// styling, fallbacks for disabled features, embedded documents and drawings.
// The head's title is dropped too: feeds give the title separately.
func isDropped(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Iframe,
		atom.Svg, atom.Math, atom.Object, atom.Noembed, atom.Noframes, atom.Title:
		return true
	}
	return false
}

// isBlock reports whether an element starts and ends a paragraph of text, as a
// browser would lay it out on lines of its own.
func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Br, atom.Hr, atom.Li, atom.Ul, atom.Ol, atom.Dl,
		atom.Dt, atom.Dd, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Blockquote, atom.Pre, atom.Table, atom.Caption, atom.Thead,
		atom.Tbody, atom.Tfoot, atom.Tr, atom.Section, atom.Article, atom.Aside,
		atom.Header, atom.Footer, atom.Nav, atom.Main, atom.Figure,
		atom.Figcaption, atom.Address, atom.Details, atom.Summary, atom.Fieldset,
		atom.Legend, atom.Form, atom.Center, atom.Hgroup, atom.Menu,
		atom.Dialog, atom.Body, atom.Html:
		return true
	}
	return false
}

// isCell reports whether an element only needs a space to keep its text from
// running into its neighbours' (table cells on one row).
func isCell(a atom.Atom) bool {
	return a == atom.Td || a == atom.Th
}

// dropStack tracks the open elements whose content is being dropped. Authors
// leave them unclosed or misnested, so an end tag closes the nearest open
// element of its name and everything opened after it, as the HTML parser
// would; an end tag with no open element of its name is ignored.
type dropStack struct {
	open  []atom.Atom
	count map[atom.Atom]int // open elements per name, to find one in O(1)
}

func (s *dropStack) active() bool { return len(s.open) > 0 }

func (s *dropStack) push(a atom.Atom) {
	if s.count == nil {
		s.count = make(map[atom.Atom]int)
	}
	s.open = append(s.open, a)
	s.count[a]++
}

// pop closes the nearest open element named a. Each element is popped at most
// once, so a whole document costs linear time however it nests.
func (s *dropStack) pop(a atom.Atom) {
	if s.count[a] == 0 {
		return
	}
	for {
		top := s.open[len(s.open)-1]
		s.open = s.open[:len(s.open)-1]
		s.count[top]--
		if top == a {
			return
		}
	}
}
