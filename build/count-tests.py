#!/usr/bin/env python3
"""Sums the outcome counters of every TRX file under a folder and prints "N passed, N failed, N skipped"."""
import pathlib
import sys
import xml.etree.ElementTree as ET

NS = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"

folder = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "artifacts/test-results")
passed = failed = skipped = 0
for trx in sorted(folder.rglob("*.trx")):
    counters = ET.parse(trx).getroot().find(f"{NS}ResultSummary/{NS}Counters")
    if counters is None:
        continue
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
    skipped += int(counters.get("notExecuted", 0))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed else 0)
