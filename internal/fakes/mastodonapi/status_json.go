package mastodonapi

// statusJSON renders a stored status; s.mu must be held.
func (s *Server) statusJSON(st Status) statusJSON {
	j := statusJSON{
		ID:               st.ID,
		CreatedAt:        timestamp(st.CreatedAt),
		Sensitive:        st.Sensitive,
		SpoilerText:      st.SpoilerText,
		Visibility:       st.Visibility,
		Language:         st.Language,
		URI:              s.base + "/users/" + s.opts.Username + "/statuses/" + st.ID,
		URL:              st.URL,
		Content:          renderContent(st.Text),
		Filtered:         []any{},
		Application:      applicationJSON{Name: "crier"},
		Account:          s.account(),
		MediaAttachments: []mediaJSON{},
		Mentions:         []any{},
		Tags:             []any{},
		Emojis:           []any{},
	}
	if st.InReplyToID != "" {
		reply, to := st.InReplyToID, accountID
		j.InReplyToID, j.InReplyToAccountID = &reply, &to
	}
	for _, id := range st.MediaIDs {
		j.MediaAttachments = append(j.MediaAttachments, s.mediaJSON(s.media[id]))
	}
	return j
}
