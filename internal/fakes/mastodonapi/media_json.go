package mastodonapi

import "strings"

// mediaJSON renders an attachment; s.mu must be held. While processing
// its "url" is null: only the thumbnail exists yet.
// Specs: https://docs.joinmastodon.org/entities/MediaAttachment/
func (s *Server) mediaJSON(m *mediaRecord) mediaJSON {
	url := s.base + "/system/media_attachments/files/" + m.id + "/original/file"
	j := mediaJSON{
		ID:         m.id,
		Type:       m.kind,
		PreviewURL: strings.Replace(url, "/original/", "/small/", 1),
		Meta: mediaMeta{
			Original: mediaSize{Width: 640, Height: 480, Size: "640x480", Aspect: 640.0 / 480},
			Small:    mediaSize{Width: 640, Height: 480, Size: "640x480", Aspect: 640.0 / 480},
		},
		Blurhash: "UFBWY:8_0Jxv%MRjWBt7~qRjIURjRjt7ofRj",
	}
	if m.polls == 0 {
		j.URL = &url
	}
	if m.description != "" {
		j.Description = &m.description
	}
	return j
}
