package mastodonapi

import (
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"strings"
)

// statusParams are the parameters of POST /api/v1/statuses, read the way
// Rails reads them: from a form (what go-mastodon sends), a multipart form
// or a JSON body, merged with the query string.
type statusParams struct {
	text, spoiler, visibility, language, inReplyToID, scheduledAt string
	sensitive                                                     *bool
	mediaIDs                                                      []string
	poll                                                          bool
}

func parseStatusParams(r *http.Request) (statusParams, error) {
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if ct == "application/json" {
		return parseJSONParams(r)
	}
	var err error
	if ct == "multipart/form-data" {
		err = r.ParseMultipartForm(32 << 20)
	} else {
		err = r.ParseForm()
	}
	if err != nil {
		return statusParams{}, err
	}
	f := r.Form
	p := statusParams{
		text:        f.Get("status"),
		spoiler:     f.Get("spoiler_text"),
		visibility:  f.Get("visibility"),
		language:    f.Get("language"),
		inReplyToID: f.Get("in_reply_to_id"),
		scheduledAt: f.Get("scheduled_at"),
		mediaIDs:    append(f["media_ids[]"], f["media_ids"]...),
	}
	if v, ok := f["sensitive"]; ok {
		p.sensitive = railsBool(v[0])
	}
	for k := range f {
		p.poll = p.poll || strings.HasPrefix(k, "poll[")
	}
	return p, nil
}

func parseJSONParams(r *http.Request) (statusParams, error) {
	var m map[string]any
	dec := json.NewDecoder(r.Body)
	dec.UseNumber()
	if err := dec.Decode(&m); err != nil {
		return statusParams{}, err
	}
	str := func(k string) string {
		if v, ok := m[k]; ok && v != nil {
			return fmt.Sprint(v)
		}
		if v := r.URL.Query().Get(k); v != "" {
			return v
		}
		return ""
	}
	p := statusParams{
		text:        str("status"),
		spoiler:     str("spoiler_text"),
		visibility:  str("visibility"),
		language:    str("language"),
		inReplyToID: str("in_reply_to_id"),
		scheduledAt: str("scheduled_at"),
		poll:        m["poll"] != nil,
	}
	if ids, ok := m["media_ids"].([]any); ok {
		for _, id := range ids {
			p.mediaIDs = append(p.mediaIDs, fmt.Sprint(id))
		}
	}
	if v, ok := m["sensitive"]; ok {
		p.sensitive = railsBool(v)
	}
	return p, nil
}

// railsBool is ActiveModel::Type::Boolean: nil and "" are no value, a
// short list of spellings is false, anything else true.
func railsBool(v any) *bool {
	var b bool
	switch v := v.(type) {
	case nil:
		return nil
	case bool:
		b = v
	default:
		s := fmt.Sprint(v)
		switch s {
		case "":
			return nil
		case "0", "f", "F", "false", "FALSE", "off", "OFF":
			b = false
		default:
			b = true
		}
	}
	return &b
}

// validLanguage mimics valid_locale_cascade loosely: "en" and "en-GB" give
// "en"; anything not shaped like an ISO 639 code falls back to the default.
func validLanguage(lang string) (string, bool) {
	code, _, _ := strings.Cut(strings.ReplaceAll(lang, "_", "-"), "-")
	code = strings.ToLower(code)
	if len(code) < 2 || len(code) > 3 || strings.IndexFunc(code, func(r rune) bool { return r < 'a' || r > 'z' }) >= 0 {
		return "", false
	}
	return code, true
}
