package tghtml

import (
	"net"
	"strconv"
	"strings"
)

// httpURL is a URL split the way TDLib's parse_url (tdutils/HttpUrl.cpp)
// splits it; its rules, not RFC 3986, decide which links Telegram keeps.
type httpURL struct {
	https         bool
	userinfo      string
	host          string // lowercased
	ipv6          bool
	specifiedPort int    // 0 when the URL has no port
	query         string // path, query and fragment; always starts with '/'
}

func (u httpURL) String() string {
	var b strings.Builder
	if u.https {
		b.WriteString("https://")
	} else {
		b.WriteString("http://")
	}
	if u.userinfo != "" {
		b.WriteString(u.userinfo)
		b.WriteByte('@')
	}
	b.WriteString(u.host)
	if u.specifiedPort > 0 {
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(u.specifiedPort))
	}
	b.WriteString(u.query)
	return b.String()
}

func parseURL(raw string) (httpURL, bool) {
	var u httpURL
	rest := raw
	if end := strings.IndexAny(raw, ":/?#@[]"); end >= 0 && strings.HasPrefix(raw[end:], "://") {
		switch toLowerASCII(raw[:end]) {
		case "http":
		case "https":
			u.https = true
		default:
			return u, false
		}
		rest = raw[end+3:]
	}
	authorityEnd := strings.IndexAny(rest, "/?#")
	if authorityEnd < 0 {
		authorityEnd = len(rest)
	}
	authority, query := rest[:authorityEnd], rest[authorityEnd:]

	// The port is after the last ':' unless a ']' or '@' comes after it.
	userinfoHost := authority
	j := len(authority) - 1
	for j > 0 && authority[j] != ':' && authority[j] != ']' && authority[j] != '@' {
		j--
	}
	if j > 0 && authority[j] == ':' {
		port := authority[j+1:]
		for len(port) > 1 && port[0] == '0' {
			port = port[1:]
		}
		n, ok := parseCanonicalInt(port, 32)
		if !ok || n <= 0 || n > 65535 {
			return u, false
		}
		u.specifiedPort = int(n)
		userinfoHost = authority[:j]
	}
	host := userinfoHost
	if at := strings.LastIndexByte(userinfoHost, '@'); at >= 0 {
		u.userinfo, host = userinfoHost[:at], userinfoHost[at+1:]
	}
	if len(host) > 1 && host[0] == '[' && host[len(host)-1] == ']' {
		inner := host[1 : len(host)-1]
		if ip := net.ParseIP(inner); ip == nil || !strings.Contains(inner, ":") {
			return u, false
		}
		u.ipv6 = true
	}
	if host == "" || host == "." {
		return u, false
	}
	u.host = toLowerASCII(host)
	if !validHost(u.host, u.ipv6) {
		return u, false
	}
	u.query = cleanQuery(query)
	return u, true
}

// validHost allows what RFC 3986 allows in a registered name, percent
// escapes, and any non-ASCII byte (TDLib accepts plain UTF-8 hosts).
func validHost(host string, ipv6 bool) bool {
	for i := 0; i < len(host); i++ {
		c := host[i]
		if ipv6 {
			if i == 0 || i == len(host)-1 || c == ':' || c == '.' || isDigit(c) || ('a' <= c && c <= 'f') {
				continue
			}
			return false
		}
		switch {
		case 'a' <= c && c <= 'z', isDigit(c), strings.IndexByte(".-_!$,~*'();&+=", c) >= 0, c >= 0x80:
		case c == '%':
			if !isLowerHex(byteAt(host, i+1)) || !isLowerHex(byteAt(host, i+2)) {
				return false
			}
			i += 2
		default:
			return false
		}
	}
	return true
}

func isLowerHex(c byte) bool { return isDigit(c) || ('a' <= c && c <= 'f') }

// cleanQuery drops trailing spaces, adds the leading '/', and escapes control
// characters and spaces, as TDLib does before storing a link.
func cleanQuery(q string) string {
	q = strings.TrimRightFunc(q, func(r rune) bool { return r < 0x80 && isSpace(byte(r)) })
	if q == "" {
		return "/"
	}
	var b strings.Builder
	if q[0] != '/' {
		b.WriteByte('/')
	}
	for i := 0; i < len(q); i++ {
		if c := q[i]; c <= 0x20 {
			b.WriteByte('%')
			b.WriteByte("0123456789ABCDEF"[c>>4])
			b.WriteByte("0123456789ABCDEF"[c&15])
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}
