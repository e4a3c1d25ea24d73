# Negated literals are folded into constants at compile time; their values,
# precedence and signed zeros must still be CPython's.
print(-1, -1.5, -0.0, -0, 2 ** -1, (-2) ** 2, -2 ** 2, -(2 ** 2))
print(-9223372036854775807, -9223372036854775808, -(2 ** 100), - 10 ** 20)
print(repr(-0.0), 1 / -1.0, -1e308 * 10, -.5, -1_000)
print(type(-1).__name__, type(-1.0).__name__, -True, -(-3), --3, - -2.5)
x = 3
print(-x, -x ** 2, [-1] * 2, {-1: "a"}[-1], (-1).bit_length(), -1 .real)


def f(a=-1, b=-2.5):
    return a * b


print(f(), f(-3), f(b=-0.5))
print(sum(-i for i in range(4)), abs(-7), max(-1, -2), -3 % 5, -7 // 2)
