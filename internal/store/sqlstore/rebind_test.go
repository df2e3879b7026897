package sqlstore_test

import (
	"testing"

	"github.com/crierhq/crier/internal/store/sqlstore"
)

func TestRebind(t *testing.T) {
	tests := map[string]string{
		`SELECT ? , ?`:            `SELECT $1 , $2`,
		`WHERE a = '?' AND b = ?`: `WHERE a = '?' AND b = $1`,
		"-- the CTE's rows, a '?'\nWHERE x = ? AND y=?": "-- the CTE's rows, a '?'\nWHERE x = $1 AND y=$2",
		`SELECT "we?ird" FROM t WHERE id = ?`:           `SELECT "we?ird" FROM t WHERE id = $1`,
		`a - b = ? -- done ?`:                           `a - b = $1 -- done ?`,
		`no placeholders`:                               `no placeholders`,
	}
	for in, want := range tests {
		if got := sqlstore.Rebind(in); got != want {
			t.Errorf("Rebind(%q) = %q, want %q", in, got, want)
		}
	}
}
