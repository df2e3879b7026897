package telegramapi

// Specs: https://core.telegram.org/bots/api#getme
func (s *Server) getMe(params) (any, *apiError) {
	return botJSON{
		ID: s.opts.BotID, IsBot: true, FirstName: s.opts.FirstName, Username: s.opts.Username,
		CanJoinGroups: true,
	}, nil
}

// Specs: https://core.telegram.org/bots/api#getchat
func (s *Server) getChat(p params) (any, *apiError) {
	chat, aerr := s.findChat(p.get("chat_id"))
	if aerr != nil {
		return nil, aerr
	}
	return newChatJSON(chat), nil
}
