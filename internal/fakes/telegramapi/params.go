package telegramapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"strings"
)

// params are a request's arguments, from the query string and the body,
// which the Bot API accepts urlencoded, as multipart form or as JSON.
type params struct {
	values map[string]string
	files  map[string]upload
	// photoURL is what fetching the photo argument's URL gave, as
	// Telegram fetches it before answering sendPhoto.
	photoURL *urlFetch
}

type upload struct {
	name string
	size int64
	data []byte
}

func (p params) get(name string) string { return p.values[name] }

const maxUploadMemory = 32 << 20

func readParams(r *http.Request) (params, error) {
	p := params{values: map[string]string{}, files: map[string]upload{}}
	for k, v := range r.URL.Query() {
		p.values[k] = v[0]
	}
	mediaType, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch mediaType {
	case "application/x-www-form-urlencoded":
		if err := r.ParseForm(); err != nil {
			return p, err
		}
		for k, v := range r.PostForm {
			p.values[k] = v[0]
		}
	case "multipart/form-data":
		if err := r.ParseMultipartForm(maxUploadMemory); err != nil {
			return p, err
		}
		for k, v := range r.MultipartForm.Value {
			p.values[k] = v[0]
		}
		for k, fs := range r.MultipartForm.File {
			data, err := readUpload(fs[0])
			if err != nil {
				return p, err
			}
			p.files[k] = upload{name: fs[0].Filename, size: fs[0].Size, data: data}
		}
	case "application/json":
		return p, readJSONParams(r, p)
	}
	return p, nil
}

// readUpload keeps an uploaded file's bytes, for tests to inspect what was
// sent; files over the 50 MB Telegram takes are not kept.
func readUpload(fh *multipart.FileHeader) ([]byte, error) {
	if fh.Size > maxSendBytes {
		return nil, nil
	}
	f, err := fh.Open()
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// readJSONParams keeps strings as they are and any other value as its JSON
// text, which is how the Bot API turns a JSON body into arguments.
func readJSONParams(r *http.Request, p params) error {
	var body map[string]json.RawMessage
	dec := json.NewDecoder(r.Body)
	dec.UseNumber()
	if err := dec.Decode(&body); err != nil {
		return fmt.Errorf("decode JSON body: %w", err)
	}
	for k, raw := range body {
		var s string
		if err := json.Unmarshal(raw, &s); err == nil {
			p.values[k] = s
			continue
		}
		p.values[k] = string(bytes.TrimSpace(raw))
	}
	return nil
}

// validJSONObject reports whether an optional argument such as
// link_preview_options, when given, is a JSON object.
func validJSONObject(s string) bool {
	if s == "" {
		return true
	}
	var v map[string]any
	return json.Unmarshal([]byte(strings.TrimSpace(s)), &v) == nil
}

// intArg reads an integer argument the way the Bot API does: absent means
// def, anything else is read up to its first non-digit (so "abc" is 0), and
// the value is clamped to [lo, hi] rather than refused.
func intArg(s string, def, lo, hi int) int {
	if s == "" {
		return def
	}
	digits, negative := strings.CutPrefix(s, "-")
	n := 0
	for i := 0; i < len(digits) && '0' <= digits[i] && digits[i] <= '9'; i++ {
		n = min(n*10+int(digits[i]-'0'), 1<<40) // far beyond any bound, and no overflow
	}
	if negative {
		n = -n
	}
	return min(max(n, lo), hi)
}

// decodeJSON parses an argument that holds JSON (allowed_updates, commands,
// scope), keeping numbers as written. Like the Bot API's parser it refuses
// anything after the value.
func decodeJSON(s string) (any, error) {
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, errors.New("data after the JSON value")
	}
	return v, nil
}
