import time

names = ["CLOCK_REALTIME", "CLOCK_MONOTONIC", "CLOCK_PROCESS_CPUTIME_ID", "CLOCK_THREAD_CPUTIME_ID"]
print(all(isinstance(getattr(time, n), int) for n in names))
a = time.clock_gettime(time.CLOCK_MONOTONIC)
b = time.monotonic()
print(type(a).__name__, abs(a - b) < 5)
print(type(time.clock_gettime_ns(time.CLOCK_REALTIME)).__name__)
print(time.clock_getres(time.CLOCK_MONOTONIC) > 0)
print(type(time.thread_time_ns()).__name__, type(time.monotonic_ns()).__name__)
for name in ["time", "monotonic", "perf_counter", "process_time", "thread_time"]:
    info = time.get_clock_info(name)
    print(name, info.monotonic, info.adjustable, info.resolution > 0, info.implementation)
try:
    time.get_clock_info("nope")
except ValueError as e:
    print("ValueError", e)
print(time.tzset())
t1 = time.perf_counter_ns(); t2 = time.perf_counter_ns()
print(t2 >= t1)
