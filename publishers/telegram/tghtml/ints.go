package tghtml

import "strconv"

// parseCanonicalInt accepts what TDLib's to_integer_safe accepts: a decimal
// number written exactly as it would print it, so no '+', no leading zeros,
// no "-0", no spaces, and nothing out of range.
func parseCanonicalInt(s string, bits int) (int64, bool) {
	v, err := strconv.ParseInt(s, 10, bits)
	if err != nil || strconv.FormatInt(v, 10) != s {
		return 0, false
	}
	return v, true
}
