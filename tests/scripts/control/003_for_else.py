def find(seq, target):
    for i, v in enumerate(seq):
        if v == target:
            print("found", target, "at", i)
            break
    else:
        print(target, "not found")
find([4, 5, 6], 5)
find([4, 5, 6], 9)
for x in []:
    print("never")
else:
    print("empty for runs else")
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")
for ch in "abc":
    print(ch, end=" ")
print()
for k in {"one": 1, "two": 2}:
    print(k)
for a, b in zip("xyz", range(3)):
    print(a, b)
