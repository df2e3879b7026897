#!/usr/bin/env python3
"""Makes a go-trafilatura without gomoji.

go-trafilatura calls gomoji once, to take emoji out of an author's name
(normalizeAuthors in metadata.go). gomoji builds a map of every emoji at
start, in every process that links it: about 1 MB of live heap, twice that
in memory at Go's GC target, for a job a test of a few Unicode ranges does.
This copies go-trafilatura into internal/thirdparty/go-trafilatura (go.mod
replaces it) and swaps the call for removeEmojis (emoji.go, written here).
Nothing else changes (its go.sum still lists gomoji, unused).

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
                                                        ".git", "Makefile", "CHANGELOG.md"))
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

import (
	"strings"
	"unicode"

	"github.com/rivo/uniseg"
)

// removeEmojis takes emoji out of s, each with the grapheme cluster it
// belongs to (skin tones, joiners, variation selectors, keycaps), then trims
// the invisible and non-printing characters left at either end, as gomoji
// did (crier's stand-in for it, see CRIER.md). A joiner inside a word of a
// script that draws with it (Sinhala, Malayalam) is no emoji and stays.
func removeEmojis(s string) string {
	var b strings.Builder
	state := -1
	for rest := s; rest != ""; {
		var cluster string
		cluster, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
		if !emojiCluster(cluster) {
			b.WriteString(cluster)
		}
	}
	return strings.TrimFunc(b.String(), func(r rune) bool {
		return !unicode.IsGraphic(r) || !unicode.IsPrint(r) || unicode.In(r, unicode.Variation_Selector)
	})
}

func emojiCluster(c string) bool {
	for _, r := range c {
		if isEmoji(r) || r == 0x20E3 { // 0x20E3: a keycap (1️⃣)
			return true
		}
	}
	return false
}

// isEmoji tells the code points that are emoji by default or by their
// variation selector: the pictograph blocks, and the older symbols Unicode
// lists as emoji.
func isEmoji(r rune) bool {
	switch {
	case r >= 0x1F000 && r <= 0x1FAFF: // pictographs, emoticons, transport, flags, skin tones...
		return true
	case r >= 0x2600 && r <= 0x27BF: // miscellaneous symbols, dingbats
		return true
	case r >= 0x2300 && r <= 0x23FF, r >= 0x2B00 && r <= 0x2BFF: // technical, arrows and stars
		return true
	case r >= 0x2194 && r <= 0x2199, r == 0x21A9, r == 0x21AA, r == 0x2934, r == 0x2935:
		return true
	case r == 0x25AA, r == 0x25AB, r == 0x25B6, r == 0x25C0, r >= 0x25FB && r <= 0x25FE:
		return true
	case r >= 0xE0020 && r <= 0xE007F: // tag sequences (subdivision flags)
		return true
	case r == 0x00A9, r == 0x00AE, r == 0x203C, r == 0x2049, r == 0x2122, r == 0x2139, r == 0x24C2,
		r == 0x3030, r == 0x303D, r == 0x3297, r == 0x3299:
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
version = os.path.basename(os.path.normpath(src)).split("@")[-1]
open(os.path.join(dst, "CRIER.md"), "w").write(
    "This is go-trafilatura %s without gomoji: removeEmojis (emoji.go) tests Unicode\n"
    "ranges where gomoji built a map of every emoji at start. Made by\n"
    "scripts/trafilatura-without-gomoji.py; go.mod replaces the module with it\n"
    "(and must require the same version: TestThirdPartyCopiesMatchGoMod).\n" % version)
# Only the files edited here: the rest stay byte for byte as upstream wrote them.
subprocess.run(["gofmt", "-w", os.path.join(dst, "metadata.go"), os.path.join(dst, "emoji.go")], check=True)
print("go-trafilatura copied without gomoji")
