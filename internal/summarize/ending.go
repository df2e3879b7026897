package summarize

import "unicode"

// ending is the punctuation that may end a sentence.
type ending struct {
	end       int  // index just after it
	singleDot bool // it is one ".", which may close an abbreviation instead
	ellipsis  bool // it is "...", "…" or ". . .": the speaker may trail off
	closed    bool // closing quotes or brackets follow the stops
}

// scanEnding reads the ending that starts with the stop at p[i]: a run of stops
// ("?!", "...", ". . ."), closing quotes and brackets ("." + "»", or a quote
// between spaces that m says closes: "through. ' The"), and footnote marks
// ("[1][2]", also after a space as Wikipedia copies have them).
func scanEnding(p []rune, i int, l *language, m marks) ending {
	j, stops := i, 0
	closed, dots := false, true
scan:
	for j < len(p) {
		switch {
		case l.isStop(p[j]):
			dots = dots && (p[j] == '.' || p[j] == '…')
			j, stops = j+1, stops+1
		case isSpacedDot(p, j, l):
			j, stops = j+2, stops+1
		case isCloser(p[j]):
			j, closed = j+1, true
		default:
			break scan
		}
	}
	if !closed && j+1 < len(p) && p[j] == ' ' && m.closesAt(j+1) {
		_, w := straightQuote(p, j+1)
		j, closed = j+1+w, true
	}
	for {
		k := j
		if k < len(p) && p[k] == ' ' {
			k++
		}
		m := footnoteEnd(p, k)
		if m < 0 {
			break
		}
		j = m
	}
	return ending{
		end:       j,
		singleDot: stops == 1 && p[i] == '.',
		ellipsis:  dots && (stops > 1 || p[i] == '…'),
		closed:    closed,
	}
}

// isSpacedDot reports whether p[j:] continues a spaced ellipsis (". . .") with
// " ." standing on its own, not the dot of a name like ".NET".
func isSpacedDot(p []rune, j int, l *language) bool {
	if j+1 >= len(p) || p[j] != ' ' || p[j+1] != '.' || !l.isStop('.') {
		return false
	}
	return j+2 == len(p) || !isWordRune(p[j+2])
}

// footnoteEnd returns the index after a footnote mark "[12]" at p[k], or -1.
func footnoteEnd(p []rune, k int) int {
	if k >= len(p) || p[k] != '[' {
		return -1
	}
	for j := k + 1; j < len(p) && j <= k+4; j++ {
		switch {
		case p[j] == ']' && j > k+1:
			return j + 1
		case p[j] < '0' || p[j] > '9':
			return -1
		}
	}
	return -1
}

// isCloser reports whether r closes a quotation or an aside. Apostrophes and
// backticks count: "it.' She" and "it.` Next" close a quotation.
func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '`', '”', '’', '“', '»', '›', ')', ']', '}',
		'」', '』', '》', '〉', '）', '］', '｝':
		return true
	}
	return false
}

// isOpener reports whether r can come before the first word of a sentence:
// opening quotes and brackets, and the dashes that open dialogue lines.
func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '`', '“', '‘', '„', '«', '‹', '(', '[', '{', '¿', '¡',
		'-', '–', '—', '「', '『', '《', '〈', '（', '［', '｛':
		return true
	}
	return false
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
