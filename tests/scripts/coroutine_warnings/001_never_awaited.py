async def f():
    return 1


def g():
    f()
    print("after call in g")


g()
c = f()
del c
print("after del")


async def h():
    pass


x = [h()]
x = None
print("end")
