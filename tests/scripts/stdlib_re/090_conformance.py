# The conformance table (re_table.json, written by tools/gen_re_table.py
# under CPython): every case is run again here and each disagreement printed.
import json

import re_cases

with open("re_table.json", encoding="utf-8") as f:
    table = json.load(f)

failures = 0
for entry in table:
    got = re_cases.run_case(entry["case"])
    if got != entry["expected"]:
        failures += 1
        if failures <= 50:
            print("MISMATCH", entry["case"])
            print("  expected:", entry["expected"])
            print("  got:     ", got)
print(len(table), "cases,", failures, "mismatches")
