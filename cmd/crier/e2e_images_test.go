package main

import (
	"strings"
	"testing"

	"github.com/crierhq/crier/internal/fakes/mastodonapi"
)

var testJPEG = "\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + strings.Repeat("\x00", 64)

// An item's Media RSS image reaches Telegram as a photo captioned with the
// post and Mastodon as an attachment with its description (after the
// instance processed it); an image that cannot be had costs only the image.
func TestLeadImagesReachBothPlatforms(t *testing.T) {
	w := newWorld(t, mastodonapi.Options{MediaProcessingPolls: 2})
	// The image server is on loopback, like every fake here: crier may
	// download from it only when told so.
	w.editConfig("timezone: Europe/Istanbul\n", "timezone: Europe/Istanbul\nfetch: {allow_private_pages: true}\n")
	w.feeds.SetRaw("/img/quake.jpg", "image/jpeg", testJPEG)
	w.publish(story(1))
	if code, _, errOut := w.crier("once", "--config", w.config); code != 0 {
		t.Fatal(errOut)
	}
	withPhoto, without := story(2), story(3)
	withPhoto.Image, withPhoto.ImageAlt = w.feeds.URL("/img/quake.jpg"), "Rescuers at the collapsed school"
	without.Image = w.feeds.URL("/img/gone.jpg")
	w.publish(withPhoto, without)
	code, _, errOut := w.crier("once", "--config", w.config)
	if code != 0 {
		t.Fatal(errOut)
	}

	msgs := w.tg.Messages(channelID)
	if len(msgs) != 2 {
		t.Fatalf("telegram got %d messages: %+v", len(msgs), msgs)
	}
	byTitle := map[string]int{}
	for i, m := range msgs {
		byTitle[strings.SplitN(m.Text, "\n", 2)[0]] = i
	}
	photo, text := msgs[byTitle["Story 2"]], msgs[byTitle["Story 3"]]
	if photo.Method != "sendPhoto" || photo.Photo != withPhoto.Image || !strings.Contains(photo.Text, "Story 2 opens here.") {
		t.Errorf("the photo post: %+v", photo)
	}
	if text.Method != "sendMessage" || !strings.Contains(text.Text, "Story 3 opens here.") {
		t.Errorf("the post whose image is gone: %+v", text)
	}

	statuses := w.masto.Statuses()
	if len(statuses) != 2 {
		t.Fatalf("mastodon got %d statuses", len(statuses))
	}
	media := w.masto.Media()
	for _, st := range statuses {
		switch {
		case strings.HasPrefix(st.Text, "Story 2"):
			if len(st.MediaIDs) != 1 || len(media) != 1 || media[0].ID != st.MediaIDs[0] ||
				media[0].Description != "Rescuers at the collapsed school" || media[0].Processing {
				t.Errorf("status with media %+v; media %+v", st, media)
			}
		case strings.HasPrefix(st.Text, "Story 3"):
			if len(st.MediaIDs) != 0 {
				t.Errorf("a status got media it could not have: %+v", st)
			}
		default:
			t.Errorf("unexpected status %q", st.Text)
		}
	}
}

// images: false keeps a target's posts text only.
func TestImagesOffPostsText(t *testing.T) {
	w := newWorld(t, mastodonapi.Options{})
	w.editConfig("    chat: \"@crier_news\"\n", "    chat: \"@crier_news\"\n    images: false\n")
	w.feeds.SetRaw("/img/quake.jpg", "image/jpeg", testJPEG)
	w.publish(story(1))
	if code, _, errOut := w.crier("once", "--config", w.config); code != 0 {
		t.Fatal(errOut)
	}
	s := story(2)
	s.Image = w.feeds.URL("/img/quake.jpg")
	w.publish(s)
	if code, _, errOut := w.crier("once", "--config", w.config); code != 0 {
		t.Fatal(errOut)
	}
	if msgs := w.tg.Messages(channelID); len(msgs) != 1 || msgs[0].Method != "sendMessage" {
		t.Errorf("telegram: %+v", msgs)
	}
}

// A target's exclude rule keeps an item off that target only, recorded as
// skipped with its rule; another target's hashtags come from the item's
// categories.
func TestFiltersAndHashtagsEndToEnd(t *testing.T) {
	w := newWorld(t, mastodonapi.Options{})
	w.editConfig("    chat: \"@crier_news\"\n", "    chat: \"@crier_news\"\n    filters: {exclude: [{keyword: sponsored, fields: [title, categories]}]}\n")
	w.editConfig("    visibility: unlisted\n", "    visibility: unlisted\n    hashtags: {categories: true, fixed: [Armenia]}\n")
	w.publish(story(1))
	if code, _, errOut := w.crier("once", "--config", w.config); code != 0 {
		t.Fatal(errOut)
	}
	ad, news := story(2), story(3)
	ad.Title, ad.Categories = "Sponsored: the best hotels in Yerevan", []string{"Travel"}
	news.Categories = []string{"human rights", "Politics"}
	w.publish(ad, news)
	if code, _, errOut := w.crier("once", "--config", w.config); code != 0 {
		t.Fatal(errOut)
	}
	if msgs := w.tg.Messages(channelID); len(msgs) != 1 || !strings.HasPrefix(msgs[0].Text, "Story 3") {
		t.Fatalf("telegram got %+v, want the news only", msgs)
	}
	st := w.masto.Statuses()
	if len(st) != 2 {
		t.Fatalf("mastodon got %d statuses, want both", len(st))
	}
	for _, s := range st {
		if strings.HasPrefix(s.Text, "Story 3") && !strings.Contains(s.Text, "#Armenia #HumanRights #Politics") {
			t.Errorf("hashtags missing: %q", s.Text)
		}
	}
	m := w.open(nil, nil)
	trace, err := m.store.TraceItems(t.Context(), 0, ad.Link, 5)
	if err != nil || len(trace) != 1 {
		t.Fatalf("trace = %+v, %v", trace, err)
	}
	found := false
	for _, d := range trace[0].Deliveries {
		found = found || (d.TargetID == "channel" && d.State == "skipped" && strings.Contains(d.LastError, "filters.exclude[0]"))
	}
	if !found {
		t.Errorf("no skipped delivery naming the rule: %+v", trace[0].Deliveries)
	}
}
