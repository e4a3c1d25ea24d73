// Robustness test: mutated programs must give a tree or a SyntaxErrorInfo,
// never a crash, a hang, an escaping exception, or a sanitizer report. Run
// it under -fsanitize=address,undefined. The mutations are deterministic
// (fixed seed), so a failure reproduces exactly.
#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "interp/frontend/lexer.hpp"
#include "interp/frontend/parser.hpp"

#ifndef GILT_PARSER_CASES_DIR
#define GILT_PARSER_CASES_DIR "tests/unit/interp/frontend/parser_cases"
#endif

namespace gilt {
namespace {

const char* const kBigPrograms[] = {
    R"(import asyncio, threading
from concurrent.futures import ThreadPoolExecutor as Pool

class Account(object, metaclass=Meta):
    """A bank account."""
    rate: float = 0.5

    def __init__(self, owner, /, balance=0, *, currency="EUR", **extra):
        self.owner, self.balance = owner, balance
        self._lock = threading.Lock()

    @property
    def summary(self) -> str:
        return f"{self.owner!r:>10}: {self.balance:,.2f} {self.currency}"

    def deposit(self, amount):
        with self._lock:
            if amount <= 0:
                raise ValueError("bad amount") from None
            elif amount > 10_000:
                print("large", amount, sep=" ", end="\n")
            else:
                pass
            self.balance += amount
        return self

async def fetch(i):
    await asyncio.sleep(0.01 * i)
    async with sem:
        async for item in stream(i):
            yield {k: v for k, v in item.items() if v is not None}

def main(argv=None):
    global counter
    data = [x ** 2 for x in range(10) if x % 2 == 0]
    pairs = {(a, b) for a in data for b in data if a < b < 50}
    total = sum(x for x in data)
    lookup = {**defaults, "key": [1, 2, *rest], 'n': (lambda *a, **k: a)(1)}
    try:
        first, *middle, last = data
        del lookup["key"], data[0:2]
    except (KeyError, IndexError) as exc:
        print(exc)
    finally:
        counter = total if total else -1
    while (n := len(data)) > 3:
        data.pop()
    else:
        assert n == 3, "expected three"
    for i, (x, y) in enumerate(zip(data, data[1:])):
        print(i, x, y, x if x > y else y, not x, ~y, -x + +y)
    return [a[1:2, ::3], b'\x00\xff', r'\d+', 0x1F, 1e-3, 2j, ...]

if __name__ == "__main__":
    main()
)",
    R"(def gen():
    x = yield
    y = yield from range(3)
    nonlocal_test = 1
    def inner():
        nonlocal nonlocal_test
        nonlocal_test += 1
        return (yield nonlocal_test)
    return inner

@decorator(arg=1)
@other
class C(Base1, Base2):
    def m(self, a: int = 1, *args: str, b: "x" = None, **kw: dict) -> None: ...
    async def am(self):
        return [await f(x) async for x in aiter() if await g(x)]

x = 1; y = 2; z = (x + y) * (x - y) / (x // y) % 3 @ m ** 2 << 1 >> 2 | 3 ^ 4 & 5
s = 'a' "b" '''c''' """d""" f'{x}' f"{y!s:{z}}" rf'\n{x=}'
)",
};

std::vector<std::string> load_corpus() {
    std::vector<std::string> corpus(std::begin(kBigPrograms), std::end(kBigPrograms));
    for (const char* name : {"valid.expected", "errors.expected"}) {
        std::ifstream in(std::string(GILT_PARSER_CASES_DIR) + "/" + name, std::ios::binary);
        std::string word, mode, source, expected;
        std::size_t n = 0;
        while (in >> word >> mode >> word >> n) {
            in.get();
            source.assign(n, '\0');
            in.read(source.data(), static_cast<std::streamsize>(n));
            in.get();
            in >> word >> n;
            in.get();
            expected.assign(n, '\0');
            in.read(expected.data(), static_cast<std::streamsize>(n));
            in.get();
            corpus.push_back(source);
        }
    }
    return corpus;
}

// Parses in all three modes and checks the result is one of the two
// allowed outcomes.
void check(const std::string& src) {
    for (auto mode :
         {ast::ParseMode::Module, ast::ParseMode::Interactive, ast::ParseMode::Expression}) {
        ParseResult r = parse(src, "<fuzz>", mode);
        if (r.ok()) {
            ASSERT_TRUE(r.module);
            EXPECT_FALSE(ast::ast_dump(*r.module).empty());
        } else {
            ASSERT_FALSE(r.module);
            EXPECT_FALSE(r.error->msg.empty()) << src;
            EXPECT_GE(r.error->line, 1) << src;
        }
    }
}

TEST(ParserFuzz, CorpusIsLoaded) {
    EXPECT_GT(load_corpus().size(), 300u);
}

TEST(ParserFuzz, EveryPrefixOfTheBigPrograms) {
    for (const char* program : kBigPrograms) {
        std::string src(program);
        for (std::size_t n = 0; n <= src.size(); ++n) check(src.substr(0, n));
    }
}

TEST(ParserFuzz, PrefixesOfEverySnippet) {
    for (const std::string& src : load_corpus())
        for (std::size_t n = 0; n < src.size(); n += 1 + src.size() / 64) check(src.substr(0, n));
}

TEST(ParserFuzz, RandomByteFlips) {
    std::mt19937 rng(12345);
    const std::vector<std::string> corpus = load_corpus();
    const char kInteresting[] = "()[]{}:'\"\\\n\t #=*,.f\x80\xff\0";
    for (int i = 0; i < 4000; ++i) {
        std::string src = corpus[rng() % corpus.size()];
        if (src.empty()) continue;
        int flips = 1 + static_cast<int>(rng() % 3);
        for (int k = 0; k < flips; ++k) {
            std::size_t at = rng() % src.size();
            if (rng() % 2)
                src[at] = kInteresting[rng() % (sizeof kInteresting - 1)];
            else
                src[at] = static_cast<char>(rng() & 0xFF);
        }
        check(src);
    }
}

TEST(ParserFuzz, TokenDeletionsAndDuplications) {
    std::mt19937 rng(67890);
    const std::vector<std::string> corpus = load_corpus();
    int variants = 0;
    for (int i = 0; i < 20000 && variants < 3000; ++i) {
        const std::string& src = corpus[rng() % corpus.size()];
        TokenizeResult toks = tokenize(src);
        if (toks.error) continue;
        // Only tokens with text have a byte range to cut or repeat.
        std::vector<const Token*> real;
        for (const Token& t : toks.tokens)
            if (!t.text.empty()) real.push_back(&t);
        if (real.empty()) continue;
        const Token* t = real[rng() % real.size()];
        std::size_t begin = static_cast<std::size_t>(t->text.data() - src.data());
        std::string mutated = src;
        if (rng() % 2)
            mutated.erase(begin, t->text.size());
        else
            mutated.insert(begin, std::string(t->text) + " ");
        check(mutated);
        ++variants;
    }
    EXPECT_GE(variants, 3000);
}

TEST(ParserFuzz, PathologicalInputs) {
    check(std::string(100000, '('));
    check(std::string(100000, '['));
    check(std::string(50000, '-') + "x");
    check(std::string(20000, ' ') + "x");
    std::string nested_blocks;
    for (int i = 0; i < 150; ++i)
        nested_blocks += std::string(static_cast<std::size_t>(i), ' ') + "if x:\n";
    check(nested_blocks);
    std::string fstrings = "f'{";
    for (int i = 0; i < 50; ++i) fstrings += "f\"{";
    check(fstrings);
    check("f'{x:{y:{z:{w}}}}'");
    check(std::string("x = ") + std::string(5000, '"'));
    check(std::string(1, '\0'));
    std::string long_chain = "x";
    for (int i = 0; i < 20000; ++i) long_chain += ".a[0](1)";
    check(long_chain);
}

}  // namespace
}  // namespace gilt
