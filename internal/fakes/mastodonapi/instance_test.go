package mastodonapi_test

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/crierhq/crier/internal/fakes/mastodonapi"
)

func TestInstanceV1(t *testing.T) {
	srv, _ := start(t, mastodonapi.Options{MaxCharacters: 1000, Domain: "news.example"})
	inst, err := newClient(t, srv, "").GetInstance(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	statuses := *inst.Configuration.Statuses
	if inst.URI != "news.example" || inst.Version != "4.3.2" ||
		statuses["max_characters"] != 1000.0 || statuses["characters_reserved_per_url"] != 23.0 ||
		statuses["max_media_attachments"] != 4.0 {
		t.Errorf("instance %+v, statuses config %v", inst, statuses)
	}
}

func TestInstanceV2(t *testing.T) {
	srv, _ := start(t, mastodonapi.Options{CharactersReservedPerURL: 30, MaxMediaAttachments: 8})
	resp, body := do(t, nil, http.MethodGet, srv.URL()+"/api/v2/instance", "", "", "", nil)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	var inst struct {
		Domain        string
		Version       string
		Configuration struct {
			Statuses struct {
				MaxCharacters            int `json:"max_characters"`
				MaxMediaAttachments      int `json:"max_media_attachments"`
				CharactersReservedPerURL int `json:"characters_reserved_per_url"`
			}
			MediaAttachments struct {
				SupportedMIMETypes []string `json:"supported_mime_types"`
			} `json:"media_attachments"`
		}
	}
	if err := json.Unmarshal([]byte(body), &inst); err != nil {
		t.Fatal(err)
	}
	st := inst.Configuration.Statuses
	if inst.Domain == "" || st.MaxCharacters != 500 || st.CharactersReservedPerURL != 30 || st.MaxMediaAttachments != 8 ||
		len(inst.Configuration.MediaAttachments.SupportedMIMETypes) == 0 {
		t.Errorf("instance %+v", inst)
	}
}

func TestVerifyCredentials(t *testing.T) {
	cases := []struct {
		name     string
		token    string
		status   int
		username string
	}{
		{"valid token", token, http.StatusOK, "newsbot"},
		{"wrong token", "nope", http.StatusUnauthorized, ""},
		{"no token", "", http.StatusUnauthorized, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv, _ := start(t, mastodonapi.Options{Username: "newsbot"})
			acct, err := newClient(t, srv, c.token).GetAccountCurrentUser(context.Background())
			if c.status != http.StatusOK {
				if apiErr := apiError(t, err); apiErr.StatusCode != c.status || apiErr.Message != "The access token is invalid" {
					t.Errorf("err = %v", err)
				}
				return
			}
			if err != nil || acct.Username != c.username || acct.Source == nil || !acct.Bot {
				t.Errorf("account %+v, err %v", acct, err)
			}
		})
	}
}

func TestUnknownRoute(t *testing.T) {
	srv, _ := start(t, mastodonapi.Options{})
	for _, path := range []string{"/api/v1/timelines/home", "/api/v1/statuses/1/favourite", "/"} {
		resp, body := do(t, nil, http.MethodPost, srv.URL()+path, token, "", "", nil)
		if resp.StatusCode != http.StatusNotFound || body != `{"error":"Not Found"}`+"\n" {
			t.Errorf("POST %s: %d %q", path, resp.StatusCode, body)
		}
	}
}
