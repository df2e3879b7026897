package tghtml

import "testing"

// Expected values follow TDLib's LinkManager::check_link and parse_url.
func TestCheckedLink(t *testing.T) {
	tests := []struct{ in, want string }{
		{"telegram.org", "http://telegram.org/"},
		{"HTTPS://Telegram.ORG/Path?Q#F", "https://telegram.org/Path?Q#F"},
		{"telegram.org?<", "http://telegram.org/?<"},
		{"http://user:pw@example.com:8080/x", "http://user:pw@example.com:8080/x"},
		{"example.com:0080", "http://example.com:80/"},
		{"example.com/a b  ", "http://example.com/a%20b"},
		{"ftp://example.com", ""},
		{"localhost", ""},
		{"example.com:99999", ""},
		{"example.com:", ""},
		{"exa mple.com", ""},
		{"", ""},
		{".", ""},
		{"http://[::1]/", "http://[::1]/"},
		{"http://[zz]/", ""},
		{"bücher.de", "http://bücher.de/"},
		{"ex%41mple.com", "http://ex%41mple.com/"},
		{"ex%4", ""},
		{"tg://resolve?domain=x", "tg://resolve?domain=x"},
		{"tg:resolve", "tg://resolve/"},
		{"tg://http://x", ""},
		{"tg://a.b", ""},
		{"tonsite://a.ton", "tonsite://a.ton/"},
		{"mailto:a@b.com", "http://mailto:a@b.com/"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := checkedLink(tc.in); got != tc.want {
				t.Errorf("checkedLink(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestLinkUserID(t *testing.T) {
	tests := []struct {
		in   string
		want int64
	}{
		{"tg://user?id=42", 42},
		{"TG:USER/?x=1&id=7#id=8", 7},
		{"tg://user?id=042", 0},
		{"tg://user", 0},
		{"https://t.me/user?id=1", 0},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := linkUserID(tc.in); got != tc.want {
				t.Errorf("linkUserID(%q) = %d, want %d", tc.in, got, tc.want)
			}
		})
	}
}
