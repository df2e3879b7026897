package mastodonapi

import (
	"fmt"
	"net/http"
	"strings"
	"time"
	"unicode"

	"github.com/crierhq/crier/publishers/mastodon/statuslen"
)

// idempotencyTTL is how long Mastodon remembers an Idempotency-Key: it
// stores the status ID in Redis with SETEX 3600.
const idempotencyTTL = time.Hour

type idempotentPost struct {
	statusID string
	expires  time.Time
}

// visibilities are the values the API accepts.
var visibilities = map[string]bool{"public": true, "unlisted": true, "private": true, "direct": true}

// createStatus is POST /api/v1/statuses.
// Specs: https://docs.joinmastodon.org/methods/statuses/#create
func (s *Server) createStatus(w http.ResponseWriter, r *http.Request) {
	if !s.requireToken(w, r) {
		return
	}
	p, err := parseStatusParams(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, "Bad Request")
		return
	}
	if p.scheduledAt != "" || p.poll {
		writeError(w, http.StatusNotImplemented, "scheduled statuses and polls are not modelled by the fake")
		return
	}
	now := s.now()
	s.mu.Lock()
	defer s.mu.Unlock()
	// set_thread runs before the action and outside the rate-limit
	// headers' around_action.
	if p.inReplyToID != "" && s.findStatus(p.inReplyToID) < 0 {
		writeError(w, http.StatusNotFound, errReplyNotFound)
		return
	}
	code, body := s.postStatus(p, r.Header.Get("Idempotency-Key"), now)
	acct := "account:" + accountID
	overrideQuota(w.Header(), s.statusLimit.quota(s.statusLimit.count(acct, now), now))
	writeJSON(w, code, body)
}

// postStatus follows PostStatusService#call: an idempotent replay first,
// then media, then the model's validations, then the statuses rate limit,
// which Mastodon only records once the row is created.
func (s *Server) postStatus(p statusParams, key string, now time.Time) (int, any) {
	if key != "" {
		if prev, ok := s.idempotency[key]; ok && now.Before(prev.expires) {
			if i := s.findStatus(prev.statusID); i >= 0 {
				return http.StatusOK, s.statusJSON(s.statuses[i])
			}
		}
	}
	media, problem := s.validateMedia(p.mediaIDs)
	if problem != "" {
		return http.StatusUnprocessableEntity, errorBody(problem)
	}
	text, spoiler := rubyStrip(p.text), rubyStrip(p.spoiler)
	visibility := p.visibility
	if visibility == "" {
		visibility = "public"
	}

	var problems []string
	if !visibilities[visibility] {
		problems = append(problems, errVisibility)
	}
	if blank(text) && len(media) == 0 {
		problems = append(problems, errTextBlank)
	}
	if statuslen.CountWithSpoiler(spoiler, text, s.opts.CharactersReservedPerURL) > s.opts.MaxCharacters {
		problems = append(problems, fmt.Sprintf("Text character limit of %d exceeded", s.opts.MaxCharacters))
	}
	if len(problems) > 0 {
		return http.StatusUnprocessableEntity, errorBody("Validation failed: " + strings.Join(problems, ", "))
	}

	acct := "account:" + accountID
	if s.statusLimit.count(acct, now) >= s.statusLimit.limit {
		return http.StatusTooManyRequests, errorBody(errTooManyRequests)
	}
	s.statusLimit.add(acct, now)

	st := Status{
		ID:             s.nextID(now),
		Text:           text,
		SpoilerText:    spoiler,
		Visibility:     visibility,
		Language:       "en",
		Sensitive:      (p.sensitive != nil && *p.sensitive) || spoiler != "",
		InReplyToID:    p.inReplyToID,
		IdempotencyKey: key,
		CreatedAt:      now,
	}
	if lang, ok := validLanguage(p.language); ok {
		st.Language = lang
	}
	st.URL = s.base + "/@" + s.opts.Username + "/" + st.ID
	for _, m := range media {
		m.statusID = st.ID
		st.MediaIDs = append(st.MediaIDs, m.id)
	}
	s.statuses = append(s.statuses, st)
	if key != "" {
		s.idempotency[key] = idempotentPost{statusID: st.ID, expires: now.Add(idempotencyTTL)}
	}
	return http.StatusOK, s.statusJSON(st)
}

// validateMedia is PostStatusService#validate_media! (Mastodon 4.3): the
// IDs must all be this account's unattached uploads, processed. Its
// messages are Mastodon::ValidationError's, without "Validation failed".
func (s *Server) validateMedia(ids []string) ([]*mediaRecord, string) {
	if len(ids) > s.opts.MaxMediaAttachments {
		return nil, fmt.Sprintf("Cannot attach more than %d files", s.opts.MaxMediaAttachments)
	}
	var media []*mediaRecord
	var missing []string
	for _, id := range ids {
		if m, ok := s.media[id]; ok && m.statusID == "" {
			media = append(media, m)
		} else {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 {
		return nil, "Media " + strings.Join(missing, ", ") + " not found or already attached to another post"
	}
	for _, m := range media {
		if m.polls > 0 {
			return nil, "Cannot attach files that have not finished processing. Try again in a moment!"
		}
	}
	return media, ""
}

// showStatus is GET /api/v1/statuses/:id. Without the token only public
// and unlisted statuses are visible; the others are 404, as Mastodon hides
// what a reader may not see.
func (s *Server) showStatus(w http.ResponseWriter, r *http.Request, id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	i := s.findStatus(id)
	if i < 0 || (!s.authorized(r) && !(s.statuses[i].Visibility == "public" || s.statuses[i].Visibility == "unlisted")) {
		writeError(w, http.StatusNotFound, errRecordNotFound)
		return
	}
	writeJSON(w, http.StatusOK, s.statusJSON(s.statuses[i]))
}

func (s *Server) findStatus(id string) int {
	for i := range s.statuses {
		if s.statuses[i].ID == id {
			return i
		}
	}
	return -1
}

// rubyStrip is Ruby's String#strip, which Status#prepare_contents applies:
// ASCII white space and NUL only.
func rubyStrip(s string) string { return strings.Trim(s, "\x00\t\n\v\f\r ") }

// blank is ActiveSupport's blank?: empty or Unicode white space only.
func blank(s string) bool { return strings.TrimFunc(s, unicode.IsSpace) == "" }
