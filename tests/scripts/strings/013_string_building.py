parts = []
for i in range(10):
    parts.append(str(i * i))
print(",".join(parts))
s = ""
for ch in "abcdef":
    s += ch.upper() + ch
print(s)
table = "\n".join(f"{n:>3} {n*n:>5} {n**3:>7}" for n in range(1, 8))
print(table)
words = "the cat sat on the mat the end".split()
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
print("".join(reversed("stressed")), " ".join(w[::-1] for w in "hello world".split()))
print(str.maketrans("abc", "xyz") == {97: 120, 98: 121, 99: 122})
print("abcabc".translate(str.maketrans("ab", "AB", "c")))
