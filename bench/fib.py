# Recursive calls: function call overhead and small-int arithmetic.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

result = 0
for _ in range(6):
    result += fib(30)
print(result // 6)
