# Garbage left at exit is collected while the modules and builtins still
# work (CPython collects before it clears any module dict): a suspended
# generator in a cycle runs its finally normally at exit.
import gc

gc.disable()


class Holder:
    pass


def gen(holder):
    try:
        yield 1
    finally:
        print("finally at exit, builtins work:", len([holder]) == 1)


h = Holder()
h.g = gen(h)
next(h.g)
del h
print("end of script")
