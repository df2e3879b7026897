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
	token, method, ok := splitPath(r.URL.Path)
	p, perr := readParams(r)

	s.mu.Lock()
	if !ok {
		s.answer(w, method, p, nil, errNotFound)
		s.mu.Unlock()
		return
	}
	if f, faulty := s.takeFault(strings.ToLower(method)); faulty {
		status := f.Status
		if f.Hang {
			status = 0
		}
		s.record(method, p, status, "")
		s.mu.Unlock()
		s.serveFault(w, r, f)
		return
	}
	defer s.mu.Unlock()
	if aerr := s.checkToken(token); aerr != nil {
		s.answer(w, method, p, nil, aerr)
		return
	}
	handle := s.handler(strings.ToLower(method))
	if handle == nil {
		s.answer(w, method, p, nil, errNotFound)
		return
	}
	if perr != nil {
		s.answer(w, method, p, nil, badRequest("can't parse request: %v", perr))
		return
	}
	result, aerr := handle(p)
	s.answer(w, method, p, result, aerr)
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

func (s *Server) handler(method string) func(params) (any, *apiError) {
	switch method {
	case "getme":
		return s.getMe
	case "getchat":
		return s.getChat
	case "sendmessage":
		return s.sendMessage
	case "sendphoto":
		return s.sendPhoto
	}
	return nil
}

// answer records the request and writes the response; s.mu must be held.
func (s *Server) answer(w http.ResponseWriter, method string, p params, result any, aerr *apiError) {
	if aerr != nil {
		s.record(method, p, aerr.code, aerr.description)
		writeJSON(w, aerr.code, aerr.response())
		return
	}
	s.record(method, p, http.StatusOK, "")
	writeJSON(w, http.StatusOK, response{OK: true, Result: result})
}
