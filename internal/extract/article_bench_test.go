package extract

import (
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"testing"
	"time"
)

// benchPages span the corpus: a short news story, a long one, a French one
// and a long encyclopedia page (the slowest of the corpus).
var benchPages = []string{"bbc-1", "nytimes-3", "lemonde-1", "wikipedia-2"}

// BenchmarkArticleFromHTML reports throughput in page bytes (MB/s), the
// allocations of one extraction, and peak-heap-MB: the most the live heap grew
// during one extraction, sampled (so a rough figure, garbage not yet collected
// included, at the default GOGC).
func BenchmarkArticleFromHTML(b *testing.B) {
	if _, err := os.Stat(articleCorpusDir); err != nil {
		b.Skipf("shared test data not available: %v", err)
	}
	for _, name := range benchPages {
		page := readGzip(b, filepath.Join(articleCorpusDir, name, "source.html.gz"))
		b.Run(name, func(b *testing.B) {
			peak := peakHeapGrowth(func() { _, _ = ArticleFromHTML(page, corpusPageURL) })
			b.SetBytes(int64(len(page)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ArticleFromHTML(page, corpusPageURL); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(peak)/1e6, "peak-heap-MB")
		})
	}
}

// peakHeapGrowth runs f and returns how far the bytes in heap objects rose
// above what they were before it, sampled every 50 µs.
func peakHeapGrowth(f func()) uint64 {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 {
		metrics.Read(sample)
		return sample[0].Value.Uint64()
	}
	runtime.GC()
	base := read()
	done := make(chan struct{})
	result := make(chan uint64)
	go func() {
		peak := base
		tick := time.NewTicker(50 * time.Microsecond)
		defer tick.Stop()
		for {
			peak = max(peak, read())
			select {
			case <-done:
				result <- max(peak, read())
				return
			case <-tick.C:
			}
		}
	}()
	f()
	close(done)
	return <-result - base
}
