package mastodonapi

import "time"

// The JSON entities below follow Mastodon's REST serializers, field for
// field where a client might read them. Empty lists are [] and absent
// values null, as Mastodon sends them.
// Specs: https://docs.joinmastodon.org/entities/Status/

// accountID is the ID of the token's account; Mastodon's first local
// account gets a small number too.
const accountID = "109348296542385011"

// accountCreated is when the fake account signed up. Mastodon reports
// created_at at midnight.
var accountCreated = time.Date(2022, time.November, 14, 0, 0, 0, 0, time.UTC)

type statusJSON struct {
	ID                 string          `json:"id"`
	CreatedAt          string          `json:"created_at"`
	InReplyToID        *string         `json:"in_reply_to_id"`
	InReplyToAccountID *string         `json:"in_reply_to_account_id"`
	Sensitive          bool            `json:"sensitive"`
	SpoilerText        string          `json:"spoiler_text"`
	Visibility         string          `json:"visibility"`
	Language           string          `json:"language"`
	URI                string          `json:"uri"`
	URL                string          `json:"url"`
	RepliesCount       int             `json:"replies_count"`
	ReblogsCount       int             `json:"reblogs_count"`
	FavouritesCount    int             `json:"favourites_count"`
	EditedAt           *string         `json:"edited_at"`
	Favourited         bool            `json:"favourited"`
	Reblogged          bool            `json:"reblogged"`
	Muted              bool            `json:"muted"`
	Bookmarked         bool            `json:"bookmarked"`
	Pinned             bool            `json:"pinned"`
	Content            string          `json:"content"`
	Filtered           []any           `json:"filtered"`
	Reblog             *statusJSON     `json:"reblog"`
	Application        applicationJSON `json:"application"`
	Account            accountJSON     `json:"account"`
	MediaAttachments   []mediaJSON     `json:"media_attachments"`
	Mentions           []any           `json:"mentions"`
	Tags               []any           `json:"tags"`
	Emojis             []any           `json:"emojis"`
	Card               *absent         `json:"card"`
	Poll               *absent         `json:"poll"`
}

// absent stands for entities the fake never produces (cards, polls).
type absent struct{}

type applicationJSON struct {
	Name    string  `json:"name"`
	Website *string `json:"website"`
}

type accountJSON struct {
	ID              string  `json:"id"`
	Username        string  `json:"username"`
	Acct            string  `json:"acct"`
	DisplayName     string  `json:"display_name"`
	Locked          bool    `json:"locked"`
	Bot             bool    `json:"bot"`
	Discoverable    bool    `json:"discoverable"`
	Indexable       bool    `json:"indexable"`
	Group           bool    `json:"group"`
	CreatedAt       string  `json:"created_at"`
	Note            string  `json:"note"`
	URL             string  `json:"url"`
	URI             string  `json:"uri"`
	Avatar          string  `json:"avatar"`
	AvatarStatic    string  `json:"avatar_static"`
	Header          string  `json:"header"`
	HeaderStatic    string  `json:"header_static"`
	FollowersCount  int     `json:"followers_count"`
	FollowingCount  int     `json:"following_count"`
	StatusesCount   int     `json:"statuses_count"`
	LastStatusAt    *string `json:"last_status_at"`
	HideCollections bool    `json:"hide_collections"`
	Noindex         bool    `json:"noindex"`
	Emojis          []any   `json:"emojis"`
	Roles           []any   `json:"roles"`
	Fields          []any   `json:"fields"`
}

type mediaJSON struct {
	ID               string    `json:"id"`
	Type             string    `json:"type"`
	URL              *string   `json:"url"`
	PreviewURL       string    `json:"preview_url"`
	RemoteURL        *string   `json:"remote_url"`
	PreviewRemoteURL *string   `json:"preview_remote_url"`
	TextURL          *string   `json:"text_url"`
	Meta             mediaMeta `json:"meta"`
	Description      *string   `json:"description"`
	Blurhash         string    `json:"blurhash"`
}

type mediaMeta struct {
	Original mediaSize `json:"original"`
	Small    mediaSize `json:"small"`
}

type mediaSize struct {
	Width  int     `json:"width"`
	Height int     `json:"height"`
	Size   string  `json:"size"`
	Aspect float64 `json:"aspect"`
}

// timestamp formats times the way Mastodon's serializers do:
// "2024-05-01T12:00:00.000Z".
func timestamp(t time.Time) string {
	return t.UTC().Format("2006-01-02T15:04:05.000Z07:00")
}

func (s *Server) account() accountJSON {
	u := s.opts.Username
	a := accountJSON{
		ID:           accountID,
		Username:     u,
		Acct:         u,
		DisplayName:  u,
		Bot:          true,
		Discoverable: true,
		CreatedAt:    timestamp(accountCreated),
		URL:          s.base + "/@" + u,
		URI:          s.base + "/users/" + u,
		Avatar:       s.base + "/avatars/original/missing.png",
		AvatarStatic: s.base + "/avatars/original/missing.png",
		Header:       s.base + "/headers/original/missing.png",
		HeaderStatic: s.base + "/headers/original/missing.png",
		Emojis:       []any{},
		Roles:        []any{},
		Fields:       []any{},
	}
	a.StatusesCount = len(s.statuses)
	if n := len(s.statuses); n > 0 {
		day := s.statuses[n-1].CreatedAt.UTC().Format("2006-01-02")
		a.LastStatusAt = &day
	}
	return a
}
