package mastodonapi_test

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"net/http"
	"testing"

	"github.com/mattn/go-mastodon"

	"github.com/crierhq/crier/internal/fakes/mastodonapi"
)

func pngBytes(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewRGBA(image.Rect(0, 0, 2, 2))); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestMediaAttachment(t *testing.T) {
	srv, _ := start(t, mastodonapi.Options{})
	client := newClient(t, srv, token)
	ctx := context.Background()

	att, err := client.UploadMediaFromMedia(ctx, &mastodon.Media{File: bytes.NewReader(pngBytes(t)), Description: "a chart"})
	if err != nil {
		t.Fatalf("upload: %v", err)
	}
	if att.ID == "" || att.Type != "image" || att.Description != "a chart" {
		t.Errorf("attachment %+v", att)
	}

	// With media, the text may be empty.
	st, err := client.PostStatus(ctx, &mastodon.Toot{MediaIDs: []mastodon.ID{att.ID}})
	if err != nil {
		t.Fatalf("post with media: %v", err)
	}
	if len(st.MediaAttachments) != 1 || st.MediaAttachments[0].ID != att.ID {
		t.Errorf("media attachments %+v", st.MediaAttachments)
	}
	if got := srv.Statuses()[0].MediaIDs; len(got) != 1 || got[0] != string(att.ID) {
		t.Errorf("stored media IDs %v", got)
	}

	// An attachment already used, like an unknown one, is refused by name
	// (Mastodon 4.3; earlier versions dropped them silently).
	_, err = client.PostStatus(ctx, &mastodon.Toot{Status: "again", MediaIDs: []mastodon.ID{att.ID, "42"}})
	if apiErr := apiError(t, err); apiErr.StatusCode != http.StatusUnprocessableEntity ||
		apiErr.Message != "Media "+string(att.ID)+", 42 not found or already attached to another post" {
		t.Errorf("reused attachment: %v", err)
	}
	if n := len(srv.Statuses()); n != 1 {
		t.Errorf("%d statuses, want 1", n)
	}
}
