#!/usr/bin/env python3
"""Makes a go-trafilatura without gomoji.

go-trafilatura calls gomoji once, to take emoji out of an author's name
(normalizeAuthors in metadata.go). gomoji builds a map of every emoji at
start, in every process that links it: about 1 MB of live heap, twice that
in memory at Go's GC target, for a job a test of a few Unicode ranges does.
This copies go-trafilatura into internal/thirdparty/go-trafilatura (go.mod
replaces it) and swaps the call for removeEmojis (emoji.go, written here).
Nothing else changes.

    python3 scripts/trafilatura-without-gomoji.py $(go env GOMODCACHE)/github.com/markusmobius/go-trafilatura@v1.12.2
"""
import os
import re
import shutil
import subprocess
import sys

src = sys.argv[1]
dst = os.path.join(os.path.dirname(__file__), "..", "internal", "thirdparty", "go-trafilatura")
shutil.rmtree(dst, ignore_errors=True)
shutil.copytree(src, dst, ignore=shutil.ignore_patterns("*_test.go", "scripts", "test-files", "examples", "cmd", ".github",
                                                        "Makefile", "CHANGELOG.md"))
for root, dirs, files in os.walk(dst):
    os.chmod(root, 0o755)
    for f in files:
        os.chmod(os.path.join(root, f), 0o644)

path = os.path.join(dst, "metadata.go")
text = open(path).read()
for old, new in [('\t"github.com/forPelevin/gomoji"\n', ""), ("gomoji.RemoveEmojis(input)", "removeEmojis(input)")]:
    assert text.count(old) == 1, old
    text = text.replace(old, new)
open(path, "w").write(text)

open(os.path.join(dst, "emoji.go"), "w").write('''package trafilatura

import "strings"

// removeEmojis takes emoji, with their joiners, variation selectors, skin
// tones, keycaps and tags, out of s (crier's stand-in for gomoji, see
// CRIER.md).
func removeEmojis(s string) string {
	return strings.Map(func(r rune) rune {
		if isEmoji(r) {
			return -1
		}
		return r
	}, s)
}

func isEmoji(r rune) bool {
	switch {
	case r == 0x200D, r == 0x20E3, r == 0xFE0F, r == 0xFE0E: // joiner, keycap, variation selectors
		return true
	case r >= 0x1F000 && r <= 0x1FAFF: // pictographs, emoticons, transport, flags, skin tones...
		return true
	case r >= 0x2600 && r <= 0x27BF: // miscellaneous symbols, dingbats
		return true
	case r >= 0x2300 && r <= 0x23FF, r >= 0x2B00 && r <= 0x2BFF: // technical, arrows and stars
		return true
	case r >= 0xE0020 && r <= 0xE007F: // tag sequences (subdivision flags)
		return true
	case r == 0x00A9, r == 0x00AE, r == 0x203C, r == 0x2049, r == 0x2122, r == 0x2139, r == 0x3030, r == 0x303D:
		return true
	}
	return false
}
''')

path = os.path.join(dst, "go.mod")
text = open(path).read()
text, n = re.subn(r"\n\s*github\.com/forPelevin/gomoji v\S+", "", text)
assert n == 1, n
open(path, "w").write(text)
open(os.path.join(dst, "CRIER.md"), "w").write(
    "This is go-trafilatura %s without gomoji: removeEmojis (emoji.go) tests Unicode\n"
    "ranges where gomoji built a map of every emoji at start. Made by\n"
    "scripts/trafilatura-without-gomoji.py; go.mod replaces the module with it.\n" % os.path.basename(src))
subprocess.run(["gofmt", "-w", dst], check=True)
print("go-trafilatura copied without gomoji")
