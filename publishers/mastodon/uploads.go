package mastodon

import (
	"sync"
	"time"
)

// uploads remembers, per idempotency key, the attachment uploaded for a
// delivery whose status then failed, so that the retry attaches it instead
// of uploading the image again and spending the media rate limit twice.
// Mastodon deletes unattached media after a day; an hour is enough here.
type uploads struct {
	mu sync.Mutex
	m  map[string]upload
}

type upload struct {
	id string
	at time.Time
}

const (
	uploadTTL  = time.Hour
	maxUploads = 256 // bounds memory if statuses keep failing
)

func (u *uploads) get(key string, now time.Time) (string, bool) {
	if key == "" {
		return "", false
	}
	u.mu.Lock()
	defer u.mu.Unlock()
	up, ok := u.m[key]
	if !ok || now.Sub(up.at) > uploadTTL {
		return "", false
	}
	return up.id, true
}

func (u *uploads) put(key, id string, now time.Time) {
	if key == "" {
		return
	}
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.m == nil {
		u.m = make(map[string]upload)
	}
	for k, up := range u.m {
		if now.Sub(up.at) > uploadTTL {
			delete(u.m, k)
		}
	}
	if len(u.m) < maxUploads {
		u.m[key] = upload{id: id, at: now}
	}
}

func (u *uploads) forget(key string) {
	u.mu.Lock()
	defer u.mu.Unlock()
	delete(u.m, key)
}
