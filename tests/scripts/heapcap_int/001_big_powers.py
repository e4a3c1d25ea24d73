# Powers whose results pass 512 KiB are computed in interruptible steps
# (runtime/int.cpp, pow_stepwise); they must equal the one-shot results.
m = 10**9 + 7
for b, e in [(3, 2700000), (-3, 2700001), (12345678901234567890, 70001), (2, 5000000),
             (-2, 4500001), (10, 1300000)]:
    r = b ** e
    print(b, e, r % m == pow(b, e, m), r.bit_length(), r < 0, r % 1000003)

# sys.intern interns an exact str in place: the same object comes back.
import sys
a = ''.join(['xy', 'zzy', str(40 + len(sys.argv))])
b = ''.join(['xyz', 'zy', str(40 + len(sys.argv))])
print(a is b, sys.intern(a) is a, sys.intern(b) is a)

class S(str):
    pass
t = sys.intern(''.join(['ham', 'ham']))
print(t, type(t).__name__)
try:
    sys.intern(S('x'))
except TypeError as e:
    print('TypeError', e)
