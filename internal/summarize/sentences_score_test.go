package summarize

import (
	"fmt"
	"strings"
)

// sentenceEnds returns the byte offsets in text where sentences end, the
// text's own end only when withLast. Sentences are found in order, so a split
// without a space ("vardı.değil") still lines up; ok is false when one is
// missing, which would mean the splitter changed the text.
func sentenceEnds(text string, sentences []string, withLast bool) (ends map[int]bool, ok bool) {
	ends = make(map[int]bool)
	at := 0
	for _, s := range sentences {
		i := strings.Index(text[at:], s)
		if i < 0 || strings.TrimSpace(text[at:at+i]) != "" {
			return nil, false
		}
		at += i + len(s)
		if at < len(text) || withLast {
			ends[at] = true
		}
	}
	return ends, true
}

// boundaryScore counts true positives, false positives and false negatives of
// predicted sentence ends against gold ones.
type boundaryScore struct{ tp, fp, fn int }

func (b *boundaryScore) add(got, want map[int]bool) {
	for e := range got {
		if want[e] {
			b.tp++
		} else {
			b.fp++
		}
	}
	for e := range want {
		if !got[e] {
			b.fn++
		}
	}
}

func (b boundaryScore) precision() float64 { return ratio(b.tp, b.tp+b.fp) }
func (b boundaryScore) recall() float64    { return ratio(b.tp, b.tp+b.fn) }

func (b boundaryScore) f1() float64 {
	p, r := b.precision(), b.recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (b boundaryScore) String() string {
	return fmt.Sprintf("P %.4f R %.4f F1 %.4f (tp %d, fp %d, fn %d)",
		b.precision(), b.recall(), b.f1(), b.tp, b.fp, b.fn)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}
