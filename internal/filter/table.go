package filter

// Table holds the filters of every source and target that has some.
type Table struct {
	sources, targets map[string]*Filter
}

// NewTable builds an empty table; Source and Target fill it.
func NewTable() *Table {
	return &Table{sources: map[string]*Filter{}, targets: map[string]*Filter{}}
}

// Source sets a source's filter (nil: none).
func (t *Table) Source(id string, f *Filter) {
	if f != nil {
		t.sources[id] = f
	}
}

// Target sets a target's filter (nil: none).
func (t *Table) Target(id string, f *Filter) {
	if f != nil {
		t.targets[id] = f
	}
}

// Skips returns, for each of the targets that must not get the item, the
// reason, as "filtered: source asbarez filters.exclude[0]: keyword "ad" in
// title". A source's filters apply to all its targets, and are asked first;
// a target's to its own deliveries. Nil when every target gets it.
func (t *Table) Skips(sourceID string, targets []string, it Item) map[string]string {
	if t == nil || (t.sources[sourceID] == nil && len(t.targets) == 0) {
		return nil
	}
	text := NewText(it)
	var out map[string]string
	skip := func(target, reason string) {
		if out == nil {
			out = map[string]string{}
		}
		out[target] = reason
	}
	if ok, why := t.sources[sourceID].Check(text); !ok {
		for _, id := range targets {
			skip(id, "filtered: source "+sourceID+" filters."+why)
		}
		return out
	}
	for _, id := range targets {
		if ok, why := t.targets[id].Check(text); !ok {
			skip(id, "filtered: target "+id+" filters."+why)
		}
	}
	return out
}
