package main

import (
	"testing"
	"time"
)

func TestSchedulesAgreeAcrossReplicas(t *testing.T) {
	every, err := parseSchedule("@every 10s")
	if err != nil {
		t.Fatal(err)
	}
	// Two processes started 3.2 s apart fire at the same instants.
	a := every.Next(time.Date(2026, 11, 29, 12, 0, 1, 0, time.UTC))
	b := every.Next(time.Date(2026, 11, 29, 12, 0, 4, 200, time.UTC))
	if !a.Equal(b) || !a.Equal(time.Date(2026, 11, 29, 12, 0, 10, 0, time.UTC)) {
		t.Errorf("next %v and %v", a, b)
	}
	now := time.Date(2026, 11, 29, 12, 0, 17, 0, time.UTC)
	if p := prevDue(every, now); !p.Equal(time.Date(2026, 11, 29, 12, 0, 10, 0, time.UTC)) {
		t.Errorf("prev due %v", p)
	}
	spec, _ := parseSchedule("*/10 * * * *")
	if p := prevDue(spec, time.Date(2026, 11, 29, 12, 27, 3, 0, time.UTC)); !p.Equal(time.Date(2026, 11, 29, 12, 20, 0, 0, time.UTC)) {
		t.Errorf("prev due of */10: %v", p)
	}
	monthly, _ := parseSchedule("0 0 1 * *")
	now = time.Date(2026, 11, 29, 12, 27, 3, 0, time.UTC)
	if p := prevDue(monthly, now); !p.Equal(now.Truncate(time.Minute)) {
		t.Errorf("prev due of a monthly schedule: %v", p)
	}
	if _, err := parseSchedule("every minute"); err == nil {
		t.Error("a bad spec parsed")
	}
}
