package feeds

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"strings"
	"time"
)

// maxKeyLen bounds stored keys; longer GUIDs and links are hashed.
const maxKeyLen = 512

// ItemKey identifies an item within its source: the GUID when the feed gives
// one, else the normalised link, else a hash of title and date. Re-dating or
// reordering an item does not change its key unless the feed offers neither
// GUID nor link.
func ItemKey(guid, link, title string, published time.Time) string {
	if g := strings.TrimSpace(guid); g != "" {
		return bounded("guid:", g)
	}
	if l := NormalizeLink(link); l != "" {
		return bounded("link:", l)
	}
	h := sha256.New()
	h.Write([]byte(strings.TrimSpace(title)))
	h.Write([]byte{0})
	if !published.IsZero() {
		h.Write([]byte(published.UTC().Format(time.RFC3339)))
	}
	return "hash:" + hex.EncodeToString(h.Sum(nil)[:16])
}

func bounded(prefix, v string) string {
	if len(prefix)+len(v) <= maxKeyLen {
		return prefix + v
	}
	sum := sha256.Sum256([]byte(v))
	return prefix + "sha256:" + hex.EncodeToString(sum[:])
}

// trackingParams are query parameters that identify a campaign or a click,
// never the article.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "gclsrc": true, "msclkid": true,
	"yclid": true, "igshid": true, "mc_cid": true, "mc_eid": true, "_ga": true,
	"_gl": true, "twclid": true, "wt_mc": true, "mkt_tok": true,
}

// NormalizeLink returns a canonical form of an article URL for identity: the
// scheme and host lower-cased, default ports, fragments and tracking
// parameters (utm_*, fbclid, gclid, ...) removed, the remaining parameters
// sorted. It returns "" for anything that is not an absolute http(s) URL.
func NormalizeLink(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return ""
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" {
		return ""
	}
	host := strings.ToLower(u.Hostname())
	port := u.Port()
	if (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		port = ""
	}
	u.Host = host
	if port != "" {
		u.Host = host + ":" + port
	}
	u.Fragment, u.RawFragment = "", ""
	u.User = nil
	if u.Path == "" {
		u.Path = "/"
	}
	if u.RawQuery != "" {
		q := u.Query()
		for k := range q {
			lk := strings.ToLower(k)
			if strings.HasPrefix(lk, "utm_") || trackingParams[lk] {
				q.Del(k)
			}
		}
		u.RawQuery = q.Encode()
	}
	return u.String()
}
