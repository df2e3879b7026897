#!/usr/bin/env python3
"""Makes a go-htmldate without its extensive search, and so without go-dateparser.

crier runs go-trafilatura with htmldate's fast search only
(SkipExtensiveSearch, internal/extract/article_options.go: it matched the
pages' real dates more often and costs less), so go-dateparser's parser is
never called; yet it was linked in with the data of 500 locales, about 3 MB
of code and as much of function tables, which kept the image over its 30 MB
budget. This copies go-htmldate into internal/thirdparty/go-htmldate (go.mod
replaces it) and removes the extensive search: externalDateParser finds
nothing, Options loses DateParserConfig. Nothing else changes.

    python3 scripts/htmldate-without-dateparser.py $(go env GOMODCACHE)/github.com/markusmobius/go-htmldate@v1.9.1
"""
import os
import re
import shutil
import subprocess
import sys

src = sys.argv[1]
dst = os.path.join(os.path.dirname(__file__), "..", "internal", "thirdparty", "go-htmldate")
shutil.rmtree(dst, ignore_errors=True)
shutil.copytree(src, dst, ignore=shutil.ignore_patterns("*_test.go", "scripts", "test-files", "examples", "cmd", ".github"))
for root, dirs, files in os.walk(dst):
    os.chmod(root, 0o755)
    for f in files:
        os.chmod(os.path.join(root, f), 0o644)


def edit(name, pairs):
    path = os.path.join(dst, name)
    text = open(path).read()
    for old, new in pairs:
        if isinstance(old, re.Pattern):
            text, n = old.subn(new, text)
        else:
            n = text.count(old)
            text = text.replace(old, new)
        assert n == 1, (name, old, n)
    open(path, "w").write(text)


dps_import = '\tdps "github.com/markusmobius/go-dateparser"\n'
edit("constant.go", [
    (dps_import, ""),
    (re.compile(r"\n\texternalParser = &dps\.Parser\{.*?\n\t\}\n\n\texternalDpsConfig = &dps\.Configuration\{.*?\n\t\}\n", re.S), "\n"),
])
edit("core-options.go", [
    (dps_import, ""),
    (re.compile(r"\n\t// DateParserConfig is configuration.*?\tDateParserConfig \*dps\.Configuration\n", re.S), "\n"),
])
edit("extractors.go", [
    (dps_import, ""),
    (re.compile(r"// externalDateParser uses go-dateparser package to extensively look for date\.\nfunc externalDateParser\(s string, opts Options\) time\.Time \{.*?\n\}\n", re.S),
     "// externalDateParser would use go-dateparser to look for a date\n"
     "// extensively; crier's copy has no extensive search (see CRIER.md).\n"
     "func externalDateParser(string, Options) time.Time { return timeZero }\n"),
])
path = os.path.join(dst, "go.mod")
text = open(path).read()
text, n = re.subn(r"\n\s*github\.com/markusmobius/go-dateparser v\S+", "", text)
assert n == 1, n
open(path, "w").write(text)
open(os.path.join(dst, "CRIER.md"), "w").write(
    "This is go-htmldate %s without its extensive search (so without go-dateparser),\n"
    "made by scripts/htmldate-without-dateparser.py; go.mod replaces the module with it.\n"
    "crier uses the fast search only (SkipExtensiveSearch).\n" % os.path.basename(src))
subprocess.run(["gofmt", "-w", dst], check=True)
print("go-htmldate copied without go-dateparser")
