package telegram

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/crierhq/crier/internal/model"
)

// AdminNotifier sends operational notices (a paused target) to the bot's
// admins in their private chats, as plain text.
type AdminNotifier struct {
	publishers []*Publisher
}

// Notifier returns a notifier for the admins' user ids.
func (c *Client) Notifier(admins []int64) *AdminNotifier {
	n := &AdminNotifier{}
	for _, id := range admins {
		n.publishers = append(n.publishers, c.Publisher(strconv.FormatInt(id, 10), Options{DisableWebPagePreview: true}))
	}
	return n
}

// Notify tells every admin; it returns the failures, joined.
func (n *AdminNotifier) Notify(ctx context.Context, text string) error {
	var errs []error
	for _, p := range n.publishers {
		if err := p.Wait(ctx); err != nil {
			return err
		}
		if _, err := p.Publish(ctx, model.Message{Text: text, Format: model.FormatPlain}); err != nil {
			errs = append(errs, fmt.Errorf("admin %s: %w", p.address(), err))
		}
	}
	return errors.Join(errs...)
}
