package mastodonapi_test

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"github.com/crierhq/crier/internal/fakes/mastodonapi"
)

// upload sends a multipart POST to path with the file and description.
func upload(t *testing.T, srv *mastodonapi.Server, path, tok string, file []byte, description string) (*http.Response, string) {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, _ := mw.CreateFormFile("file", "image.png")
	_, _ = fw.Write(file)
	if description != "" {
		_ = mw.WriteField("description", description)
	}
	_ = mw.Close()
	return do(t, nil, http.MethodPost, srv.URL()+path, tok, mw.FormDataContentType(), body.String(), nil)
}

type media struct {
	ID  string  `json:"id"`
	URL *string `json:"url"`
}

func decodeMedia(t *testing.T, body string) media {
	t.Helper()
	var m media
	if err := json.Unmarshal([]byte(body), &m); err != nil {
		t.Fatalf("%v: %s", err, body)
	}
	return m
}

func TestMediaProcessing(t *testing.T) {
	srv, _ := start(t, mastodonapi.Options{MediaProcessingPolls: 2})
	resp, body := upload(t, srv, "/api/v2/media", token, pngBytes(t), "chart")
	m := decodeMedia(t, body)
	if resp.StatusCode != http.StatusAccepted || m.URL != nil || m.ID == "" {
		t.Fatalf("upload: %d %s, want 202 with a null url", resp.StatusCode, body)
	}
	post := func() (*http.Response, string) {
		return do(t, nil, http.MethodPost, srv.URL()+"/api/v1/statuses", token, "application/json",
			`{"status":"with media","media_ids":["`+m.ID+`"]}`, nil)
	}
	if resp, body := post(); resp.StatusCode != http.StatusUnprocessableEntity ||
		!strings.Contains(body, "Cannot attach files that have not finished processing. Try again in a moment!") {
		t.Errorf("status with unprocessed media: %d %s", resp.StatusCode, body)
	}
	for i, want := range []int{http.StatusPartialContent, http.StatusPartialContent, http.StatusOK} {
		resp, body := do(t, nil, http.MethodGet, srv.URL()+"/api/v1/media/"+m.ID, token, "", "", nil)
		if got := decodeMedia(t, body); resp.StatusCode != want || (want == http.StatusOK) != (got.URL != nil) {
			t.Fatalf("poll %d: %d %s, want %d", i, resp.StatusCode, body, want)
		}
	}
	if resp, body := post(); resp.StatusCode != http.StatusOK {
		t.Fatalf("status with processed media: %d %s", resp.StatusCode, body)
	}
	// Attached media is no longer the account's to look up.
	if resp, _ := do(t, nil, http.MethodGet, srv.URL()+"/api/v1/media/"+m.ID, token, "", "", nil); resp.StatusCode != http.StatusNotFound {
		t.Errorf("attached media: %d, want 404", resp.StatusCode)
	}
	// v1 processes before answering.
	if resp, body := upload(t, srv, "/api/v1/media", token, pngBytes(t), ""); resp.StatusCode != http.StatusOK || decodeMedia(t, body).URL == nil {
		t.Errorf("v1 upload: %d %s", resp.StatusCode, body)
	}
}

func TestMediaLookupErrors(t *testing.T) {
	srv, _ := start(t, mastodonapi.Options{})
	if resp, body := do(t, nil, http.MethodGet, srv.URL()+"/api/v1/media/42", token, "", "", nil); resp.StatusCode != http.StatusNotFound ||
		strings.TrimSpace(body) != `{"error":"Record not found"}` {
		t.Errorf("unknown media: %d %s", resp.StatusCode, body)
	}
	if resp, body := do(t, nil, http.MethodGet, srv.URL()+"/api/v1/media/42", "", "", "", nil); resp.StatusCode != http.StatusUnauthorized ||
		!strings.Contains(body, "The access token is invalid") {
		t.Errorf("no token: %d %s", resp.StatusCode, body)
	}
}

func TestMediaValidation(t *testing.T) {
	cases := []struct {
		name        string
		opts        mastodonapi.Options
		file        []byte
		description string
		want        string
	}{
		{"too big", mastodonapi.Options{ImageSizeLimit: 64}, nil, "",
			`{"error":"Validation failed: File file size must be less than 64 Bytes"}`},
		{"too big, in megabytes", mastodonapi.Options{}, bytes.Repeat([]byte{0}, 16<<20), "",
			`{"error":"Validation failed: File content type is invalid, File is invalid, File file size must be less than 16 MB"}`},
		{"not media", mastodonapi.Options{}, []byte("just some text"), "",
			`{"error":"Validation failed: File content type is invalid, File is invalid"}`},
		{"description too long", mastodonapi.Options{DescriptionLimit: 5}, nil, "Բարև, աշխարհ",
			`{"error":"Validation failed: Description is too long (maximum is 5 characters)"}`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv, _ := start(t, c.opts)
			file := c.file
			if file == nil {
				file = pngBytes(t)
			}
			resp, body := upload(t, srv, "/api/v2/media", token, file, c.description)
			if resp.StatusCode != http.StatusUnprocessableEntity || strings.TrimSpace(body) != c.want {
				t.Errorf("got %d %s, want 422 %s", resp.StatusCode, body, c.want)
			}
		})
	}
}

func TestMediaRateLimit(t *testing.T) {
	srv, _ := start(t, mastodonapi.Options{})
	for i := range 30 {
		if resp, body := upload(t, srv, "/api/v2/media", token, pngBytes(t), ""); resp.StatusCode != http.StatusOK {
			t.Fatalf("upload %d: %d %s", i, resp.StatusCode, body)
		}
	}
	resp, body := upload(t, srv, "/api/v2/media", token, pngBytes(t), "")
	if resp.StatusCode != http.StatusTooManyRequests || strings.TrimSpace(body) != `{"error":"Too many requests"}` {
		t.Fatalf("31st upload: %d %s", resp.StatusCode, body)
	}
	// The clock starts at 12:00:03.5, so the 30-minute window ends at 12:30.
	h := resp.Header
	if h.Get("X-RateLimit-Limit") != "30" || h.Get("X-RateLimit-Remaining") != "0" ||
		!strings.HasPrefix(h.Get("X-RateLimit-Reset"), "2025-03-01T12:30:00") {
		t.Errorf("headers %v", h)
	}
	// Statuses are limited separately.
	if resp, body := do(t, nil, http.MethodPost, srv.URL()+"/api/v1/statuses", token, "application/json", `{"status":"text"}`, nil); resp.StatusCode != http.StatusOK {
		t.Errorf("status after media limit: %d %s", resp.StatusCode, body)
	}
}
