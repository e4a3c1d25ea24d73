import copy
import random

r = random.Random(31337)
r.gauss()
state = r.getstate()
print(state[0], len(state[1]), state[2] is not None)
ahead = [r.random(), r.gauss(), r.randint(1, 6)]
r.setstate(state)
print(ahead == [r.random(), r.gauss(), r.randint(1, 6)])
twin = copy.deepcopy(r)
print(twin.random() == r.random(), copy.copy(r).getstate() == r.getstate())
r2 = random.Random()
r2.setstate((2, state[1], None))
print(r2.random() == random.Random(31337).random() or "differs")
for seed in ["abc", b"abc", bytearray(b"abc"), "", 0, -5, 2 ** 70, 1.25, None]:
    random.seed(seed)
    value = random.random()
    print(type(seed).__name__, value if seed is not None else 0 <= value < 1)
random.seed("abc", version=1)
print(random.random())
random.seed(b"abc", version=1)
print(random.random())
random.seed("", version=1)
print(random.random())
print(random.Random(5).random() == random.Random(5).random(), random.Random.VERSION)


class Fixed(random.Random):
    """Only random() overridden: integers must come from it too."""

    def random(self):
        return 0.71


class Bits(random.Random):
    def getrandbits(self, k):
        return 3


print(Fixed().randrange(10), Fixed().choice("abcdefghij"), Fixed().sample(range(10), 2))
print(Bits().randrange(10), Bits().choice("abcdefg"))
print(Fixed()._randbelow.__name__, Bits()._randbelow.__name__)

s = random.SystemRandom()
print(s.seed(1), 0.0 <= s.random() < 1.0, s.getrandbits(0), s.getrandbits(8) < 256)
print(len(s.randbytes(5)), 1 <= s.randint(1, 3) <= 3, sorted(s.sample(range(4), 4)))
print(BPF := random.BPF, random.RECIP_BPF == 2.0 ** -53, round(random.TWOPI, 12))
print(round(random.NV_MAGICCONST, 12), round(random.LOG4, 12), round(random.SG_MAGICCONST, 12))
print(sorted(random.__all__))
