package tghtml

import "strings"

// maxUserID is the largest valid Telegram user identifier (TDLib's UserId).
const maxUserID = 1<<40 - 1

// linkUserID returns the id of a tg://user?id=N link, which TDLib turns into
// a text_mention instead of a text_link, or 0.
func linkUserID(link string) int64 {
	rest, ok := strings.CutPrefix(toLowerASCII(link), "tg:")
	if !ok {
		return 0
	}
	rest = strings.TrimPrefix(rest, "//")
	if rest, ok = strings.CutPrefix(rest, "user"); !ok {
		return 0
	}
	rest = strings.TrimPrefix(rest, "/")
	if rest, ok = strings.CutPrefix(rest, "?"); !ok {
		return 0
	}
	rest, _, _ = strings.Cut(rest, "#")
	for _, param := range strings.Split(rest, "&") {
		key, value, _ := strings.Cut(param, "=")
		if key == "id" {
			id, ok := parseCanonicalInt(value, 64)
			if !ok {
				return 0
			}
			return id
		}
	}
	return 0
}

// checkedLink normalises a link the way TDLib's LinkManager::check_link does
// and returns "" for links it rejects. A bare domain gets "http://", the host
// is lowercased, the path gets a leading '/', and tg:, ton: and tonsite:
// links are rewritten to their scheme://host form.
func checkedLink(link string) string {
	scheme := ""
	for _, s := range []string{"tg", "ton", "tonsite"} {
		if hasPrefixFold(link, s+":") {
			scheme, link = s, link[len(s)+1:]
			break
		}
	}
	if scheme != "" {
		link = strings.TrimPrefix(link, "//")
	}
	u, ok := parseURL(link)
	if !ok {
		return ""
	}
	if scheme == "" {
		if !strings.Contains(u.host, ".") && !u.ipv6 {
			return ""
		}
		return u.String()
	}
	if hasPrefixFold(link, "http://") || u.https || u.userinfo != "" || u.specifiedPort != 0 || u.ipv6 {
		return ""
	}
	for i := 0; i < len(u.host); i++ {
		c := u.host[i]
		if !isAlnum(c) && c != '-' && c != '_' && !(scheme == "tonsite" && c == '.') {
			return ""
		}
	}
	query := u.query
	if len(query) > 1 && query[1] == '?' {
		query = query[1:]
	}
	return scheme + "://" + u.host + query
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && toLowerASCII(s[:len(prefix)]) == prefix
}
