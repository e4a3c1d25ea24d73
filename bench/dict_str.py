# Word counting, string building and dict updates.
WORDS = ("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu "
         "nu xi omicron pi rho sigma tau upsilon phi chi psi omega").split()

def make_text(n):
    parts = []
    for i in range(n):
        parts.append(WORDS[(i * 7 + i // 3) % len(WORDS)])
    return " ".join(parts)

def count_words(text):
    counts = {}
    for w in text.split():
        counts[w] = counts.get(w, 0) + 1
    return counts

def build(n):
    index = {}
    for i in range(n):
        key = "k" + str(i % 5000)
        index[key] = index.get(key, "") [:20] + str(i % 10)
    return index

text = make_text(1_000_000)
counts = count_words(text)
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print(top)
idx = build(1_000_000)
print(len(idx), idx["k42"], sum(len(v) for v in idx.values()))
s = "".join(f"{w.upper()}:{c};" for w, c in sorted(counts.items()))
print(len(s), s[:40])
