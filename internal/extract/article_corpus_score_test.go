package extract

import (
	"net/url"
	"runtime"
	"slices"
	"sync"

	"github.com/markusmobius/go-trafilatura"
)

// corpusResult is one page's outcome.
type corpusResult struct {
	name                  string
	f1, precision, recall float64
	err                   error
	article               Article
}

// scoreCorpus extracts every page with the given options on one worker per
// CPU (trafilatura keeps no shared state) and scores it against expected.html.
// A page whose extraction fails scores 0.
func scoreCorpus(pages []corpusPage, options func(*url.URL) trafilatura.Options) []corpusResult {
	results := make([]corpusResult, len(pages))
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				p := pages[i]
				r := corpusResult{name: p.name}
				r.article, r.err = articleFromHTML(p.source, corpusPageURL, options)
				if r.err == nil {
					r.f1, r.precision, r.recall = shingleF1(shingles(r.article.Text()), p.want)
				}
				results[i] = r
			}
		})
	}
	for i := range pages {
		next <- i
	}
	close(next)
	wg.Wait()
	return results
}

// corpusSummary condenses results for the log.
type corpusSummary struct {
	mean, median, precision, recall float64
	failed, low                     []string // extraction errors; F1 below 0.5
}

func summarizeCorpus(results []corpusResult) corpusSummary {
	var s corpusSummary
	f1s := make([]float64, len(results))
	for i, r := range results {
		f1s[i] = r.f1
		s.mean += r.f1
		s.precision += r.precision
		s.recall += r.recall
		if r.err != nil {
			s.failed = append(s.failed, r.name)
		}
		if r.f1 < 0.5 {
			s.low = append(s.low, r.name)
		}
	}
	n := float64(len(results))
	s.mean, s.precision, s.recall = s.mean/n, s.precision/n, s.recall/n
	slices.Sort(f1s)
	s.median = f1s[len(f1s)/2]
	if len(f1s)%2 == 0 {
		s.median = (f1s[len(f1s)/2-1] + f1s[len(f1s)/2]) / 2
	}
	return s
}
