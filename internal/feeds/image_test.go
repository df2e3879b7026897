package feeds_test

import (
	"testing"

	"github.com/crierhq/crier/internal/feeds"
)

// The lead image comes from what the feed declares, skipping pixels, icons,
// videos and audio; content HTML is left to the pipeline.
func TestItemImages(t *testing.T) {
	rss := `<?xml version="1.0"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/">
<channel><title>T</title><link>https://site.example/</link>
<item><guid>1</guid><title>Media content</title><link>https://site.example/1</link>
  <media:content url="https://feeds.feedburner.com/~r/site/~4/x" medium="image"/>
  <media:content url="https://cdn.site.example/clip.mp4" type="video/mp4"/>
  <media:content url="https://cdn.site.example/photo.jpg" medium="image" width="1200" height="800">
    <media:description>Protesters in Yerevan &amp; police</media:description>
  </media:content>
</item>
<item><guid>2</guid><title>Thumbnail in a group</title><link>https://site.example/2</link>
  <media:group><media:content url="https://cdn.site.example/v.mp4" medium="video"/>
  <media:thumbnail url="/thumbs/2.jpg" width="640" height="360"/></media:group>
</item>
<item><guid>3</guid><title>Enclosure</title><link>https://site.example/3</link>
  <enclosure url="https://cdn.site.example/ep.mp3" type="audio/mpeg" length="1"/>
  <enclosure url="https://cdn.site.example/3.png" type="image/png" length="1"/>
</item>
<item><guid>4</guid><title>Tiny thumbnail only</title><link>https://site.example/4</link>
  <media:thumbnail url="https://cdn.site.example/icon.png" width="16" height="16"/>
</item>
<item><guid>5</guid><title>Image in the content only</title><link>https://site.example/5</link>
  <description>&lt;p&gt;&lt;img src="https://cdn.site.example/5.jpg"&gt;Text&lt;/p&gt;</description>
</item>
</channel></rss>`
	f, err := feeds.Parse([]byte(rss), "", "https://site.example/feed")
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ url, alt string }{
		{"https://cdn.site.example/photo.jpg", "Protesters in Yerevan & police"},
		{"https://site.example/thumbs/2.jpg", ""},
		{"https://cdn.site.example/3.png", ""},
		{"", ""},
		{"", ""}, // the pipeline looks into content
	}
	for i, w := range want {
		if got := f.Items[i].Image; got.URL != w.url || got.Alt != w.alt {
			t.Errorf("item %d (%s): image %+v, want %q %q", i, f.Items[i].Title, got, w.url, w.alt)
		}
	}

	jsonFeed := `{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[
	  {"id":"1","url":"https://j.example/1","title":"A","content_text":"x","image":"https://j.example/a.webp"},
	  {"id":"2","url":"https://j.example/2","title":"B","content_text":"x","banner_image":"https://j.example/b.jpg"}]}`
	f, err = feeds.Parse([]byte(jsonFeed), "application/feed+json", "https://j.example/feed.json")
	if err != nil {
		t.Fatal(err)
	}
	if f.Items[0].Image.URL != "https://j.example/a.webp" || f.Items[1].Image.URL != "https://j.example/b.jpg" {
		t.Errorf("JSON Feed images: %+v, %+v", f.Items[0].Image, f.Items[1].Image)
	}

	atom := `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
	<entry><id>1</id><title>E</title><link href="https://a.example/1"/>
	<link rel="enclosure" type="image/jpeg" href="https://a.example/e.jpg"/><updated>2026-11-01T00:00:00Z</updated></entry></feed>`
	f, err = feeds.Parse([]byte(atom), "", "https://a.example/feed")
	if err != nil {
		t.Fatal(err)
	}
	if f.Items[0].Image.URL != "https://a.example/e.jpg" {
		t.Errorf("Atom enclosure image: %+v", f.Items[0].Image)
	}
}
