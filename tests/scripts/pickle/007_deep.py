# Deep nesting: pickling stops with RecursionError, unpickling is iterative.
import pickle
x = []
for _ in range(100000):
    x = [x]
try:
    pickle.dumps(x)
except RecursionError as e:
    print("RecursionError", e)
d = pickle.dumps([[[1]]])
print(pickle.loads(d))
# deep pickle built by hand: 100000 nested lists via EMPTY_LIST/APPEND
data = b"\x80\x04" + b"]" * 100000 + b"a" * 99999 + b"."
v = pickle.loads(data)
n = 0
while v:
    v = v[0]; n += 1
print(n)
