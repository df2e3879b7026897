package telegramapi

import (
	"net/http"
	"strconv"
	"strings"
)

// serveHTTP routes "/bot<token>/<method>" the way the Bot API server does:
// faults first (they stand for the network in front of it), then the token,
// then the method, case-insensitively.
func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	if rest, ok := strings.CutPrefix(r.URL.Path, "/file/bot"); ok {
		s.serveFile(w, rest)
		return
	}
	token, method, ok := splitPath(r.URL.Path)
	p, perr := readParams(r)
	if strings.EqualFold(method, "sendPhoto") && perr == nil {
		p.photoURL = fetchPhotoURL(r.Context(), p.get("photo"))
	}

	s.mu.Lock()
	seen := s.record(method, p)
	if !ok {
		s.answer(w, seen, nil, errNotFound)
		s.mu.Unlock()
		return
	}
	if f, faulty := s.takeFault(strings.ToLower(method)); faulty {
		if !f.Hang {
			s.answered(seen, f.Status, "")
		}
		s.mu.Unlock()
		s.serveFault(w, r, f)
		return
	}
	defer s.mu.Unlock()
	if aerr := s.checkToken(token); aerr != nil {
		s.answer(w, seen, nil, aerr)
		return
	}
	handle := s.handler(strings.ToLower(method), r)
	if handle == nil {
		s.answer(w, seen, nil, errNotFound)
		return
	}
	if perr != nil {
		s.answer(w, seen, nil, badRequest("can't parse request: %v", perr))
		return
	}
	result, aerr := handle(p)
	s.answer(w, seen, result, aerr)
}

func splitPath(path string) (token, method string, ok bool) {
	rest, ok := strings.CutPrefix(path, "/bot")
	if !ok {
		return "", "", false
	}
	token, method, ok = strings.Cut(rest, "/")
	return token, method, ok && method != "" && !strings.Contains(method, "/")
}

// checkToken mirrors the real server: a token that cannot be a bot token is
// refused before Telegram is asked, a well-formed wrong one after.
func (s *Server) checkToken(token string) *apiError {
	id, _, hasColon := strings.Cut(token, ":")
	if token == "" || token[0] == '0' || len(token) > 80 || strings.Contains(token, "/") || !hasColon {
		return errInvalidToken
	}
	if n, err := strconv.ParseInt(id, 10, 64); err != nil || n <= 0 || n >= 1<<54 {
		return errInvalidToken
	}
	if token != s.opts.Token {
		return errUnauthorized
	}
	return nil
}

// handler returns the method's implementation. It runs with s.mu held;
// getUpdates, which may wait for updates, releases it while waiting and
// stops waiting when r's client goes away.
func (s *Server) handler(method string, r *http.Request) func(params) (any, *apiError) {
	switch method {
	case "getme":
		return s.getMe
	case "getchat":
		return s.getChat
	case "sendmessage":
		return s.sendMessage
	case "sendphoto":
		return s.sendPhoto
	case "senddocument":
		return s.sendDocument
	case "getfile":
		return s.getFile
	case "getupdates":
		return func(p params) (any, *apiError) { return s.getUpdates(r.Context(), p) }
	case "setwebhook":
		return s.setWebhook
	case "deletewebhook":
		return s.deleteWebhook
	case "getwebhookinfo":
		return s.getWebhookInfo
	case "setmycommands":
		return s.setMyCommands
	case "getmycommands":
		return s.getMyCommands
	case "deletemycommands":
		return s.deleteMyCommands
	case "answercallbackquery":
		return s.answerCallbackQuery
	case "editmessagereplymarkup":
		return s.editMessageReplyMarkup
	}
	return nil
}

// answer writes the response and completes the request's record; s.mu
// must be held.
func (s *Server) answer(w http.ResponseWriter, seen int, result any, aerr *apiError) {
	if aerr != nil {
		s.answered(seen, aerr.code, aerr.description)
		writeJSON(w, aerr.code, aerr.response())
		return
	}
	s.answered(seen, http.StatusOK, "")
	body := response{OK: true, Result: result}
	if d, ok := result.(described); ok {
		body.Result, body.Description = d.result, d.description
	}
	writeJSON(w, http.StatusOK, body)
}
