package extract

import (
	"strings"
	"testing"
	"time"
)

// sameDay reports whether the article's date is the day Readability found,
// and whether Readability found one.
func sameDay(a Article, m corpusMetadata) (same, known bool) {
	if m.PublishedTime == nil || len(*m.PublishedTime) < 10 {
		return false, false
	}
	return !a.Published.IsZero() && a.Published.Format(time.DateOnly) == (*m.PublishedTime)[:10], true
}

// sameMinute reports whether the article's time, on its own clock, is the
// wall-clock minute Readability found, and whether Readability found a time.
func sameMinute(a Article, m corpusMetadata) (same, known bool) {
	if m.PublishedTime == nil || len(*m.PublishedTime) < 16 {
		return false, false
	}
	want := strings.Replace((*m.PublishedTime)[:16], " ", "T", 1)
	return !a.Published.IsZero() && a.Published.Format("2006-01-02T15:04") == want, true
}

// logMetadataAgreement reports how often Article's metadata equals
// Readability's, where Readability found any.
func logMetadataAgreement(t *testing.T, pages []corpusPage, results []corpusResult) {
	t.Helper()
	var title, titles, author, authors, lang, langs, date, dates, minute, minutes int
	for i, p := range pages {
		a := results[i].article
		if p.meta.Title != "" {
			titles++
			if oneLine(p.meta.Title) == a.Title {
				title++
			}
		}
		if p.meta.Byline != nil && *p.meta.Byline != "" {
			authors++
			if strings.Contains(oneLine(*p.meta.Byline), a.Byline) && a.Byline != "" {
				author++
			}
		}
		if same, known := sameDay(a, p.meta); known {
			dates++
			if same {
				date++
			}
		}
		if same, known := sameMinute(a, p.meta); known {
			minutes++
			if same {
				minute++
			}
		}
		if p.meta.Lang != nil && *p.meta.Lang != "" {
			langs++
			if strings.EqualFold(languageTag(*p.meta.Lang), a.Language) {
				lang++
			} else {
				t.Logf("%s: lang %q, Readability %q", p.name, a.Language, *p.meta.Lang)
			}
		}
	}
	t.Logf("metadata equal to Readability's: title %d/%d, byline %d/%d (contained), lang %d/%d, published day %d/%d, minute %d/%d",
		title, titles, author, authors, lang, langs, date, dates, minute, minutes)
}
