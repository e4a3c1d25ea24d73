// Tests for stdlib/lib/concurrent/futures/ that the golden scripts cannot
// hold because gilt knowingly differs from CPython there: ProcessPoolExecutor
// exists (so imports work) but cannot run until gilt has multiprocessing.
// The rest of the package is tested against CPython by the golden area
// tests/scripts/concurrent_futures/.
#include <gtest/gtest.h>

#include "tests/unit/stdlib/script_test_util.hpp"

namespace gilt {
namespace {

using testing::ScriptTest;

class ConcurrentFuturesTest : public ScriptTest {};

TEST_F(ConcurrentFuturesTest, ProcessPoolExecutorImportsButCannotBeCreated) {
    EXPECT_EQ(run("from concurrent.futures import ProcessPoolExecutor, Executor\n"
                  "from concurrent.futures.process import BrokenProcessPool\n"
                  "print(issubclass(ProcessPoolExecutor, Executor), "
                  "BrokenProcessPool.__mro__[1].__name__)\n"
                  "ProcessPoolExecutor(max_workers=2)\n"),
              "True BrokenExecutor\n"
              "NotImplementedError: ProcessPoolExecutor is not supported yet: gilt has no "
              "multiprocessing module to start worker processes (use ThreadPoolExecutor)\n");
}

TEST_F(ConcurrentFuturesTest, ExecutorsAreImportedOnFirstUse) {
    EXPECT_EQ(run("import sys\n"
                  "import concurrent.futures as cf\n"
                  "print('concurrent.futures.thread' in sys.modules)\n"
                  "print(cf.ThreadPoolExecutor.__name__, 'concurrent.futures.thread' in "
                  "sys.modules)\n"),
              "False\nThreadPoolExecutor True\n");
}

}  // namespace
}  // namespace gilt
