// The frozen stdlib (interp/vm/frozen.hpp) and the code format it travels
// in (runtime/code_marshal.hpp): every embedded module's frozen code is
// exactly what compiling its text gives now, and reads back unchanged; a
// damaged blob is a ValueError, never a crash.
#include "interp/vm/frozen.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "interp/compiler/compile.hpp"
#include "runtime/code.hpp"
#include "runtime/code_marshal.hpp"
#include "runtime/errors.hpp"
#include "runtime/exception.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/str.hpp"

namespace gilt {
namespace {

class FrozenStdlib : public ::testing::Test {
protected:
    Interpreter interp;
    ThreadState& ts = interp.main_thread();

    // What the importer compiles for module i when nothing is frozen.
    std::string compiled_now(std::size_t i) {
        std::string_view text = kEmbeddedLib[i].source;
        if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
        std::string filename = std::string("<frozen ") + kEmbeddedLib[i].name + ">";
        Ref code(compile_source(ts, text, filename, CompileMode::Exec));
        std::string bytes;
        if (!code) {
            clear_exception(ts);
            return bytes;
        }
        EXPECT_TRUE(code_marshal_dump(ts, *code, &bytes)) << kEmbeddedLib[i].name;
        return bytes;
    }
};

std::string_view frozen_bytes(std::size_t i) {
    return {kFrozenLib[i].data, kFrozenLib[i].size};
}

TEST_F(FrozenStdlib, EveryModuleHasItsEntryInOrder) {
    ASSERT_EQ(kFrozenLibCount, kEmbeddedLibCount);
    ASSERT_GT(kEmbeddedLibCount, 100u);
    for (std::size_t i = 0; i < kEmbeddedLibCount; ++i)
        EXPECT_STREQ(kFrozenLib[i].name, kEmbeddedLib[i].name);
}

// The build froze what the compiler makes of each text today: a stale
// entry (a source or the compiler changed without the freezer rerunning)
// fails here, naming the module.
TEST_F(FrozenStdlib, EveryModuleIsItsTextCompiled) {
    ASSERT_EQ(kFrozenLibCount, kEmbeddedLibCount);
    std::size_t frozen = 0;
    for (std::size_t i = 0; i < kEmbeddedLibCount; ++i) {
        std::string now = compiled_now(i);
        EXPECT_TRUE(now == frozen_bytes(i)) << kEmbeddedLib[i].name << " is stale";
        frozen += !now.empty();
    }
    EXPECT_EQ(frozen, kEmbeddedLibCount) << "every embedded module compiles";
}

// Reading and writing again gives the same bytes: no field is lost on the
// way in, so the loaded code is the compiled code.
TEST_F(FrozenStdlib, EveryModuleReadsBackUnchanged) {
    for (std::size_t i = 0; i < kFrozenLibCount; ++i) {
        Ref code(code_marshal_load(ts, frozen_bytes(i)));
        ASSERT_TRUE(code) << kEmbeddedLib[i].name;
        std::string again;
        ASSERT_TRUE(code_marshal_dump(ts, *code, &again));
        EXPECT_TRUE(again == frozen_bytes(i)) << kEmbeddedLib[i].name;
        EXPECT_EQ(code_filename(*code), std::string("<frozen ") + kEmbeddedLib[i].name + ">");
    }
}

TEST_F(FrozenStdlib, ConstantsOfEveryKindTravel) {
    const char* source =
        "a = (None, True, False, ..., 7, -3, 2**70, 12345678901234567890123, 1.5, -0.0, 2j,\n"
        "     'text', 'ident', b'\\x00\\xff', ('nested', (1,)), 'caf\\u00e9')\n"
        "def f(x, /, y=1, *args, z, **kw):\n"
        "    'doc'\n"
        "    def g():\n"
        "        return x + y\n"
        "    return g\n"
        "class C:\n"
        "    def m(self):\n"
        "        return __class__\n"
        "async def co():\n"
        "    yield 1\n";
    Ref code(compile_source(ts, source, "<case>", CompileMode::Exec));
    ASSERT_TRUE(code);
    std::string bytes;
    ASSERT_TRUE(code_marshal_dump(ts, *code, &bytes));
    Ref loaded(code_marshal_load(ts, bytes));
    ASSERT_TRUE(loaded);
    std::string again;
    ASSERT_TRUE(code_marshal_dump(ts, *loaded, &again));
    EXPECT_EQ(again, bytes);
}

// Every prefix of a real blob, and the blob with each byte flipped in a
// stretch, is read without a crash: a code object or ValueError.
TEST_F(FrozenStdlib, DamagedBytesAreAValueError) {
    ASSERT_GT(kFrozenLibCount, 0u);
    std::string blob(frozen_bytes(0));
    for (std::size_t n = 0; n < blob.size(); ++n) {
        Ref code(code_marshal_load(ts, std::string_view(blob).substr(0, n)));
        ASSERT_FALSE(code) << "prefix " << n;
        ASSERT_TRUE(exception_matches(ts, interp.exc_types.ValueError)) << "prefix " << n;
        clear_exception(ts);
    }
    for (std::size_t i = 0; i < blob.size() && i < 400; ++i) {
        std::string bad = blob;
        bad[i] = static_cast<char>(bad[i] ^ 0x5a);
        Ref code(code_marshal_load(ts, bad));
        if (!code) clear_exception(ts);
    }
}

}  // namespace
}  // namespace gilt
