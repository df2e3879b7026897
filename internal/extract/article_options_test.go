package extract

import (
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/markusmobius/go-trafilatura"
)

// TestArticleOptionsSweep measures the alternatives to newsOptions on the
// corpus, to show why newsOptions is what it is. It takes a minute, so it
// runs only when asked: ARTICLE_OPTIONS_SWEEP=1 go test -run OptionsSweep -v
func TestArticleOptionsSweep(t *testing.T) {
	if os.Getenv("ARTICLE_OPTIONS_SWEEP") == "" {
		t.Skip("set ARTICLE_OPTIONS_SWEEP=1 to measure the option alternatives")
	}
	pages := loadArticleCorpus(t)
	variants := []struct {
		name   string
		change func(*trafilatura.Options)
	}{
		{"warm-up", func(*trafilatura.Options) {}},
		{"chosen (newsOptions)", func(*trafilatura.Options) {}},
		{"balanced", func(o *trafilatura.Options) { o.Focus = trafilatura.Balanced }},
		{"favor precision", func(o *trafilatura.Options) { o.Focus = trafilatura.FavorPrecision }},
		{"no fallback", func(o *trafilatura.Options) { o.EnableFallback = false }},
		{"no fallback, balanced", func(o *trafilatura.Options) { o.EnableFallback, o.Focus = false, trafilatura.Balanced }},
		{"no fallback, favor precision", func(o *trafilatura.Options) { o.EnableFallback, o.Focus = false, trafilatura.FavorPrecision }},
		{"no images", func(o *trafilatura.Options) { o.IncludeImages = false }},
		{"exclude tables", func(o *trafilatura.Options) { o.ExcludeTables = true }},
		{"include comments", func(o *trafilatura.Options) { o.ExcludeComments = false }},
		{"include links", func(o *trafilatura.Options) { o.IncludeLinks = true }},
		{"deduplicate", func(o *trafilatura.Options) { o.Deduplicate = true }},
		{"no prune", func(o *trafilatura.Options) { o.PruneSelector = "" }},
		{"prune aria-hidden too", func(o *trafilatura.Options) { o.PruneSelector += `,[aria-hidden="true"]` }},
		{"min extracted size 100", func(o *trafilatura.Options) { o.Config = trafilatura.DefaultConfig(); o.Config.MinExtractedSize = 100 }},
		{"min extracted size 500", func(o *trafilatura.Options) { o.Config = trafilatura.DefaultConfig(); o.Config.MinExtractedSize = 500 }},
		{"date extensive", func(o *trafilatura.Options) { o.HtmlDateOptions.SkipExtensiveSearch = false }},
		{"date without time", func(o *trafilatura.Options) { o.HtmlDateOptions.ExtractTime = false }},
		{"date from URL first", func(o *trafilatura.Options) { o.HtmlDateOptions.DeferUrlExtractor = false }},
		{"date disabled", func(o *trafilatura.Options) { o.HtmlDateOptions, o.HtmlDateMode = nil, trafilatura.Disabled }},
	}
	for _, v := range variants {
		options := func(u *url.URL) trafilatura.Options {
			o := newsOptions(u)
			v.change(&o)
			return o
		}
		start := time.Now()
		results := scoreCorpus(pages, options)
		elapsed := time.Since(start)
		s := summarizeCorpus(results)
		var dated, sameDays, sameMinutes, timed int
		for i, r := range results {
			if !r.article.Published.IsZero() {
				dated++
			}
			if same, _ := sameDay(r.article, pages[i].meta); same {
				sameDays++
			}
			if same, known := sameMinute(r.article, pages[i].meta); known {
				timed++
				if same {
					sameMinutes++
				}
			}
		}
		t.Logf("%-30s mean F1 %.4f P %.4f R %.4f median %.4f below0.5 %d errors %d dated %d (same day as Readability %d, minute %d/%d) time %v",
			v.name, s.mean, s.precision, s.recall, s.median, len(s.low), len(s.failed), dated, sameDays, sameMinutes, timed, elapsed.Round(time.Millisecond))
	}
}
