# Module and class bodies evaluate annotations, so a lambda or comprehension
# in one is compiled there and needs its scope from the symbol table (found
# by fuzz/compile_fuzz: the compiler met a lambda without a scope and
# crashed).
x: (lambda: "module")() = 1
y: [i * 2 for i in range(3)]
print(__annotations__)


class C:
    a: (lambda v: v + 1)(41) = "value"
    b: {k: len(k) for k in ("one", "three")}
    c: (lambda: [n for n in "ab"])()


print(C.__annotations__, C.a)


def f():
    z: (lambda: print("never evaluated")) = 3
    return z


print(f())
