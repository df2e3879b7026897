package clean

// similar reports whether a and b are within a tenth of the longer one's
// length in edit distance (similarity ≥ 0.9). It only fills the diagonal band
// that distance allows, so it costs O(n·k) rather than O(n²).
func similar(a, b []rune) bool {
	if len(a) < len(b) {
		a, b = b, a
	}
	k := len(a) / 10
	if len(a)-len(b) > k {
		return false
	}
	const far = 1 << 30
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
		if j > k {
			prev[j] = far
		}
	}
	for i := 1; i <= len(a); i++ {
		lo, hi := max(1, i-k), min(len(b), i+k)
		// Cells just outside the band hold stale values from two rows ago.
		cur[0] = far
		if i <= k {
			cur[0] = i
		}
		if lo-1 >= 1 {
			cur[lo-1] = far
		}
		if hi+1 <= len(b) {
			cur[hi+1] = far
		}
		best := cur[0]
		for j := lo; j <= hi; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j-1]+cost, prev[j]+1, cur[j-1]+1)
			best = min(best, cur[j])
		}
		if best > k {
			return false
		}
		prev, cur = cur, prev
	}
	return prev[len(b)] <= k
}
