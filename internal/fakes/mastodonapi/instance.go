package mastodonapi

import "net/http"

// supportedMIMETypes is a shortened version of what Mastodon 4 lists.
var supportedMIMETypes = []string{
	"image/jpeg", "image/png", "image/gif", "image/heic", "image/heif", "image/webp", "image/avif",
	"video/webm", "video/mp4", "video/quicktime", "video/ogg",
	"audio/wave", "audio/wav", "audio/x-wav", "audio/ogg", "audio/mpeg", "audio/mp3", "audio/mp4", "audio/aac", "audio/flac",
}

// configuration is the part of the instance entity clients read before
// posting; v1 and v2 share it, except that v2 adds "urls" and "translation".
func (s *Server) configuration() map[string]any {
	return map[string]any{
		"accounts": map[string]any{"max_featured_tags": 10, "max_pinned_statuses": 5},
		"statuses": map[string]any{
			"max_characters":              s.opts.MaxCharacters,
			"max_media_attachments":       s.opts.MaxMediaAttachments,
			"characters_reserved_per_url": s.opts.CharactersReservedPerURL,
		},
		"media_attachments": map[string]any{
			"supported_mime_types":   supportedMIMETypes,
			"description_limit":      s.opts.DescriptionLimit,
			"image_size_limit":       s.opts.ImageSizeLimit,
			"image_matrix_limit":     33177600,
			"video_size_limit":       103809024,
			"video_frame_rate_limit": 120,
			"video_matrix_limit":     8294400,
		},
		"polls": map[string]any{
			"max_options":               4,
			"max_characters_per_option": 50,
			"min_expiration":            300,
			"max_expiration":            2629746,
		},
	}
}

// instanceV2 is GET /api/v2/instance.
// Specs: https://docs.joinmastodon.org/methods/instance/#v2
func (s *Server) instanceV2(w http.ResponseWriter, _ *http.Request) {
	cfg := s.configuration()
	cfg["urls"] = map[string]any{"streaming": "wss://" + s.opts.Domain, "status": nil}
	cfg["translation"] = map[string]any{"enabled": false}
	writeJSON(w, http.StatusOK, map[string]any{
		"domain":        s.opts.Domain,
		"title":         "Mastodon",
		"version":       s.opts.Version,
		"source_url":    "https://github.com/mastodon/mastodon",
		"description":   "A fake Mastodon server for crier's tests.",
		"usage":         map[string]any{"users": map[string]any{"active_month": 1}},
		"thumbnail":     map[string]any{"url": s.base + "/packs/media/images/preview.png"},
		"languages":     []string{"en"},
		"configuration": cfg,
		"registrations": map[string]any{"enabled": false, "approval_required": false, "message": nil, "url": nil},
		"api_versions":  map[string]any{"mastodon": 2},
		"contact":       map[string]any{"email": "admin@" + s.opts.Domain, "account": nil},
		"rules":         []any{},
	})
}

// instanceV1 is GET /api/v1/instance, deprecated but what go-mastodon's
// GetInstance reads.
// Specs: https://docs.joinmastodon.org/methods/instance/#v1
func (s *Server) instanceV1(w http.ResponseWriter, _ *http.Request) {
	s.mu.Lock()
	statuses := len(s.statuses)
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]any{
		"uri":               s.opts.Domain,
		"title":             "Mastodon",
		"short_description": "A fake Mastodon server for crier's tests.",
		"description":       "",
		"email":             "admin@" + s.opts.Domain,
		"version":           s.opts.Version,
		"urls":              map[string]any{"streaming_api": "wss://" + s.opts.Domain},
		"stats":             map[string]any{"user_count": 1, "status_count": statuses, "domain_count": 0},
		"thumbnail":         s.base + "/packs/media/images/preview.png",
		"languages":         []string{"en"},
		"registrations":     false,
		"approval_required": false,
		"invites_enabled":   false,
		"configuration":     s.configuration(),
		"contact_account":   nil,
		"rules":             []any{},
	})
}

// verifyCredentials is GET /api/v1/accounts/verify_credentials: the
// token's account with its "source".
func (s *Server) verifyCredentials(w http.ResponseWriter, r *http.Request) {
	if !s.requireToken(w, r) {
		return
	}
	s.mu.Lock()
	acct := s.account()
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, struct {
		accountJSON
		Source map[string]any `json:"source"`
	}{acct, map[string]any{
		"privacy":               "public",
		"sensitive":             false,
		"language":              "en",
		"note":                  "",
		"fields":                []any{},
		"follow_requests_count": 0,
	}})
}
