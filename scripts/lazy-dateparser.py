#!/usr/bin/env python3
"""Makes go-dateparser load its locale data on first use instead of at start.

go-trafilatura -> go-htmldate -> go-dateparser builds the data of 200 locales
in package init functions: 78 MB allocated, 25 MB kept and 0.14 CPU-s at
every start of crier, which only ever parses dates in a few languages (and
only in htmldate's rare "extensive search"). This copies the module into
internal/thirdparty/go-dateparser (go.mod replaces it) and turns each data
file's init() into a loader that GetLocaleData runs once, on demand. Nothing
else changes.

    python3 scripts/lazy-dateparser.py $(go env GOMODCACHE)/github.com/markusmobius/go-dateparser@v1.2.3
"""
import os
import re
import shutil
import sys

src = sys.argv[1]
dst = os.path.join(os.path.dirname(__file__), "..", "internal", "thirdparty", "go-dateparser")
shutil.rmtree(dst, ignore_errors=True)
shutil.copytree(src, dst, ignore=shutil.ignore_patterns("*_test.go", "scripts", "benchmark-*", ".github"))
for root, dirs, files in os.walk(dst):
    os.chmod(root, 0o755)
    for f in files:
        os.chmod(os.path.join(root, f), 0o644)

data = os.path.join(dst, "internal", "data")
owner = {}  # Go variable -> loader suffix
for name in sorted(os.listdir(data)):
    path = os.path.join(data, name)
    text = open(path).read()
    if "\nfunc init() {" not in text or name.startswith("0"):
        continue
    ident = re.sub(r"[^A-Za-z0-9]", "_", name[:-3])
    text = text.replace("\nfunc init() {", "\nfunc load_%s() {" % ident, 1)
    open(path, "w").write(text)
    for var in re.findall(r"^\t(\w+_Locale)\s+LocaleData", text, re.M):
        owner[var] = ident

path = os.path.join(data, "00-locale-data.go")
text = open(path).read()
def lazy(m):
    ident = owner[m.group(2)]
    return "%sonce_%s.Do(load_%s)\n%sreturn &%s, true" % (m.group(1), ident, ident, m.group(1), m.group(2))
text, n = re.subn(r"(\t+)return &(\w+_Locale), true", lazy, text)
assert n == len(owner), (n, len(owner))
onces = "\n".join("\tonce_%s sync.Once" % i for i in sorted(set(owner.values())))
text = text.replace("import (\n", "import (\n\t\"sync\"\n", 1)
text += "\n// Each data file's locales are built on first use (crier's change: they\n// were built at start).\nvar (\n%s\n)\n" % onces
open(path, "w").write(text)
# The timezone table: 5 MB of heap, 40,000 allocations and 20 ms at start,
# built on first use too.
path = os.path.join(dst, "internal", "timezone", "tz-offsets.go")
text = open(path).read()
head = "var timezoneOffsets, rxSearch, rxSearchIgnoreCase = func() ([]OffsetData, *regexp.Regexp, *regexp.Regexp) {"
assert head in text and text.rstrip().endswith("}()")
text = text.replace(head, "func buildTimezones() ([]OffsetData, *regexp.Regexp, *regexp.Regexp) {", 1)
text = text.rstrip()[:-2] + """

// The table is built on first use (crier's change: it was built at start).
var (
	tzOnce                                   sync.Once
	timezoneOffsets                          []OffsetData
	rxSearch, rxSearchIgnoreCase             *regexp.Regexp
)

func loadTimezones() {
	tzOnce.Do(func() { timezoneOffsets, rxSearch, rxSearchIgnoreCase = buildTimezones() })
}
"""
text = text.replace('import (\n', 'import (\n\t"sync"\n', 1)
open(path, "w").write(text)
path = os.path.join(dst, "internal", "timezone", "parser.go")
text = open(path).read()
for fn in ("func PopTzOffset(str string) (string, OffsetData) {", "func WordIsTz(word string) bool {"):
    assert fn in text
    text = text.replace(fn, fn + "\n\tloadTimezones()", 1)
open(path, "w").write(text)

open(os.path.join(dst, "CRIER.md"), "w").write(
    "This is go-dateparser %s with its locale data and timezone table built on first use instead of\n"
    "at start, made by scripts/lazy-dateparser.py; go.mod replaces the module with it.\n" % os.path.basename(src))
print("%d locales in %d files made lazy" % (len(owner), len(set(owner.values()))))
