package summarize

// marks records what bracket and quotation matching found at each rune of a
// paragraph.
type marks []uint8

const (
	// markInside: inside a matched pair, up to and including its closer.
	markInside uint8 = 1 << iota
	// markCloses: a quotation mark between spaces that closes the sentence
	// before it ("went through. ' The milkman").
	markCloses
)

func (m marks) inside(i int) bool   { return m[i]&markInside != 0 }
func (m marks) closesAt(i int) bool { return m[i]&markCloses != 0 }

// matcher is the state of enclosedMask within one paragraph.
type matcher struct {
	p     []rune
	l     *language
	stack []openMark
	depth []int // difference array of pair coverage
	m     marks
	// synced records, per kind of straight quote, that one has closed in
	// this paragraph, so the marks after it pair up from there.
	synced map[rune]bool
}

func (mt *matcher) open(closers string, at int) {
	if len(mt.stack) < maxNesting {
		mt.stack = append(mt.stack, openMark{closers, at})
	}
}

// close closes the open mark that r, ending at p[last], closes, if any.
func (mt *matcher) close(r rune, last int) bool {
	from, ok := closeMatching(&mt.stack, r)
	if ok {
		mt.depth[from+1]++
		mt.depth[last+1]--
	}
	return ok
}

// straight handles the straight quotation mark of the given kind and width
// at p[i].
func (mt *matcher) straight(i int, kind rune, w int) {
	last := i + w - 1
	switch quoteRoleAt(mt.p, i, w, mt.l) {
	case quoteOpen:
		mt.open(string(kind), i)
	case quoteClose:
		mt.closeStraight(kind, last)
	case quoteEither:
		// Tokenised fragments often start inside a quotation, so a lone
		// mark that closes nothing cannot be trusted to open one.
		mt.closeStraight(kind, last)
	case quoteAfterStop:
		switch {
		case mt.closeStraight(kind, last):
			mt.m[i] |= markCloses
		case mt.synced[kind] || quotedAhead(mt.p, i+w, kind, mt.l):
			mt.open(string(kind), i)
		default:
			// It closes a quotation that opened before the paragraph.
			mt.m[i] |= markCloses
			mt.sync(kind)
		}
	}
}

func (mt *matcher) closeStraight(kind rune, last int) bool {
	ok := mt.close(kind, last)
	if ok {
		mt.sync(kind)
	}
	return ok
}

func (mt *matcher) sync(kind rune) {
	if mt.synced == nil {
		mt.synced = make(map[rune]bool, 2)
	}
	mt.synced[kind] = true
}
