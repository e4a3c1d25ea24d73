def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(10), fact(25))
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print([fib(i) for i in range(15)])
def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print(is_even(10), is_odd(7), is_even(7))
def hanoi(n, a, b, c, moves):
    if n:
        hanoi(n - 1, a, c, b, moves)
        moves.append((a, c))
        hanoi(n - 1, b, a, c, moves)
    return moves
m = hanoi(4, "A", "B", "C", [])
print(len(m), m[:4])
def flatten(x):
    return [y for e in x for y in flatten(e)] if isinstance(x, list) else [x]
print(flatten([1, [2, [3, [4]], 5]]))
