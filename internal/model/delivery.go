package model

import (
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// DeliveryState is where a delivery stands.
type DeliveryState string

const (
	DeliveryPending DeliveryState = "pending"
	DeliverySending DeliveryState = "sending" // claimed by a worker
	DeliverySent    DeliveryState = "sent"
	DeliveryFailed  DeliveryState = "failed"
	// DeliverySkipped deliveries are never sent; LastError says why (the
	// target already has the story from another item).
	DeliverySkipped DeliveryState = "skipped"
)

// Delivery is one item to be posted to one target; the store keeps exactly one
// per (item, target).
type Delivery struct {
	ID         int64
	TargetID   string
	State      DeliveryState
	Attempts   int
	NextAt     time.Time
	RemoteID   string
	LastError  string
	SourceName string
	Item       Item
	// Claim fences the worker's lease: recording an outcome requires it.
	Claim      int64
	LeaseUntil time.Time
}

// IdempotencyKey is stable for one (target, source, item) whatever the store's
// row ids, so a resend after a timeout or a crash is recognised by platforms
// that remember keys (Mastodon keeps them for an hour).
func (d Delivery) IdempotencyKey() string {
	h := sha256.New()
	for _, part := range []string{d.TargetID, d.Item.SourceID, d.Item.Key} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return "crier-" + hex.EncodeToString(h.Sum(nil)[:16])
}
