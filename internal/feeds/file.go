package feeds

import (
	"fmt"
	"net/url"
	"os"

	"github.com/crierhq/crier/internal/model"
)

// fetchFile reads a local feed. The file's modification time plays the role
// of Last-Modified, so an unchanged file is not parsed again.
func (f *Fetcher) fetchFile(u *url.URL, prev model.FetchState) (*Result, error) {
	if u.Host != "" && u.Host != "localhost" {
		return nil, fmt.Errorf("file URL with host %q is not supported", u.Host)
	}
	// Only regular files: opening a FIFO blocks until a writer comes, and a
	// device may never end.
	st, err := os.Stat(u.Path)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file", u.Path)
	}
	file, err := os.Open(u.Path)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	mod := fmt.Sprintf("mtime:%d:%d", st.ModTime().UnixNano(), st.Size())
	if prev.LastModified == mod {
		return &Result{NotModified: true, LastModified: mod, FinalURL: u.String()}, nil
	}
	body, err := readCapped(file, f.maxBytes)
	if err != nil {
		return nil, err
	}
	return &Result{Body: body, LastModified: mod, FinalURL: u.String()}, nil
}
