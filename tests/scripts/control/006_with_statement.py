class Ctx:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None)
        return False
with Ctx("a") as v:
    print("body", v)
with Ctx("x") as x, Ctx("y") as y:
    print("body", x, y)
try:
    with Ctx("err"):
        raise ValueError("boom")
except ValueError as e:
    print("caught", e)
def f():
    with Ctx("ret"):
        return "returned"
print(f())
for i in range(2):
    with Ctx(f"loop{i}"):
        if i == 0:
            continue
        break
with Ctx("no-as"):
    pass
