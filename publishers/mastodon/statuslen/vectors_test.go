package statuslen_test

import (
	"encoding/json"
	"os"
	"reflect"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/crierhq/crier/publishers/mastodon/statuslen"
)

const vectorsPath = "../../../../shared/testdata/posting/mastodon/length_vectors.json"

// vectors mirrors length_vectors.json, transcribed by hand from Mastodon's
// spec/validators/status_length_validator_spec.rb and the web composer's
// counter.test.ts.
type vectors struct {
	StatusLengthValidator struct {
		Limit int `json:"limit"`
		Cases []struct {
			It              string `json:"it"`
			SpoilerText     string `json:"spoiler_text"`
			Text            string `json:"text"`
			Valid           bool   `json:"valid"`
			CountableLength *int   `json:"countable_length"`
		} `json:"cases"`
	} `json:"status_length_validator"`
	CountableText struct {
		Cases []struct {
			It       string `json:"it"`
			Input    string `json:"input"`
			Expected string `json:"expected"`
		} `json:"cases"`
	} `json:"countable_text"`
	ExtractMentionsWithIndices struct {
		Cases []struct {
			It       string `json:"it"`
			Input    string `json:"input"`
			Expected []struct {
				Indices  [2]int `json:"indices"`
				Username string `json:"username"`
				Host     string `json:"host"`
			} `json:"expected"`
		} `json:"cases"`
	} `json:"extract_mentions_with_indices"`
}

func loadVectors(t *testing.T) vectors {
	t.Helper()
	raw, err := os.ReadFile(vectorsPath)
	if err != nil {
		t.Fatalf("read vectors: %v", err)
	}
	var v vectors
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatalf("decode vectors: %v", err)
	}
	return v
}

func TestStatusLengthValidatorVectors(t *testing.T) {
	v := loadVectors(t).StatusLengthValidator
	if len(v.Cases) == 0 {
		t.Fatal("no cases")
	}
	for _, c := range v.Cases {
		t.Run(c.It, func(t *testing.T) {
			got := statuslen.CountWithSpoiler(c.SpoilerText, c.Text, statuslen.DefaultURLLength)
			if valid := got <= v.Limit; valid != c.Valid {
				t.Errorf("count %d against limit %d: valid = %v, want %v", got, v.Limit, valid, c.Valid)
			}
			if c.CountableLength != nil && got != *c.CountableLength {
				t.Errorf("count = %d, want %d", got, *c.CountableLength)
			}
		})
	}
}

func TestCountableTextVectors(t *testing.T) {
	cases := loadVectors(t).CountableText.Cases
	if len(cases) == 0 {
		t.Fatal("no cases")
	}
	for _, c := range cases {
		t.Run(c.It, func(t *testing.T) {
			if got := statuslen.CountableText(c.Input); got != c.Expected {
				t.Errorf("CountableText(%q) = %q, want %q", c.Input, got, c.Expected)
			}
		})
	}
}

func TestExtractMentionsWithIndicesVectors(t *testing.T) {
	cases := loadVectors(t).ExtractMentionsWithIndices.Cases
	if len(cases) == 0 {
		t.Fatal("no cases")
	}
	type jsMention struct {
		Indices        [2]int
		Username, Host string
	}
	for _, c := range cases {
		t.Run(c.It, func(t *testing.T) {
			got := []jsMention{}
			for _, m := range statuslen.ExtractMentionsWithIndices(c.Input) {
				if want := "@" + m.Username + "@" + m.Host; c.Input[m.Start:m.End] != want {
					t.Errorf("text[%d:%d] = %q, want %q", m.Start, m.End, c.Input[m.Start:m.End], want)
				}
				got = append(got, jsMention{
					Indices:  [2]int{utf16Index(c.Input, m.Start), utf16Index(c.Input, m.End)},
					Username: m.Username,
					Host:     m.Host,
				})
			}
			want := []jsMention{}
			for _, e := range c.Expected {
				want = append(want, jsMention{Indices: e.Indices, Username: e.Username, Host: e.Host})
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("ExtractMentionsWithIndices(%q) = %+v, want %+v", c.Input, got, want)
			}
		})
	}
}

// utf16Index converts a byte offset into the UTF-16 index JavaScript
// reports for the same position.
func utf16Index(s string, byteOffset int) int {
	n := 0
	for _, r := range s[:byteOffset] {
		if r == utf8.RuneError {
			n++
			continue
		}
		n += len(utf16.Encode([]rune{r}))
	}
	return n
}
