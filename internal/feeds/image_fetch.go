package feeds

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"path"
	"strings"

	"github.com/crierhq/crier/internal/model"
)

// FetchImage downloads an item's image for upload, when the platform could
// not fetch it itself: through the guarded client (public addresses only,
// unless the operator allowed private pages; the URL came from a feed), at
// most maxBytes, and only if its bytes are a photo the platforms take
// (JPEG, PNG, GIF, WebP), whatever the server called it.
func (f *Fetcher) FetchImage(ctx context.Context, rawURL string, maxBytes int64) (model.ImageData, error) {
	u, err := webURL(rawURL)
	if err != nil {
		return model.ImageData{}, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return model.ImageData{}, err
	}
	req.Header.Set("User-Agent", f.ua)
	req.Header.Set("Accept", "image/webp,image/jpeg,image/png,image/gif;q=0.9,*/*;q=0.1")
	resp, err := f.guarded.Do(req)
	if err != nil {
		return model.ImageData{}, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return model.ImageData{}, &HTTPError{StatusCode: resp.StatusCode, Status: resp.Status}
	}
	if resp.ContentLength > maxBytes {
		return model.ImageData{}, fmt.Errorf("%w (%d bytes)", ErrTooLarge, maxBytes)
	}
	body, err := readCapped(resp.Body, maxBytes)
	if err != nil {
		return model.ImageData{}, err
	}
	ct := http.DetectContentType(body)
	ext, ok := photoTypes[ct]
	if !ok {
		return model.ImageData{}, fmt.Errorf("image %s: not a photo (%s)", u.Redacted(), ct)
	}
	name := strings.TrimSuffix(path.Base(u.Path), path.Ext(u.Path))
	if name == "" || name == "." || name == "/" || len(name) > 64 {
		name = "image"
	}
	return model.ImageData{Bytes: body, ContentType: ct, Name: name + ext}, nil
}

// photoTypes are the sniffed types both platforms take as photos, with
// the file ending an upload names.
var photoTypes = map[string]string{"image/jpeg": ".jpg", "image/png": ".png", "image/gif": ".gif", "image/webp": ".webp"}
