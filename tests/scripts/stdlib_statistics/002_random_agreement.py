import statistics as st
from fractions import Fraction as F
import random, math

# Exact results agree with CPython's bit for bit on random data.
random.seed(3)
for trial in range(300):
    n = random.randrange(2, 30)
    kind = trial % 3
    if kind == 0:
        data = [random.uniform(-1e3, 1e3) for _ in range(n)]
    elif kind == 1:
        data = [random.randrange(-10**6, 10**6) for _ in range(n)]
    else:
        data = [F(random.randrange(-100, 100), random.randrange(1, 50)) for _ in range(n)]
    ys = [random.uniform(-5, 5) for _ in range(n)]
    fl = [float(x) for x in data]
    print(st.mean(data), st.variance(data), st.pvariance(data), st.stdev(data), st.pstdev(data), st.median(data), st.quantiles(data, n=5), st.fmean(fl), st.covariance(fl, ys), st.correlation(fl, ys), st.linear_regression(fl, ys), st.NormalDist(1, 3).inv_cdf(random.random()))
