# The CPU-bound work of mp_cpu_seq / mp_cpu_pool2: CHUNKS chunks of
# cpu_split's loop, SCALE times longer than threads_cpu_*, so that a pool's
# start-up is small beside the work and the ratio seq/pool2 shows the
# speed-up two processes give on two cores.
import cpu_split

CHUNKS = 4
SCALE = 3


def chunk(i):
    out = [0]
    cpu_split.work(cpu_split.N * SCALE, out, 0)
    return out[0]
