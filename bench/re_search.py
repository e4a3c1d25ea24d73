# Regular expressions over a few MB of generated text: search, findall,
# finditer, sub (template and callable) and split with typical patterns.
import re

words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
lines = []
for i in range(40000):
    w = words[i % 8]
    lines.append("%05d %s user%d@example%d.com value=%d.%02d [%s] end" % (
        i, w, i % 97, i % 13, i * 7 % 1000, i % 100, w.upper()))
text = "\n".join(lines)
print(len(text))

print(len(re.findall(r"\b\w+@\w+\.com\b", text)))
print(len(re.findall(r"value=(\d+)\.(\d+)", text)))
print(sum(1 for _ in re.finditer(r"^\d+ (gamma|delta)", text, re.M)))
print(re.search(r"99999|39999 theta", text).span())
print(len(re.sub(r"\d+", "#", text)))
print(len(re.sub(r"(\w+)@(\w+)", r"\2 at \1", text)))
print(len(re.sub(r"\[(\w+)\]", lambda m: m.group(1).lower(), text)))
print(len(re.split(r"\s+", text)))
print(len(re.findall(r"(?i)ALPHA|zeta", text)))
print(len(re.findall(r"[aeiou]{2,}", text)))
print(re.search(r"user(\d+)@example12\.com value=999", text))
