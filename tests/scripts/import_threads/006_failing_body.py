# The first importer's body raises. The others waited for it; each then
# finds no module in sys.modules and runs the body itself, one at a time,
# and gets its own error.
import sys

import it_driver
import it_gate


def importer():
    import slow_fail
    return "imported"


print(it_driver.run("slow_fail", importer, count=5))
print("body runs:", it_gate.runs["slow_fail"])
print("in sys.modules:", "slow_fail" in sys.modules)
