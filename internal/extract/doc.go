// Package extract turns what crier reads into clean plain text for
// summarising: the content that feeds carry (HTML fragments, or plain text
// with character references), and whole article pages, whose main text is
// found with go-trafilatura. Boilerplate cleaning and attribution live in the
// clean subpackage.
package extract
