# One compiled pattern used by several threads at once over different
# non-ASCII subjects (the program keeps one decoded subject: it must never
# hand a thread another thread's text), and from a sub() callback.
import re
import threading

word = re.compile(r"\w+")
texts = ["é%d " % i * 2000 + "fin%d" % i for i in range(4)]
results = [None] * 4


def worker(i):
    total = 0
    for _ in range(5):
        for m in word.finditer(texts[i]):
            total += len(m.group())
        total += len(word.sub(lambda m: word.sub("", texts[(i + 1) % 4][:20]) + m.group(), texts[i][:50]))
    results[i] = (total, word.findall(texts[i])[-1])


threads = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(results)
