# The work of mp_cpu_pool2 in one process: the baseline of its speed-up.
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
import mp_cpu

print(sum(mp_cpu.chunk(i) for i in range(mp_cpu.CHUNKS)))
