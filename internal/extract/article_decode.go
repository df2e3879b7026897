package extract

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
)

// decodePage turns a page's bytes, as fetched, into UTF-8 text.
//
// A byte order mark wins, as it does in browsers. Otherwise bytes that are
// already valid UTF-8 are taken as UTF-8 even when a <meta> declares another
// charset: a non-ASCII text in a legacy encoding is almost never valid UTF-8
// by chance, while pages re-encoded by a CMS or proxy that kept a stale
// declaration do occur (the corpus's qq page declares gb2312 and is UTF-8).
// Only then does the <meta> prescan of the HTML standard decide, with
// windows-1252 as its default.
//
// go-trafilatura's own Extract guesses the charset statistically (chardet)
// and ignores the declaration: it reads a KOI8-R page that says so in its
// <meta> as Greek. So the page is decoded here and parsed before trafilatura
// sees it.
//
// Decoders replace invalid sequences with U+FFFD, so the result is valid UTF-8.
func decodePage(page []byte) []byte {
	if bytes.HasPrefix(page, []byte("\xEF\xBB\xBF")) {
		return bytes.ToValidUTF8(page[3:], []byte("\uFFFD"))
	}
	if utf8.Valid(page) {
		// UTF-16 byte order marks are never valid UTF-8, so they reach
		// DetermineEncoding below.
		return page
	}
	enc, _, _ := charset.DetermineEncoding(page, "")
	out, err := enc.NewDecoder().Bytes(page)
	if err != nil {
		// x/text decoders substitute rather than fail; keep the page
		// readable anyway if one ever does.
		return bytes.ToValidUTF8(page, []byte("\uFFFD"))
	}
	return bytes.ToValidUTF8(out, []byte("\uFFFD"))
}
