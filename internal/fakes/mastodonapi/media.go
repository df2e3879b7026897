package mastodonapi

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"unicode/utf8"
)

// mediaRecord is an uploaded attachment. Mastodon lets a status use only
// the uploader's attachments that no status uses yet.
type mediaRecord struct {
	id, kind, description string
	statusID              string
	// polls is how many more GET /api/v1/media/:id answer 206 before the
	// attachment is processed; 0 means ready.
	polls int
}

// uploadMedia is POST /api/v1/media and /api/v2/media. v1 processes the
// file before answering; v2 answers 202 with "url": null when processing
// goes on in the background (Options.MediaProcessingPolls).
// Specs: https://docs.joinmastodon.org/methods/media/#v2
func (s *Server) uploadMedia(w http.ResponseWriter, r *http.Request, v2 bool) {
	// rack-attack's throttle_api_media keys on the user, so it only counts
	// requests with a valid token, before the controller sees them.
	if s.authorized(r) && !s.throttleMedia(w) {
		return
	}
	if !s.requireToken(w, r) {
		return
	}
	file, hdr, err := r.FormFile("file")
	if err != nil {
		writeError(w, http.StatusUnprocessableEntity, "Validation failed: File can't be blank")
		return
	}
	head := make([]byte, 512)
	n, _ := io.ReadFull(file, head)
	_ = file.Close()
	kind := mediaKind(http.DetectContentType(head[:n]))
	description := r.FormValue("description")

	// ActiveRecord runs every validation and joins the messages.
	var problems []string
	if kind == "unknown" {
		problems = append(problems, "File content type is invalid", "File is invalid")
	}
	if hdr.Size >= s.opts.ImageSizeLimit {
		problems = append(problems, "File file size must be less than "+humanSize(s.opts.ImageSizeLimit))
	}
	if utf8.RuneCountInString(description) > s.opts.DescriptionLimit {
		problems = append(problems, fmt.Sprintf("Description is too long (maximum is %d characters)", s.opts.DescriptionLimit))
	}
	if len(problems) > 0 {
		writeError(w, http.StatusUnprocessableEntity, "Validation failed: "+strings.Join(problems, ", "))
		return
	}

	s.mu.Lock()
	m := &mediaRecord{id: s.nextID(s.now()), kind: kind, description: description}
	if v2 {
		m.polls = s.opts.MediaProcessingPolls
	}
	s.media[m.id] = m
	body := s.mediaJSON(m)
	s.mu.Unlock()
	code := http.StatusOK
	if m.polls > 0 {
		code = http.StatusAccepted
	}
	writeJSON(w, code, body)
}

// showMedia is GET /api/v1/media/:id: 206 while processing, 200 once done.
// Attachments already used by a status are not found, as Mastodon looks
// among the account's unattached media only.
// Specs: https://docs.joinmastodon.org/methods/media/#get
func (s *Server) showMedia(w http.ResponseWriter, r *http.Request, id string) {
	if !s.requireToken(w, r) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	m, ok := s.media[id]
	if !ok || m.statusID != "" {
		writeError(w, http.StatusNotFound, errRecordNotFound)
		return
	}
	body := s.mediaJSON(m)
	if m.polls > 0 {
		m.polls--
		writeJSON(w, http.StatusPartialContent, body)
		return
	}
	writeJSON(w, http.StatusOK, body)
}

// throttleMedia counts an upload against the media limit and answers 429
// itself, with that limit's headers, once it is exceeded.
func (s *Server) throttleMedia(w http.ResponseWriter) bool {
	key, now := "account:"+accountID, s.now()
	s.mu.Lock()
	s.mediaLimit.add(key, now)
	n := s.mediaLimit.count(key, now)
	q := s.mediaLimit.quota(n, now)
	s.mu.Unlock()
	if n <= q.limit {
		return true
	}
	q.write(w.Header())
	writeError(w, http.StatusTooManyRequests, errTooManyRequests)
	return false
}

func mediaKind(contentType string) string {
	switch ct := contentType; {
	case ct == "image/gif":
		return "gifv" // Mastodon converts GIFs to looping video
	case strings.HasPrefix(ct, "image/"):
		return "image"
	case strings.HasPrefix(ct, "video/"):
		return "video"
	case strings.HasPrefix(ct, "audio/"), ct == "application/ogg":
		return "audio"
	}
	return "unknown"
}

// humanSize is Rails' number_to_human_size, which Paperclip's size
// validation message uses: 1024-based, three significant digits.
func humanSize(n int64) string {
	units := []string{"Bytes", "KB", "MB", "GB", "TB"}
	v, u := float64(n), 0
	for v >= 1024 && u < len(units)-1 {
		v /= 1024
		u++
	}
	if u == 0 {
		return fmt.Sprintf("%d Bytes", n)
	}
	s := fmt.Sprintf("%.*f", max(0, 2-intDigits(v)), v)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s + " " + units[u]
}

func intDigits(v float64) int {
	d := 1
	for v >= 10 {
		v /= 10
		d++
	}
	return d
}
