package dedupe

import (
	"encoding/binary"
	"hash/fnv"
	"math"
)

const (
	// hashes is the MinHash signature length. The standard error of the
	// similarity estimate is sqrt(J(1-J)/hashes): 0.06 at J = 0.5.
	hashes = 64
	// rowsPerBand hashes form one band; two prints sharing any band are
	// candidates. With 32 bands of 2 rows, a pair at Jaccard 0.35 is a
	// candidate with probability 1-(1-0.35²)^32 = 0.98, one at 0.1 with 0.27.
	rowsPerBand = 2
	bands       = hashes / rowsPerBand
	// ledeWords is how much of the text beyond the title identifies a story:
	// the lede, which copies keep and updates rarely rewrite.
	ledeWords = 60
	// minTokens below which a text is too short to tell stories apart.
	minTokens = 6
)

// Print is a story's MinHash signature.
type Print [hashes]uint32

// Of fingerprints a story from its title and cleaned text (paragraphs
// separated by blank lines). ok is false when there are too few words to
// fingerprint reliably.
func Of(title, text string) (p Print, ok bool) {
	toks := tokens(title, 0)
	toks = append(toks, tokens(text, ledeWords)...)
	if len(toks) < minTokens {
		return p, false
	}
	for i := range p {
		p[i] = math.MaxUint32
	}
	for i := 0; i+1 < len(toks); i++ {
		h := fnv.New64a()
		h.Write([]byte(toks[i]))
		h.Write([]byte{0})
		h.Write([]byte(toks[i+1]))
		base := h.Sum64()
		for j := range p {
			if v := uint32(mix(base + uint64(j)*0x9e3779b97f4a7c15)); v < p[j] {
				p[j] = v
			}
		}
	}
	return p, true
}

// mix is SplitMix64's finaliser: it turns one shingle hash into independent
// hashes, one per signature slot.
func mix(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// Similarity estimates the Jaccard similarity of the two stories' shingle
// sets: the share of signature slots that agree.
func Similarity(a, b Print) float64 {
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / hashes
}

// Bands are the print's LSH keys. Each carries its band number, so equal
// values in different bands never collide.
func (p Print) Bands() []int64 {
	out := make([]int64, bands)
	for b := range out {
		h := fnv.New64a()
		var buf [4 + 4*rowsPerBand]byte
		binary.LittleEndian.PutUint32(buf[:], uint32(b))
		for r := range rowsPerBand {
			binary.LittleEndian.PutUint32(buf[4+4*r:], p[b*rowsPerBand+r])
		}
		h.Write(buf[:])
		out[b] = int64(h.Sum64())
	}
	return out
}

// Bytes encodes the print for storage.
func (p Print) Bytes() []byte {
	out := make([]byte, 4*hashes)
	for i, v := range p {
		binary.LittleEndian.PutUint32(out[4*i:], v)
	}
	return out
}

// Parse decodes a stored print; ok is false for bytes of the wrong size.
func Parse(b []byte) (p Print, ok bool) {
	if len(b) != 4*hashes {
		return p, false
	}
	for i := range p {
		p[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return p, true
}

// DefaultSimilarity is the estimated Jaccard similarity from which two items
// count as one story. Copies of one story measure 0.4 to 1 (a wire copy with
// its lede lightly edited sits near 0.4); different stories on one topic, in
// the same phrasing, stay under 0.1.
const DefaultSimilarity = 0.35
