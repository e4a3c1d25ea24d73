def numbers():
    yield 1
    yield 2
    raise KeyError("gen-failure")

for n in numbers():
    print("got", n)
