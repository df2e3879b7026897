package feeds_test

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/crierhq/crier/internal/feeds"
)

func TestFetchImage(t *testing.T) {
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/photo.png":
			w.Header().Set("Content-Type", "application/octet-stream") // the bytes decide
			w.Write(png)
		case "/page.jpg":
			w.Write([]byte("<html><body>not a photo</body></html>"))
		case "/big.jpg":
			w.Write(append([]byte("\xff\xd8\xff"), bytes.Repeat([]byte{0}, 2048)...))
		default:
			http.NotFound(w, r)
		}
	}))
	defer ts.Close()
	ctx := context.Background()
	open := feeds.NewFetcher(feeds.Options{AllowPrivatePages: true})
	img, err := open.FetchImage(ctx, ts.URL+"/photo.png", 1024)
	if err != nil || img.ContentType != "image/png" || img.Name != "photo.png" || !bytes.Equal(img.Bytes, png) {
		t.Fatalf("photo = %+v, %v", img, err)
	}
	for path, want := range map[string]string{"/page.jpg": "not a photo", "/big.jpg": "size limit", "/gone.jpg": "404"} {
		if _, err := open.FetchImage(ctx, ts.URL+path, 1024); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want %q", path, err, want)
		}
	}
	// The URL came from a feed: loopback is refused unless allowed.
	if _, err := feeds.NewFetcher(feeds.Options{}).FetchImage(ctx, ts.URL+"/photo.png", 1024); err == nil {
		t.Error("fetched an image from loopback")
	}
	if _, err := open.FetchImage(ctx, "file:///etc/passwd", 1024); err == nil {
		t.Error("fetched a file: URL")
	}
}
