package mastodonapi

import (
	"io"
	"net/http"
	"strings"
)

// mediaRecord is an uploaded attachment. Mastodon lets a status use only
// the uploader's attachments that no status uses yet.
type mediaRecord struct {
	id, kind, description string
	statusID              string
}

// uploadMedia is POST /api/v1/media and /api/v2/media. Uploads are ready
// at once, so v2 answers 200 rather than 202 + processing, as Mastodon does
// for small images.
// Specs: https://docs.joinmastodon.org/methods/media/#v2
func (s *Server) uploadMedia(w http.ResponseWriter, r *http.Request) {
	if !s.requireToken(w, r) {
		return
	}
	file, _, err := r.FormFile("file")
	if err != nil {
		writeError(w, http.StatusUnprocessableEntity, "Validation failed: File can't be blank")
		return
	}
	head := make([]byte, 512)
	n, _ := io.ReadFull(file, head)
	_ = file.Close()
	kind := "unknown"
	switch ct := http.DetectContentType(head[:n]); {
	case ct == "image/gif":
		kind = "gifv" // Mastodon converts GIFs to looping video
	case strings.HasPrefix(ct, "image/"):
		kind = "image"
	case strings.HasPrefix(ct, "video/"):
		kind = "video"
	case strings.HasPrefix(ct, "audio/"), ct == "application/ogg":
		kind = "audio"
	}

	s.mu.Lock()
	m := &mediaRecord{id: s.nextID(s.now()), kind: kind, description: r.FormValue("description")}
	s.media[m.id] = m
	body := s.mediaJSON(m)
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, body)
}

func (s *Server) mediaJSON(m *mediaRecord) mediaJSON {
	url := s.base + "/system/media_attachments/files/" + m.id + "/original/file"
	j := mediaJSON{
		ID:         m.id,
		Type:       m.kind,
		URL:        url,
		PreviewURL: strings.Replace(url, "/original/", "/small/", 1),
		Meta: mediaMeta{
			Original: mediaSize{Width: 640, Height: 480, Size: "640x480", Aspect: 640.0 / 480},
			Small:    mediaSize{Width: 640, Height: 480, Size: "640x480", Aspect: 640.0 / 480},
		},
		Blurhash: "UFBWY:8_0Jxv%MRjWBt7~qRjIURjRjt7ofRj",
	}
	if m.description != "" {
		j.Description = &m.description
	}
	return j
}
