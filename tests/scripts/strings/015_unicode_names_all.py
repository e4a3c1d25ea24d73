# Every character name, both ways: unicodedata.name() over all code points
# (a count, a length and a position-sensitive digest of the names), and
# lookup() of each name, as written and in lower case, back to its character.
import unicodedata

count = total = digest = 0
mismatches = []
for c in range(0x110000):
    name = unicodedata.name(chr(c), None)
    if name is None:
        continue
    count += 1
    total += len(name)
    digest = (digest * 1000003 + int.from_bytes(name.encode(), "big")) % 1000000007
    # The algorithmic names match in capitals only.
    exact_case = name.startswith(("CJK UNIFIED IDEOGRAPH-", "HANGUL SYLLABLE "))
    if unicodedata.lookup(name) != chr(c) or (
            not exact_case and unicodedata.lookup(name.lower()) != chr(c)):
        mismatches.append(hex(c))
print(count, total, digest)
print("mismatches:", mismatches[:10])

# \N{...} through the compiler for a sample of names from every plane.
for c in range(0, 0x110000, 997):
    name = unicodedata.name(chr(c), None)
    if name is not None and eval('"\\N{' + name + '}"') != chr(c):
        print("escape mismatch", hex(c), name)
print("done")
