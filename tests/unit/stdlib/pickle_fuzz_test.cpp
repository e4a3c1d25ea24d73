// Fuzzing the unpickler (stdlib/pickle_load.cpp): valid pickles of every
// protocol are mutated (bit flips, byte changes, truncation, splicing two
// pickles, inserted length prefixes, random bytes) and each result is fed
// to the unpickler, which must return an object or raise a Python
// exception: never crash, hang, or leave an exception pending on success.
// The seed is fixed, so a failure reproduces. find_class only admits a few
// harmless builtins, so a mutated pickle cannot reach anything that
// blocks or allocates without bound (input(), str.zfill(huge), ...).
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "runtime/bytes.hpp"
#include "runtime/dict.hpp"
#include "runtime/list.hpp"
#include "stdlib/pickle.hpp"
#include "tests/unit/stdlib/script_test_util.hpp"

namespace gilt {
namespace {

using testing::ScriptTest;

constexpr const char* kSetup = R"~(import pickle, builtins, copyreg, _codecs
class Point:
    def __init__(self, x, y): self.x, self.y = x, y
class Slotted:
    __slots__ = ("a", "b")
class Kw:
    def __new__(cls, a, *, b): return object.__new__(cls)
    def __getnewargs_ex__(self): return (1,), {"b": 2}
import _pickle
def find_class(module, name):
    try:
        found = _pickle.find_class(module, name, 2)
    except Exception:
        raise pickle.UnpicklingError("forbidden")
    if found in ALLOWED:
        return found
    raise pickle.UnpicklingError("forbidden")
import sys
fuzzmod = type(sys)("fuzzmod")
sys.modules["fuzzmod"] = fuzzmod
for cls in (Point, Slotted, Kw):
    cls.__module__ = "fuzzmod"
    setattr(fuzzmod, cls.__name__, cls)
ALLOWED = [list, dict, set, frozenset, tuple, complex, slice, range, object, ValueError,
           KeyError, float, int, bytearray, copyreg._reconstructor, copyreg.__newobj__,
           _codecs.encode, Point, Slotted, Kw]
s = Slotted(); s.a = 1; s.b = [2]
shared = [1, "two"]
shared.append(shared)
objects = [None, True, 2**70, -5, 1.5, "h\u00e9\u20ac\U0001f600", b"\x00\xff", bytearray(b"ba"),
           (1, (2, 3), [4]), {"k": [1, 2], 3: {4}}, frozenset([1, "a"]), 1 + 2j, slice(1, 2),
           range(5), ValueError("v", 1), Point(1, [2]), s, Kw(1, b=2), shared,
           list(range(1200)), {i: i for i in range(50)}, "x" * 300, b"y" * 300]
seeds = []
for proto in range(6):
    for obj in objects:
        if proto < 2 and isinstance(obj, Slotted):
            continue
        if proto < 4 and isinstance(obj, Kw):
            continue
        seeds.append(pickle.dumps(obj, proto))
)~";

std::string mutate(std::mt19937_64& rng, const std::vector<std::string>& seeds) {
    auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % (n ? n : 1)); };
    std::string s = seeds[pick(seeds.size())];
    int rounds = 1 + static_cast<int>(pick(4));
    for (int r = 0; r < rounds; ++r) {
        switch (pick(7)) {
            case 0:  // flip a bit
                if (!s.empty()) s[pick(s.size())] ^= static_cast<char>(1u << pick(8));
                break;
            case 1:  // set a byte to anything
                if (!s.empty()) s[pick(s.size())] = static_cast<char>(rng());
                break;
            case 2:  // truncate
                s.resize(pick(s.size() + 1));
                break;
            case 3: {  // splice the tail of another pickle in
                const std::string& other = seeds[pick(seeds.size())];
                s = s.substr(0, pick(s.size() + 1)) + other.substr(pick(other.size() + 1));
                break;
            }
            case 4: {  // insert a huge length-prefixed opcode
                static constexpr char kOps[] = {'X',    'B',    'T',    '\x8d',
                                                '\x8e', '\x96', '\x95', '\x8b'};
                std::string op(1, kOps[pick(sizeof kOps)]);
                op += std::string("\xff\xff\xff\x7f\x00\x00\x00\x10", 8);
                s.insert(pick(s.size() + 1), op);
                break;
            }
            case 5:  // drop a byte
                if (!s.empty()) s.erase(pick(s.size()), 1);
                break;
            default: {  // random bytes
                std::string noise(pick(16), '\0');
                for (char& c : noise) c = static_cast<char>(rng());
                s.insert(pick(s.size() + 1), noise);
                break;
            }
        }
    }
    return s;
}

class PickleFuzzTest : public ScriptTest {};

TEST_F(PickleFuzzTest, MutatedPicklesReturnOrRaise) {
    ASSERT_EQ(run(kSetup), "");
    Value seeds_list = dict_get_cstr(ts, *m_globals, "seeds");
    Value find_class = dict_get_cstr(ts, *m_globals, "find_class");
    ASSERT_FALSE(seeds_list.is_null());
    std::vector<std::string> seeds;
    for (uint64_t i = 0; i < list_size(seeds_list); ++i)
        seeds.emplace_back(bytes_view(list_item(seeds_list, i)));
    ASSERT_GT(seeds.size(), 100u);

    PickleLoadOptions options;
    options.find_class = find_class;
    // Every seed loads.
    for (const std::string& s : seeds) {
        Ref r(pickle_load(ts, s, Value(), options));
        if (!r) {
            Ref exc(fetch_exception(ts));
            ADD_FAILURE() << "a seed failed to load: " << format_exception_only(ts, *exc);
        }
    }
    std::mt19937_64 rng(20261207);
    int returned = 0, raised = 0;
    for (int i = 0; i < 150000; ++i) {
        std::string data = mutate(rng, seeds);
        Ref r(pickle_load(ts, data, Value(), options));
        if (r) {
            ASSERT_FALSE(ts.has_exception()) << "result with a pending exception, case " << i;
            ++returned;
        } else {
            ASSERT_TRUE(ts.has_exception()) << "null result without an exception, case " << i;
            clear_exception(ts);
            ++raised;
        }
    }
    // Both outcomes occur: the mutations are neither all fatal nor all harmless.
    EXPECT_GT(returned, 100);
    EXPECT_GT(raised, 1000);
}

TEST_F(PickleFuzzTest, HostileLengthsDoNotAllocate) {
    ASSERT_EQ(run("import pickle\n"), "");
    PickleLoadOptions options;
    const std::string cases[] = {
        std::string("\x8e\x00\x00\x00\x00\x00\x00\x00\x10", 9),             // BINBYTES8 of 2**60
        std::string("\x8d\x00\x00\x00\x00\x00\x00\x00\x10", 9),             // BINUNICODE8 of 2**60
        std::string("\x96\xff\xff\xff\xff\xff\xff\xff\x0f", 9),             // BYTEARRAY8
        std::string("\x80\x04\x95\x00\x00\x00\x00\x00\x00\x00\x10N.", 14),  // FRAME of 2**60
        std::string("\x8b\xff\xff\xff\x7f", 5),                             // LONG4
        std::string("N\x72\xff\xff\xff\x7f.", 7),  // LONG_BINPUT at 2**31-1: sparse
        std::string("\x80\x02(((((((((((((((((((((((((((((((((((((((((((((((((t.", 53),
    };
    for (const std::string& data : cases) {
        Ref r(pickle_load(ts, data, Value(), options));
        if (!r) clear_exception(ts);
    }
    EXPECT_EQ(
        run("print(pickle.loads(b'N\\x72\\xff\\xff\\xff\\x7f0\\x6a\\xff\\xff\\xff\\x7f.'))\n"),
        "None\n");
}

TEST_F(PickleFuzzTest, FileInputStopsAtTheEndOfEachPickle) {
    EXPECT_EQ(run(R"~(import io, pickle
f = io.BytesIO()
for p in range(6):
    pickle.dump([p, "x" * p], f, p)
f.seek(0)
print([pickle.load(f) for _ in range(6)])
f = io.BytesIO(pickle.dumps(list(range(5)))[:-3])
try:
    pickle.load(f)
except Exception as e:
    print(type(e).__name__, e)
)~"),
              "[[0, ''], [1, 'x'], [2, 'xx'], [3, 'xxx'], [4, 'xxxx'], [5, 'xxxxx']]\n"
              "UnpicklingError pickle data was truncated\n");
}

}  // namespace
}  // namespace gilt
