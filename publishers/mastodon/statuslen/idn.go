package statuslen

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/idna"
	"golang.org/x/net/publicsuffix"
)

// maxTLDRunes bounds the TLD candidates tried at one position. The longest
// delegated TLD is 24 ASCII characters in punycode; Unicode forms are
// shorter. Without a bound a long run of letters would cost quadratic time.
const maxTLDRunes = 32

// labelProfile approximates the IDNA2003 ToASCII of libidn, which
// twitter-text calls through the idn-ruby gem: mapping and case folding,
// underscores allowed (no STD3 rules), no hyphen or joiner checks, the bidi
// rule, and labels of at most 63 octets once encoded. libidn also rejects
// code points unassigned in Unicode 3.2 (most emoji); that is not modelled.
var labelProfile = idna.New(
	idna.MapForLookup(),
	idna.Transitional(true),
	idna.StrictDomainName(false),
	idna.ValidateLabels(false),
	idna.BidiRule(),
	idna.VerifyDNSLength(true),
)

// isTLD reports whether s is a top-level domain delegated by ICANN.
// twitter-text matches against its own list (tld_lib.yml); crier asks the
// public suffix list instead, which differs only by TLDs created or retired
// since the gem was released. The "a." prefix lets wildcard-only rules such
// as "*.ck" answer for the bare TLD.
func isTLD(s string) bool {
	if s == "" || utf8.RuneCountInString(s) > maxTLDRunes {
		return false
	}
	lower := strings.ToLower(s)
	ascii, err := idna.Lookup.ToASCII(lower)
	if err != nil || strings.Contains(ascii, ".") {
		return false
	}
	// A TLD regex only matches the TLD as spelled: reject inputs that the
	// IDNA mapping rewrote, such as fullwidth letters.
	if back, err := idna.Lookup.ToUnicode(ascii); err != nil || back != lower {
		return false
	}
	suffix, icann := publicsuffix.PublicSuffix("a." + ascii)
	return icann && (suffix == ascii || strings.HasSuffix(suffix, "."+ascii))
}

// labelToASCII encodes one domain label, reporting false where libidn's
// ToASCII would fail.
func labelToASCII(label string) (string, bool) {
	if label == "" {
		return "", false
	}
	ascii, err := labelProfile.ToASCII(label)
	if err != nil || len(ascii) > 63 {
		return "", false
	}
	return ascii, true
}

// asciiDomainLen returns the length of domain once every label is encoded,
// and false if a label cannot be encoded. Labels are encoded one at a time
// because libidn does not limit the whole name to 253 octets.
func asciiDomainLen(domain string) (int, bool) {
	n := 0
	for i, label := range strings.Split(domain, ".") {
		ascii, ok := labelToASCII(label)
		if !ok {
			return 0, false
		}
		if i > 0 {
			n++
		}
		n += len(ascii)
	}
	return n, true
}
