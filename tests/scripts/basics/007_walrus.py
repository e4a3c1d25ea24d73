data = [1, 5, 12, 7, 30, 2]
if (n := len(data)) > 3:
    print("long list", n)
big = [y for x in data if (y := x * 2) > 10]
print(big)
items = iter(["a", "b", "", "c"])
while (item := next(items)):
    print("item", item)
print((total := 10) + 5, total)
def f():
    if (v := 3) == 3:
        return v * 2
print(f())
print([last := i for i in range(3)], last)
