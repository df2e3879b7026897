// Package statuslen measures Mastodon statuses the way Mastodon does.
//
// Two counters exist upstream and they disagree.
//
// The server's StatusLengthValidator is the one that rejects a status (422
// "Validation failed: Text character limit of 500 exceeded"). It strips the
// text and content warning, then counts grapheme clusters of the content
// warning followed by the text, in which every URL that twitter-text would
// auto-link counts as 23 characters and every remote mention "@user@domain"
// as "@user". Only URLs with a scheme qualify: the server calls
// twitter-text with extract_url_without_protocol: false, so a bare
// "example.com" counts as its 11 letters, as do URLs twitter-text rejects
// (an unknown TLD, a label longer than 63, more than 4096 characters once
// IDNA-encoded). Count and CountWithSpoiler implement this rule, and crier
// must use them: a status is accepted exactly when the count is at most
// the instance's configuration.statuses.max_characters.
//
// The web composer's counter (counter.ts in
// app/javascript/mastodon/features/compose/util) is more generous: it also
// collapses URLs without a scheme, so a status the composer shows as
// fitting can still be refused by the server. CountableText and
// ExtractMentionsWithIndices follow it, to explain what a person sees in
// the composer, never to decide what to send.
//
// Specs:
// https://github.com/mastodon/mastodon/blob/main/app/validators/status_length_validator.rb
// https://github.com/mastodon/mastodon/blob/main/app/lib/extractor.rb
// https://github.com/twitter/twitter-text/blob/master/rb/lib/twitter-text/regex.rb
// https://docs.joinmastodon.org/entities/Instance/#characters_reserved_per_url
package statuslen
