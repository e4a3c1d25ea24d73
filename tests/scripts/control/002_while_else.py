i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    print("i", i)
else:
    print("while finished normally, i =", i)
n = 10
while n > 0:
    if n == 7:
        print("breaking at", n)
        break
    n -= 1
else:
    print("not printed")
while False:
    print("never")
else:
    print("else of an empty while")
total, k = 0, 0
while True:
    k += 1
    if k > 100:
        break
    total += k
print(total)
