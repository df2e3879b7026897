// Package feeds downloads feeds (HTTP with timeouts, a body cap, gzip and
// conditional requests; file:// for local files) and parses them into
// model.Items with stable keys.
package feeds
