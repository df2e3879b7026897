package mastodonapi_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/mattn/go-mastodon"

	"github.com/crierhq/crier/internal/fakes/mastodonapi"
)

func TestPostStatus(t *testing.T) {
	srv, clk := start(t, mastodonapi.Options{})
	client := newClient(t, srv, token)

	got, err := client.PostStatus(context.Background(), &mastodon.Toot{
		Status:      "  Fish & <chips>\n\nsecond 'para'\nline \n",
		Visibility:  "unlisted",
		Language:    "de",
		SpoilerText: "food",
	})
	if err != nil {
		t.Fatalf("PostStatus: %v", err)
	}
	if got.ID == "" || !strings.HasPrefix(got.URL, srv.URL()+"/@crier/") {
		t.Errorf("ID = %q, URL = %q", got.ID, got.URL)
	}
	if want := "<p>Fish &amp; &lt;chips&gt;</p><p>second &#39;para&#39;<br />line</p>"; got.Content != want {
		t.Errorf("Content = %q, want %q", got.Content, want)
	}
	if got.Visibility != "unlisted" || got.Language != "de" || got.SpoilerText != "food" || !got.Sensitive {
		t.Errorf("visibility %q, language %q, spoiler %q, sensitive %v", got.Visibility, got.Language, got.SpoilerText, got.Sensitive)
	}
	if !got.CreatedAt.Equal(clk.Now()) || got.Account.Username != "crier" || got.Account.StatusesCount != 1 {
		t.Errorf("created %v, account %q with %d statuses", got.CreatedAt, got.Account.Username, got.Account.StatusesCount)
	}

	stored := srv.Statuses()
	if len(stored) != 1 {
		t.Fatalf("stored %d statuses, want 1", len(stored))
	}
	if st := stored[0]; st.ID != string(got.ID) || st.Text != "Fish & <chips>\n\nsecond 'para'\nline" || st.URL != got.URL {
		t.Errorf("stored %+v", st)
	}
}

// Each refusal leaves no status behind and answers what Mastodon answers.
func TestPostStatusRefused(t *testing.T) {
	cases := []struct {
		name    string
		token   string
		toot    mastodon.Toot
		status  int
		message string
	}{
		{"unknown token", "wrong", mastodon.Toot{Status: "hi"}, http.StatusUnauthorized,
			"The access token is invalid"},
		{"too long", token, mastodon.Toot{Status: strings.Repeat("a", 501)}, http.StatusUnprocessableEntity,
			"Validation failed: Text character limit of 500 exceeded"},
		{"content warning counts too", token, mastodon.Toot{Status: strings.Repeat("a", 300), SpoilerText: strings.Repeat("b", 201)},
			http.StatusUnprocessableEntity, "Validation failed: Text character limit of 500 exceeded"},
		{"schemeless host counts in full", token, mastodon.Toot{Status: strings.Repeat("a", 480) + " example.com/abcdefgh"},
			http.StatusUnprocessableEntity, "Validation failed: Text character limit of 500 exceeded"},
		{"blank", token, mastodon.Toot{Status: " \n\u00a0"}, http.StatusUnprocessableEntity,
			"Validation failed: Text can't be blank"},
		{"unknown visibility", token, mastodon.Toot{Status: "hi", Visibility: "friends"}, http.StatusUnprocessableEntity,
			"Validation failed: Visibility is not included in the list"},
		{"every problem at once", token, mastodon.Toot{Status: "", SpoilerText: strings.Repeat("b", 501), Visibility: "x"},
			http.StatusUnprocessableEntity,
			"Validation failed: Visibility is not included in the list, Text can't be blank, Text character limit of 500 exceeded"},
		{"too many attachments", token, mastodon.Toot{Status: "hi", MediaIDs: []mastodon.ID{"1", "2", "3", "4", "5"}},
			http.StatusUnprocessableEntity, "Cannot attach more than 4 files"},
		{"unknown attachment", token, mastodon.Toot{Status: "hi", MediaIDs: []mastodon.ID{"42"}},
			http.StatusUnprocessableEntity, "Media 42 not found or already attached to another post"},
		{"reply to an unknown status", token, mastodon.Toot{Status: "hi", InReplyToID: "123"}, http.StatusNotFound,
			"The post you are trying to reply to does not appear to exist."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv, _ := start(t, mastodonapi.Options{})
			_, err := newClient(t, srv, c.token).PostStatus(context.Background(), &c.toot)
			apiErr := apiError(t, err)
			if apiErr.StatusCode != c.status || apiErr.Message != c.message {
				t.Errorf("got %d %q, want %d %q", apiErr.StatusCode, apiErr.Message, c.status, c.message)
			}
			if n := len(srv.Statuses()); n != 0 {
				t.Errorf("%d statuses stored, want 0", n)
			}
		})
	}
}

// The fake measures with the server's rule: URLs with a scheme count as
// CharactersReservedPerURL whatever their length.
func TestPostStatusLength(t *testing.T) {
	longURL := "https://example.com/" + strings.Repeat("p", 200)
	cases := []struct {
		name   string
		opts   mastodonapi.Options
		text   string
		accept bool
	}{
		{"exactly the limit", mastodonapi.Options{}, strings.Repeat("é", 500), true},
		{"long URL counts 23", mastodonapi.Options{}, strings.Repeat("a", 476) + " " + longURL, true},
		{"one over with the URL", mastodonapi.Options{}, strings.Repeat("a", 477) + " " + longURL, false},
		{"remote mention counts as @user", mastodonapi.Options{}, strings.Repeat("a", 494) + " @bob@" + strings.Repeat("x", 40) + ".social", true},
		{"custom limit", mastodonapi.Options{MaxCharacters: 10}, "0123456789", true},
		{"custom limit exceeded", mastodonapi.Options{MaxCharacters: 10}, "0123456789!", false},
		{"custom URL weight", mastodonapi.Options{MaxCharacters: 10, CharactersReservedPerURL: 6}, "see " + longURL, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv, _ := start(t, c.opts)
			_, err := newClient(t, srv, token).PostStatus(context.Background(), &mastodon.Toot{Status: c.text})
			if accepted := err == nil; accepted != c.accept {
				t.Fatalf("accepted = %v (err %v), want %v", accepted, err, c.accept)
			}
			if !c.accept && apiError(t, err).StatusCode != http.StatusUnprocessableEntity {
				t.Errorf("err = %v, want 422", err)
			}
		})
	}
}

func TestPostStatusJSONBody(t *testing.T) {
	srv, _ := start(t, mastodonapi.Options{})
	body := `{"status":"hello","visibility":"private","sensitive":"true","language":"en-GB","media_ids":[]}`
	resp, raw := do(t, nil, http.MethodPost, srv.URL()+"/api/v1/statuses", token, "application/json", body, nil)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", resp.StatusCode, raw)
	}
	var got struct {
		ID, Visibility, Language, Content string
		Sensitive                         bool
	}
	if err := json.Unmarshal([]byte(raw), &got); err != nil {
		t.Fatal(err)
	}
	if got.Visibility != "private" || got.Language != "en" || !got.Sensitive || got.Content != "<p>hello</p>" {
		t.Errorf("got %+v", got)
	}

	resp, raw = do(t, nil, http.MethodPost, srv.URL()+"/api/v1/statuses", token, "application/json", `{"status":`, nil)
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("malformed JSON: status %d: %s", resp.StatusCode, raw)
	}
}

func TestGetStatus(t *testing.T) {
	srv, _ := start(t, mastodonapi.Options{})
	client := newClient(t, srv, token)
	posted, err := client.PostStatus(context.Background(), &mastodon.Toot{Status: "for followers", Visibility: "private"})
	if err != nil {
		t.Fatal(err)
	}
	got, err := client.GetStatus(context.Background(), posted.ID)
	if err != nil || got.ID != posted.ID {
		t.Fatalf("GetStatus = %v, %v", got, err)
	}
	_, err = newClient(t, srv, "").GetStatus(context.Background(), posted.ID)
	if apiErr := apiError(t, err); apiErr.StatusCode != http.StatusNotFound || apiErr.Message != "Record not found" {
		t.Errorf("anonymous read of a private status: %v", err)
	}
}
