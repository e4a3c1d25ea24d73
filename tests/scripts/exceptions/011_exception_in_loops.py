results = []
for v in ["1", "x", "3", None, "5"]:
    try:
        results.append(int(v))
    except ValueError:
        results.append("bad")
    except TypeError:
        results.append("none")
print(results)
def gen_errors():
    for i in range(3):
        try:
            yield 10 // (1 - i)
        except ZeroDivisionError:
            yield "div0"
print(list(gen_errors()))
total = 0
for i in range(1000):
    try:
        if i % 100 == 0:
            raise ValueError(i)
        total += i
    except ValueError as e:
        total -= e.args[0]
print(total)
