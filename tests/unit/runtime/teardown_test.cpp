// Interpreter tear-down frees everything (the asan preset's LeakSanitizer
// checks it), __del__ on refcount release, and weak references.
#include <gtest/gtest.h>
#include <gilt/gilt.hpp>

#include <string>

namespace gilt {
namespace {

// Each cycle builds builtins, sys, imported modules (Python and native),
// classes, cycles, weak references and finalizers, then destroys it all.
TEST(Teardown, CreateRunDestroyTwentyTimes) {
    for (int i = 0; i < 20; ++i) {
        std::string out;
        Options o;
        o.stdout_sink = [&out](std::string_view s) { out += s; };
        {
            Host host(o);
            host.exec(
                "import collections, random, weakref, json, threading\n"
                "class Node:\n"
                "    def __init__(self): self.me = self\n"
                "class D:\n"
                "    def __del__(self): print('del')\n"
                "n = Node()\n"
                "keep = D()\n"
                "r = weakref.ref(n)\n"
                "cache = weakref.WeakValueDictionary()\n"
                "cache['n'] = n\n"
                "dq = collections.deque([1.5, 'x', (1, 2)])\n"
                "try:\n"
                "    raise ValueError('boom')\n"
                "except ValueError as e:\n"
                "    err = e\n");
            EXPECT_EQ(host.eval("r() is n").as_bool(), true);
        }
        EXPECT_EQ(out, "del\n") << "cycle " << i;
    }
}

TEST(Teardown, DelRunsOnReleaseOnceAndMayResurrect) {
    std::string out;
    Options o;
    o.stdout_sink = [&out](std::string_view s) { out += s; };
    Host host(o);
    host.exec(
        "class C:\n"
        "    def __del__(self):\n"
        "        global saved\n"
        "        saved = self\n"
        "        print('del')\n"
        "c = C()\n"
        "c = None\n"
        "print(type(saved).__name__)\n"
        "saved = None\n"
        "print('end')\n");
    EXPECT_EQ(out, "del\nC\nend\n");
}

TEST(Teardown, WeakrefCallbackRunsWhenReferentDies) {
    std::string out;
    Options o;
    o.stdout_sink = [&out](std::string_view s) { out += s; };
    Host host(o);
    host.exec(
        "import weakref\n"
        "class A: pass\n"
        "a = A()\n"
        "w = weakref.ref(a, lambda wr: print('cb', wr() is None))\n"
        "print(weakref.getweakrefcount(a), weakref.ref(a) is weakref.ref(a))\n"
        "del a\n"
        "print(w())\n"
        "try:\n"
        "    weakref.ref([])\n"
        "except TypeError as e:\n"
        "    print(e)\n");
    EXPECT_EQ(out, "1 True\ncb True\nNone\ncannot create weak reference to 'list' object\n");
}

}  // namespace
}  // namespace gilt
