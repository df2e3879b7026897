package tghtml

import (
	"errors"
	"fmt"
)

// ErrInvalidUTF8 is returned for input that is not valid UTF-8. TDLib rejects
// such text before parsing it, so the Bot API reports it as
// "Bad Request: text must be encoded in UTF-8", not as a parse error.
var ErrInvalidUTF8 = errors.New("Text must be encoded in UTF-8")

// ParseError is a markup error. Message is TDLib's text verbatim; the Bot API
// wraps it as "Bad Request: can't parse entities: " + Message.
type ParseError struct {
	Message string
}

func (e *ParseError) Error() string { return e.Message }

func parseErrorf(format string, args ...any) *ParseError {
	return &ParseError{Message: fmt.Sprintf(format, args...)}
}
