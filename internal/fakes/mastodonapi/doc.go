// Package mastodonapi is an in-process fake of a Mastodon server for
// end-to-end tests of code built on go-mastodon (or any client that speaks
// the Mastodon REST API).
//
// It answers like a real instance rather than like a mock: statuses are
// measured with the server's own rule (statuslen.Count) against
// max_characters, error bodies and status codes are Mastodon's, every API
// response carries X-RateLimit-* headers and the limits are enforced, and an
// Idempotency-Key replays the status it first created for an hour, as
// Mastodon does through Redis. Faults that the network produces (a 502 page
// from the proxy, a dropped connection, a request that never answers) can be
// injected, including after the status was created, to test that a retry
// does not post twice.
//
//	srv := mastodonapi.New(mastodonapi.Options{Token: "secret"})
//	defer srv.Close()
//	client := mastodon.NewClient(&mastodon.Config{Server: srv.URL(), AccessToken: "secret"})
//	st, err := client.PostStatus(ctx, &mastodon.Toot{Status: "hello"})
//	// srv.Statuses() now holds the status as the server stored it.
//
// Endpoints: GET /api/v1/instance, GET /api/v2/instance,
// GET /api/v1/accounts/verify_credentials, POST /api/v1/statuses,
// GET /api/v1/statuses/:id, POST /api/v1/media and /api/v2/media,
// GET /api/v1/media/:id. Anything else is a 404.
//
// Media behave as in Mastodon 4.3: uploads over image_size_limit or with a
// description over description_limit are refused with 422, uploads are
// limited to 30 per 30 minutes per account, v2 uploads can be made to need
// processing (202, then 206 on GET until done, Options.MediaProcessingPolls),
// and a status naming unknown, used or unprocessed media is refused with 422.
//
// Not modelled: scheduled statuses and polls (answered 501 so a test notices),
// hashtags, mentions and link cards in the rendered content (the HTML holds
// escaped paragraphs only), media conversion (files are stored as sent),
// OAuth scopes (the one token may do everything). Unlike a real instance,
// which exempts 127.0.0.1 from its rate limits, the fake always enforces them.
//
// Specs: https://docs.joinmastodon.org/methods/statuses/#create
package mastodonapi
