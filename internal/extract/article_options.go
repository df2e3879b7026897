package extract

import (
	"net/url"

	"github.com/markusmobius/go-htmldate"
	"github.com/markusmobius/go-trafilatura"
)

// newsOptions are the trafilatura options for news articles. Each was chosen
// by its mean F1 on the Readability corpus (TestArticleCorpus; rerun the
// alternatives with TestArticleOptionsSweep). The chosen set scores 0.948.
//
//   - FavorRecall: 0.948, against 0.943 balanced and 0.946 FavorPrecision.
//     Precision has the better precision (0.960) but loses most of a page
//     now and then (engadget 0.11, nytimes-5 0.22), and a post made from
//     a caption and a byline is worse than one with a stray "Read more".
//   - EnableFallback: without it, 0.922. Readability and DOM Distiller
//     rescue the pages where trafilatura's own heuristics find too little.
//   - IncludeImages: 0.945 without. Keeping images keeps their figures
//     whole, captions included, and gives a lead image when the page
//     declares none.
//   - Tables kept: 0.937 when excluded; articles put data in tables.
//   - ExcludeComments: no change in F1 (comments come out separately and
//     are dropped), and less work.
//   - Links and Deduplicate off: 0.940 and 0.938 with them.
//   - PruneSelector drops elements with the hidden attribute, which
//     browsers do not render (0.945 without). hidden="until-found" marks
//     collapsed sections that find-in-page opens, so it stays.
//     aria-hidden="true", which Readability also drops, hides things from
//     screen readers only and gained nothing measurable, so it stays.
//   - MinExtractedSize stays at its 250 runes: 100 scores 0.950 by
//     rescuing the corpus's two-line synthetic pages, but loses text on real
//     articles (cnn, breitbart, daringfireball); 500 scores 0.944.
//   - The date: htmldate's fast search (without go-dateparser), with the
//     time of day, and the date in the URL only as a last resort. That
//     gives Readability's minute on 23 of the 31 pages where it found a
//     time, against 18 when the URL's date, a day without a time, comes
//     first, and none without ExtractTime; the day matches on 27 of 33.
//     The extensive search dates more pages (93 against 78) but matches
//     Readability less often (26 days, 22 minutes) and costs more. With
//     htmldate disabled no date is found at all, not even in <meta>.
func newsOptions(base *url.URL) trafilatura.Options {
	return trafilatura.Options{
		OriginalURL:     base,
		Focus:           trafilatura.FavorRecall,
		EnableFallback:  true,
		IncludeImages:   true,
		ExcludeTables:   false,
		ExcludeComments: true,
		PruneSelector:   `[hidden]:not([hidden="until-found"])`,
		HtmlDateOptions: &htmldate.Options{
			UseOriginalDate:     true,
			SkipExtensiveSearch: true,
			ExtractTime:         true,
			DeferUrlExtractor:   true,
		},
	}
}
