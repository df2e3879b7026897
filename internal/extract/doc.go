// Package extract turns the content that feeds carry (HTML fragments, or plain
// text with character references) into clean plain text for summarising.
//
// This first version works on the feed item's own content; full-text
// extraction from article pages and boilerplate cleaning come later.
package extract
