// Package dedupe recognises the same story told by two items: an
// aggregator's copy and the original, or two wire copies. It fingerprints an
// item's title and lede with MinHash over word bigrams, so the store can find
// candidates by exact band lookups (locality-sensitive hashing) and the
// estimated Jaccard similarity of two fingerprints decides.
package dedupe
