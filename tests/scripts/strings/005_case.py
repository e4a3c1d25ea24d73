words = ["hello world", "HELLO", "hElLo wOrLd", "it's o'neil", "123abc", "ßharp"]
for w in words:
    print(repr(w), w.upper(), w.lower(), w.title(), w.capitalize(), w.swapcase(), w.casefold())
