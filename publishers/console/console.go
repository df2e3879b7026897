// Package console "publishes" posts by printing them, for trying crier out
// and for operators who pipe posts elsewhere.
package console

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"

	"github.com/crierhq/crier/internal/model"
)

// Publisher writes each post to an io.Writer, separated by a rule line.
type Publisher struct {
	mu     sync.Mutex
	w      io.Writer
	target string
	n      int
}

// New prints to w; target names the target in the separator line.
func New(w io.Writer, target string) *Publisher { return &Publisher{w: w, target: target} }

// Fits accepts any length: a terminal has no limit.
func (p *Publisher) Fits(context.Context) func(string) bool { return nil }

// Publish prints the post and returns its sequence number in this process.
func (p *Publisher) Publish(_ context.Context, msg model.Message) (string, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.n++
	rule := "── " + p.target + " #" + strconv.Itoa(p.n) + " " + strings.Repeat("─", 40)
	if _, err := fmt.Fprintf(p.w, "%s\n%s\n\n", rule, msg.Text); err != nil {
		return "", &model.PublishError{Reason: "console: " + err.Error(), Err: err}
	}
	return strconv.Itoa(p.n), nil
}
