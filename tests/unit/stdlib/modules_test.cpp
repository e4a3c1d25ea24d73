// Tests for the native time, posix/os, gc and _random modules and their
// Python halves (stdlib/lib/os.py, posixpath.py, random.py). Rows: program,
// CPython 3.11's output; seeded random sequences must match python3's
// exactly (check_tables.py re-checks every row).
#include <gtest/gtest.h>

#include "stdlib/file.hpp"
#include "stdlib/io.hpp"
#include "stdlib/sys.hpp"
#include "tests/unit/stdlib/script_test_util.hpp"

namespace gilt {
namespace {

using testing::ScriptCase;
using testing::ScriptTest;

constexpr ScriptCase kTimeCases[] = {
    {R"~(import time
t = time.time()
p = time.perf_counter()
time.sleep(0.01)
print(time.time() > t, time.perf_counter() - p >= 0.009, type(time.time_ns()).__name__, time.monotonic() > 0)
print(time.gmtime(0), time.gmtime(86400 * 365).tm_year, time.gmtime(0)[6])
)~",
     R"~(True True int True
time.struct_time(tm_year=1970, tm_mon=1, tm_mday=1, tm_hour=0, tm_min=0, tm_sec=0, tm_wday=3, tm_yday=1, tm_isdst=0) 1971 3
)~"},
    {R"~(import time
print(time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(1700000000)), time.asctime(time.gmtime(0)))
print(time.mktime(time.localtime(1000)), time.struct_time.__name__)
time.sleep(-1)
)~",
     R"~(2023-11-14 22:13:20 Thu Jan  1 00:00:00 1970
1000.0 struct_time
ValueError: sleep length must be non-negative
)~"},
    {R"~(import time
time.sleep("x")
)~",
     R"~(TypeError: 'str' object cannot be interpreted as an integer
)~"},
};

constexpr ScriptCase kOsCases[] = {
    {R"~(import os
print(os.name, os.sep, os.linesep == "\n", os.getpid() > 0, os.cpu_count() >= 1, type(os.getcwd()).__name__)
os.environ["GILT_T"] = "v"
print(os.environ["GILT_T"], os.getenv("GILT_T"), os.getenv("GILT_NOPE", "d"))
del os.environ["GILT_T"]
print("GILT_T" in os.environ)
)~",
     R"~(posix / True True True str
v v d
False
)~"},
    {R"~(import os
os.mkdir("d1")
os.makedirs("d1/a/b", exist_ok=True)
with open("d1/a/f.txt", "w") as f:
    f.write("xyz")
print(sorted(os.listdir("d1/a")), os.path.getsize("d1/a/f.txt"), os.stat("d1/a/f.txt").st_size)
os.rename("d1/a/f.txt", "d1/g.txt")
print(os.path.isfile("d1/g.txt"), os.path.exists("d1/a/f.txt"))
os.remove("d1/g.txt")
os.rmdir("d1/a/b")
os.rmdir("d1/a")
os.rmdir("d1")
print(os.path.exists("d1"))
os.remove("d1")
)~",
     R"~(['b', 'f.txt'] 3 3
True False
False
FileNotFoundError: [Errno 2] No such file or directory: 'd1'
)~"},
    {R"~(import os
os.mkdir(".")
)~",
     R"~(FileExistsError: [Errno 17] File exists: '.'
)~"},
    {R"~(import os
os.rename("nope1", "nope2")
)~",
     R"~(FileNotFoundError: [Errno 2] No such file or directory: 'nope1' -> 'nope2'
)~"},
    {R"~(import os.path as p
print(p.join("a", "b"), p.join("a/", "/b"), p.split("/x/y"), p.splitext("a.tar.gz"), p.basename("/a/b/"), p.dirname("a"))
print(p.normpath("/a/./b/../c//d"), p.isabs("x"), p.relpath("/a/b/c", "/a"), p.commonprefix(["abc", "abd"]))
)~",
     R"~(a/b /b ('/x', 'y') ('a.tar', '.gz')  
/a/c/d False b/c ab
)~"},
    {R"~(import os
r, w = os.pipe()
print(os.write(w, b"hello"))
os.close(w)
print(os.read(r, 100), os.read(r, 100))
os.close(r)
print(len(os.urandom(8)), os.strerror(2))
)~",
     R"~(5
b'hello' b''
8 No such file or directory
)~"},
};

constexpr ScriptCase kGcCases[] = {
    {R"~(import gc
class N:
    pass
for i in range(100):
    a, b = N(), N()
    a.o, b.o = b, a
print(gc.collect() >= 0, gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(len(gc.get_threshold()), len(gc.get_count()), gc.is_tracked([]), gc.is_tracked(1))
gc.collect(3)
)~",
     R"~(True True
False
3 3 True False
ValueError: invalid generation
)~"},
};

constexpr ScriptCase kRandomCases[] = {
    {R"~(import random
random.seed(42)
print(random.random(), random.random())
print([random.randint(1, 100) for _ in range(8)])
print(random.getrandbits(32), random.getrandbits(70), random.getrandbits(1))
)~",
     R"~(0.6394267984578837 0.025010755222666936
[36, 32, 29, 18, 95, 14, 87, 95]
3831882064 684133269052610913332 0
)~"},
    {R"~(import random
random.seed(2**100 + 12345)
print(random.random())
random.seed(-7)
print(random.random())
random.seed(0)
print(random.random())
random.seed(3.5)
print(random.random())
)~",
     R"~(0.44487310994347073
0.32383276483316237
0.8444218515250481
0.3039190124834461
)~"},
    {R"~(import random
random.seed("text seed")
print(random.random())
random.seed(b"bytes")
print(random.random())
random.seed(bytearray(b"ba"))
print(random.random())
random.seed("")
print(random.random())
)~",
     R"~(0.6738372346382432
0.37075677971469856
0.6102644558390378
0.9602256525641875
)~"},
    {R"~(import random
r = random.Random(123)
x = [r.random() for i in range(3)]
s = r.getstate()
y = r.random()
r.setstate(s)
print(r.random() == y, len(s[1]))
l = list(range(20))
r.shuffle(l)
print(l, r.choice("abcdef"), r.sample(range(50), 4), r.randrange(0, 100, 7), r.uniform(1, 2))
print(r.choices("abc", k=5), r.choices("abc", weights=[1, 0, 5], k=4), r.gauss(), r.normalvariate(1, 2))
)~",
     R"~(True 625
[4, 6, 11, 9, 7, 14, 19, 3, 15, 8, 5, 18, 2, 0, 13, 16, 10, 17, 12, 1] a [0, 20, 46, 28] 7 1.9053986522844988
['a', 'a', 'c', 'a', 'c'] ['c', 'c', 'c', 'c'] -0.9963784254694769 -1.5716636166433453
)~"},
    {R"~(import random
random.Random(1).getrandbits(-1)
)~",
     R"~(ValueError: number of bits must be non-negative
)~"},
    {R"~(import random
random.choice([])
)~",
     R"~(IndexError: Cannot choose from an empty sequence
)~"},
    {R"~(import random
random.randrange(0)
)~",
     R"~(ValueError: empty range for randrange()
)~"},
};

class ModulesTest : public ScriptTest {
protected:
    testing::TempDir dir;
};

TEST_F(ModulesTest, Time) {
    check(kTimeCases);
}
TEST_F(ModulesTest, Os) {
    check(kOsCases);
}
TEST_F(ModulesTest, Gc) {
    check(kGcCases);
}
TEST_F(ModulesTest, Random) {
    check(kRandomCases);
}

TEST_F(ModulesTest, NativeModulesAreRegistered) {
    for (const char* name : {"math", "time", "posix", "gc", "_random", "itertools", "_collections",
                             "_functools", "_json", "io", "_io"}) {
        EXPECT_TRUE(interp.native_modules.count(name)) << name;
    }
}

}  // namespace
}  // namespace gilt
