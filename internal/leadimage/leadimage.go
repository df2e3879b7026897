// Package leadimage decides which of an item's images may lead its post:
// not a tracking pixel, an icon, an avatar or a file that is no picture.
package leadimage

import (
	"net/url"
	"path"
	"strings"

	"github.com/crierhq/crier/internal/model"
)

// Candidate is an image an item or its page names, with what is known of
// it (zero when unknown).
type Candidate struct {
	URL           string
	Alt           string
	Type          string // MIME type, as an enclosure declares it
	Width, Height int
}

// MinSide is the smallest width or height, in pixels, of an image worth
// showing: below it are icons, buttons and pixels. Telegram shows photos
// at least 90 pixels wide.
const MinSide = 100

// First returns the first usable candidate as a post's image, zero if none.
func First(cands ...Candidate) model.Image {
	for _, c := range cands {
		if Usable(c) {
			return model.Image{URL: strings.TrimSpace(c.URL), Alt: strings.Join(strings.Fields(c.Alt), " ")}
		}
	}
	return model.Image{}
}

// Usable reports whether c may lead a post.
func Usable(c Candidate) bool {
	u, err := url.Parse(strings.TrimSpace(c.URL))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || len(c.URL) > 2048 {
		return false
	}
	if (c.Width > 0 && c.Width < MinSide) || (c.Height > 0 && c.Height < MinSide) {
		return false
	}
	if t := strings.ToLower(strings.TrimSpace(c.Type)); t != "" && !strings.HasPrefix(t, "image/") {
		return false
	}
	if strings.EqualFold(strings.TrimSpace(c.Type), "image/svg+xml") {
		return false // neither Telegram nor Mastodon takes SVG as a photo
	}
	ext := strings.ToLower(path.Ext(u.Path))
	if ext != "" && !imageExt[ext] && !neutralExt[ext] {
		return false // an .mp3, a .pdf, a page
	}
	target := strings.ToLower(u.Host + u.Path)
	for _, s := range tracking {
		if strings.Contains(target, s) {
			return false
		}
	}
	return true
}

// NamedAsImage reports whether a URL's path ends as an image file does
// (.jpg, .png, .webp...): what tells an untyped media file's kind.
func NamedAsImage(rawURL string) bool {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	return err == nil && imageExt[strings.ToLower(path.Ext(u.Path))]
}

var imageExt = map[string]bool{".jpg": true, ".jpeg": true, ".png": true, ".gif": true, ".webp": true,
	".jfif": true, ".pjpeg": true, ".avif": true, ".bmp": true}

// neutralExt are endings image URLs carry that say nothing of the file
// (resizing scripts, CDN paths such as /image.php?id=, /w1200).
var neutralExt = map[string]bool{".php": true, ".aspx": true, ".ashx": true, ".cgi": true}

// tracking are the host and path fragments of pixels, counters, avatars,
// emoji and share buttons that feeds put in items.
var tracking = []string{
	"feeds.feedburner.com/~r/", "feedburner.com/~ff/", "feedsportal.com", "pixel.wp.com", "stats.wordpress.com",
	"gravatar.com/avatar", "s.w.org/images/core/emoji", "/emoji/", "doubleclick.net", "google-analytics.com",
	"/pixel.", "/pixel/", "/tracking", "/tracker", "/spacer.", "/blank.gif", "/1x1.", "/transparent.gif",
	"/beacon", "/share-button", "/sharebutton", "/feed-icon", "/rss-icon", "/icons/", "/favicon",
}
