# Two local loads in a row (x * y, f(a, b)) are fetched together by the VM;
# unbound locals, jump targets and line changes between them must behave
# exactly as separate loads.


def first_unbound(flag):
    if flag:
        a = 1
    b = 2
    return a + b


def second_unbound(flag):
    a = 1
    if flag:
        b = 2
    return a * b


def across_lines(a, b):
    return (a
            +
            b)


def jump_between(c, x, y):
    # the second load of y is a jump target of the conditional expression
    return (x if c else y), y


def many(a, b, c, d, e, f):
    return a, b, c, d, e, f, f, e, d, c, b, a


for fn, arg in ((first_unbound, True), (first_unbound, False), (second_unbound, True), (second_unbound, False)):
    try:
        print(fn.__name__, arg, fn(arg))
    except UnboundLocalError as exc:
        print(fn.__name__, arg, type(exc).__name__, exc)

print(across_lines(2, 3), across_lines("a", "b"))
print(jump_between(True, 1, 2), jump_between(False, 1, 2))
print(many(1, 2, 3, 4, 5, 6))
print([x * y for x in range(3) for y in range(3)])


def deep():
    x = 1
    del x
    y = 2
    return y + x


deep()
