// Tests for code generation choices the eval loop relies on: which adjacent
// instructions pair into superinstructions, which operators get opcodes of
// their own, and that the code-shape flag
// read by the call fast path is set only where binding is a plain copy.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "interp/compiler/compile.hpp"
#include "interp/compiler/disassembler.hpp"
#include "runtime/code.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/str.hpp"

namespace gilt {
namespace {

class CompilerTest : public ::testing::Test {
protected:
    Interpreter interp;
    ThreadState& ts = interp.main_thread();

    // The code object of the first function defined by `source`.
    Ref function_code(std::string_view source) {
        Ref module(compile_source(ts, source, "<test>", CompileMode::Exec));
        EXPECT_TRUE(module);
        if (!module) return Ref();
        for (Value c : code_obj(*module)->consts) {
            if (c.is_object() && c.as_object()->type == interp.types.code) return Ref(new_ref(c));
        }
        ADD_FAILURE() << "no function in source";
        return Ref();
    }
    std::string listing(std::string_view source) {
        Ref code = function_code(source);
        return code ? disassemble(ts, code_obj(*code)) : std::string();
    }
};

TEST_F(CompilerTest, AdjacentLocalLoadsPair) {
    std::string dis = listing("def f(a, b):\n    return a * b\n");
    EXPECT_NE(dis.find("LOAD_FAST__LOAD_FAST"), std::string::npos) << dis;
}

// The words that can be reached alone (a jump target, the start of a line
// in a traceback) stay in the code after pairing, so they are still listed.
TEST_F(CompilerTest, LoadThatIsAJumpTargetKeepsItsWord) {
    // `d` follows `b` but is also where the conditional expression's first
    // branch jumps to.
    std::string dis = listing("def f(a, b, c, d):\n    return (a if c else b), d\n");
    auto paired = dis.find("LOAD_FAST__LOAD_FAST");
    ASSERT_NE(paired, std::string::npos) << dis;
    auto after = dis.find('\n', paired);
    ASSERT_NE(after, std::string::npos);
    EXPECT_NE(dis.find("LOAD_FAST", after), std::string::npos) << dis;
    EXPECT_NE(dis.find("(d)", after), std::string::npos) << dis;
}

TEST_F(CompilerTest, StoreThenLoadPairsAcrossLinesKeepingBothWords) {
    // Pairing rewrites only the first word: the load keeps its own word (and
    // line), so it is still listed after the paired store.
    std::string dis = listing("def f(a):\n    b = a\n    return b\n");
    auto paired = dis.find("STORE_FAST__LOAD_FAST");
    ASSERT_NE(paired, std::string::npos) << dis;
    EXPECT_NE(dis.find("LOAD_FAST", paired + 1 + std::string_view("STORE_FAST__LOAD_FAST").size()),
              std::string::npos)
        << dis;
    EXPECT_NE(listing("def f(p):\n    a, b = p\n    return a\n").find("STORE_FAST__STORE_FAST"),
              std::string::npos);
    EXPECT_NE(listing("def f(s):\n    return s[0]\n").find("LOAD_FAST__LOAD_CONST"),
              std::string::npos);
}

TEST_F(CompilerTest, CommonArithmeticOperatorsGetTheirOwnOpcodes) {
    std::string dis = listing("def f(a, b):\n    a += b\n    return a - b * a / b % a\n");
    EXPECT_NE(dis.find("INPLACE_ADD"), std::string::npos) << dis;
    EXPECT_NE(dis.find("BINARY_SUB"), std::string::npos) << dis;
    EXPECT_NE(dis.find("BINARY_MUL"), std::string::npos) << dis;
    EXPECT_NE(dis.find("BINARY_TRUEDIV"), std::string::npos) << dis;
    // The rest keep the generic opcode, the operator in its argument.
    auto generic = dis.find("BINARY_OP");
    ASSERT_NE(generic, std::string::npos) << dis;
    EXPECT_NE(dis.find("%", generic), std::string::npos) << dis;
}

// `o[k] op= v` and `o.a op= v` keep their operands where the augmented
// assignment left them: no SWAP/COPY shuffles between the steps.
TEST_F(CompilerTest, AugmentedStoresNeedNoShuffles) {
    std::string sub = listing("def f(v, i, x):\n    v[i] -= x\n");
    EXPECT_NE(sub.find("DUP_TOP_TWO"), std::string::npos) << sub;
    EXPECT_NE(sub.find("STORE_SUBSCR_AUG"), std::string::npos) << sub;
    EXPECT_EQ(sub.find("SWAP"), std::string::npos) << sub;
    EXPECT_EQ(sub.find("COPY"), std::string::npos) << sub;
    std::string attr = listing("def f(o, x):\n    o.count += x\n");
    auto store = attr.find("STORE_ATTR_AUG");
    ASSERT_NE(store, std::string::npos) << attr;
    EXPECT_NE(attr.find("(count)", store), std::string::npos) << attr;
    EXPECT_EQ(attr.find("SWAP"), std::string::npos) << attr;
}

// A two-part slice that is read compiles to BINARY_SLICE (no slice object);
// stepped slices, stores and deletes keep BUILD_SLICE.
TEST_F(CompilerTest, TwoPartSliceLoadsNeedNoSliceObject) {
    std::string load = listing("def f(s, a):\n    return s[a:] + s[:2]\n");
    EXPECT_NE(load.find("BINARY_SLICE"), std::string::npos) << load;
    EXPECT_EQ(load.find("BUILD_SLICE"), std::string::npos) << load;
    for (const char* src : {"def f(s):\n    return s[1:2:3]\n", "def f(s):\n    s[1:2] = []\n",
                            "def f(s):\n    del s[1:2]\n", "def f(s):\n    s[1:2] += [0]\n"}) {
        std::string dis = listing(src);
        EXPECT_NE(dis.find("BUILD_SLICE"), std::string::npos) << dis;
        EXPECT_EQ(dis.find("BINARY_SLICE"), std::string::npos) << dis;
    }
}

// A comparison that decides a branch pairs with the jump, whose word stays
// (the jump target and the generic path still read it).
TEST_F(CompilerTest, CompareThenBranchPairs) {
    std::string dis = listing(
        "def f(a, b):\n    if a < b:\n        return 1\n    while a > b:\n        a -= 1\n");
    auto first = dis.find("COMPARE_OP__POP_JUMP_IF_FALSE");
    ASSERT_NE(first, std::string::npos) << dis;
    EXPECT_NE(dis.find("POP_JUMP_IF_FALSE", first + 30), std::string::npos) << dis;
    std::string value = listing("def f(a, b):\n    return a < b\n");
    EXPECT_EQ(value.find("COMPARE_OP__"), std::string::npos) << value;
}

TEST_F(CompilerTest, SelfAttributeLoadsAndMethodLookupsPair) {
    std::string dis = listing("def f(self):\n    return self.x + self.m()\n");
    EXPECT_NE(dis.find("LOAD_FAST__LOAD_ATTR"), std::string::npos) << dis;
    EXPECT_NE(dis.find("LOAD_FAST__LOAD_METHOD"), std::string::npos) << dis;
}

TEST_F(CompilerTest, LoopOverIntoALocalPairs) {
    std::string dis =
        listing("def f(xs):\n    for x in xs:\n        pass\n    for a, b in xs:\n        pass\n");
    auto pair = dis.find("FOR_ITER__STORE_FAST");
    ASSERT_NE(pair, std::string::npos) << dis;
    EXPECT_EQ(dis.find("FOR_ITER__STORE_FAST", pair + 1), std::string::npos)
        << dis;  // unpacking loop: not paired
}

// `a * b` of two locals and `n - 1` of a local and a constant become one
// opcode; both following words stay (the fallback and jumps run them).
TEST_F(CompilerTest, LocalArithmeticTriples) {
    std::string dis = listing("def f(a, b, n):\n    return a * b, n - 1, a / b, a % b, n / 2\n");
    auto mul = dis.find("LOAD_FAST__LOAD_FAST__BINARY_MUL");
    ASSERT_NE(mul, std::string::npos) << dis;
    EXPECT_NE(dis.find("BINARY_MUL", mul + 40), std::string::npos) << dis;  // the kept third word
    EXPECT_NE(dis.find("LOAD_FAST__LOAD_CONST__BINARY_SUB"), std::string::npos) << dis;
    EXPECT_NE(dis.find("LOAD_FAST__LOAD_FAST__BINARY_TRUEDIV"), std::string::npos) << dis;
    EXPECT_EQ(dis.find("LOAD_CONST__BINARY_TRUEDIV"), std::string::npos)
        << dis;  // n / 2: int/int is not done inline
    EXPECT_EQ(dis.find("__BINARY_OP"), std::string::npos) << dis;  // %: no triple
    std::string aug =
        listing("def f(i, x):\n    i += 1\n    x -= i\n    x *= 2\n    return i, x\n");
    EXPECT_NE(aug.find("LOAD_FAST__LOAD_CONST__INPLACE_ADD"), std::string::npos) << aug;
    EXPECT_NE(aug.find("LOAD_FAST__LOAD_FAST__INPLACE_SUB"), std::string::npos) << aug;
    EXPECT_EQ(aug.find("__INPLACE_MUL"), std::string::npos) << aug;
}

TEST_F(CompilerTest, SimpleArgsFlagOnlyForPlainPositionalFunctions) {
    auto flagged = [&](std::string_view src) {
        Ref code = function_code(src);
        return code && (code_obj(*code)->flags & kCodeSimpleArgs) != 0;
    };
    EXPECT_TRUE(flagged("def f(a, b=1):\n    return a\n"));
    EXPECT_FALSE(flagged("def f(*a):\n    return a\n"));
    EXPECT_FALSE(flagged("def f(**k):\n    return k\n"));
    EXPECT_FALSE(flagged("def f(*, k):\n    return k\n"));
    // Cells and free variables are set up by the simple path too.
    EXPECT_TRUE(flagged("def f(a):\n    def g():\n        return a\n    return g\n"));
    EXPECT_FALSE(flagged("def f(a):\n    yield a\n"));
    EXPECT_FALSE(flagged("async def f(a):\n    return a\n"));
}

}  // namespace
}  // namespace gilt
