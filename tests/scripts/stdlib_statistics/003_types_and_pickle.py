import pickle
import statistics
from fractions import Fraction
from statistics import NormalDist, StatisticsError

class MyFloat(float):
    pass

print(type(statistics.mean([MyFloat(1.5), 2])).__name__)
print(type(statistics.mean([1, 2])).__name__, type(statistics.mean([1, 3])).__name__)
print(type(statistics.variance([Fraction(1), 2, 4])).__name__)
print(type(statistics.median([1, 2])).__name__)
try:
    statistics.mean([1.5, "x"])
except TypeError as e:
    print("TypeError", e)
n = NormalDist(3, 4)
m = pickle.loads(pickle.dumps(n))
print(m, m == n)
try:
    statistics.variance([])
except StatisticsError as e:
    print(type(e).__name__, e, isinstance(e, ValueError))
r = statistics.linear_regression([1, 2, 3], [3, 5, 7])
print(r, r.slope, r.intercept, type(r).__name__)
print(statistics.multimode([3, 1, 3, 1, 2]))
print(sorted(statistics.__all__))
