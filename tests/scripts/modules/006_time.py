import time
t1 = time.time()
p1 = time.perf_counter()
m1 = time.monotonic()
c1 = time.process_time()
print(type(t1).__name__, type(p1).__name__, type(m1).__name__, type(c1).__name__)
print(time.sleep(0.01))
t2, p2, m2, c2 = time.time(), time.perf_counter(), time.monotonic(), time.process_time()
print(t2 >= t1, p2 >= p1, m2 >= m1, c2 >= c1)
print(p2 - p1 >= 0.009, t1 > 1.6e9)
print(type(time.time_ns()).__name__, type(time.perf_counter_ns()).__name__)
x = 0
for i in range(10000):
    x += i
print(time.process_time() >= c2, x)
