package clean

// literalIndex finds which of the rules' required literals (see
// requiredWords) occur in a paragraph's skeleton, all in one pass, so that
// each pattern then checks a bit instead of searching the text.
type literalIndex struct {
	lits []string
	// byPrefix maps the first two bytes of literals longer than a byte to
	// 1 + their group in groups; single holds the one-byte literals.
	byPrefix [1 << 16]uint16
	groups   [][]int32
	single   [256]int32 // 1 + id
	// starts has a bit for each two-byte prefix in byPrefix: it fits in the
	// processor's nearest cache, the table does not, and most positions of
	// a text start no literal.
	starts [1 << 16 / 64]uint64
}

// intern returns the id of lit, adding it if new.
func (x *literalIndex) intern(lit string) int32 {
	for i, l := range x.lits {
		if l == lit {
			return int32(i)
		}
	}
	x.lits = append(x.lits, lit)
	id := int32(len(x.lits) - 1)
	if len(lit) == 1 {
		x.single[lit[0]] = id + 1
		return id
	}
	key := uint16(lit[0])<<8 | uint16(lit[1])
	g := x.byPrefix[key]
	if g == 0 {
		x.groups = append(x.groups, nil)
		g = uint16(len(x.groups))
		x.byPrefix[key] = g
		x.starts[key/64] |= 1 << (key % 64)
	}
	x.groups[g-1] = append(x.groups[g-1], id)
	return id
}

// scan sets in found (which it resizes and clears) the bit of every literal
// that occurs in skel.
func (x *literalIndex) scan(skel string, found []uint64) []uint64 {
	n := (len(x.lits) + 63) / 64
	if cap(found) < n {
		found = make([]uint64, n)
	}
	found = found[:n]
	clear(found)
	for i := 0; i < len(skel); i++ {
		if id := x.single[skel[i]] - 1; id >= 0 {
			found[id/64] |= 1 << (id % 64)
		}
		if i+1 == len(skel) {
			break
		}
		key := uint16(skel[i])<<8 | uint16(skel[i+1])
		if x.starts[key/64]&(1<<(key%64)) == 0 {
			continue
		}
		for _, id := range x.groups[x.byPrefix[key]-1] {
			if lit := x.lits[id]; len(skel)-i >= len(lit) && skel[i:i+len(lit)] == lit {
				found[id/64] |= 1 << (id % 64)
			}
		}
	}
	return found
}

// anyFound reports whether one of ids is set in found.
func anyFound(found []uint64, ids []int32) bool {
	for _, id := range ids {
		if found[id/64]&(1<<(id%64)) != 0 {
			return true
		}
	}
	return false
}
