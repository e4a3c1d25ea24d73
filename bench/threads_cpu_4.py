# CPU-bound work split over 4 threads; see lib/cpu_split.py.
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
import cpu_split

print(cpu_split.run(4))
