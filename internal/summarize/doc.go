// Package summarize splits plain text into sentences and picks the leading
// ones that fit a post's length budget.
//
// This first version is rule-based: sentence ends are found from punctuation,
// per-language abbreviation lists and a few typographic heuristics, and the
// summary is the lead of the article, which news writing puts first.
package summarize
