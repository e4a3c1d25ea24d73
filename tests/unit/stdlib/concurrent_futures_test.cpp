// Tests for stdlib/lib/concurrent/futures/ that the golden scripts cannot
// hold: what the package imports, and when. Behaviour is tested against
// CPython by the golden areas tests/scripts/concurrent_futures*/.
#include <gtest/gtest.h>

#include "tests/unit/stdlib/script_test_util.hpp"

namespace gilt {
namespace {

using testing::ScriptTest;

class ConcurrentFuturesTest : public ScriptTest {};

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
