# Eight threads import the same module for the first time while its body is
# held: every one gets the complete module, and the body runs once.
import sys

import it_driver
import it_gate


def importer():
    import slow_plain
    return (slow_plain.value, slow_plain.answer())


results = it_driver.run("slow_plain", importer)
for r in results:
    print(r)
print("body runs:", it_gate.runs["slow_plain"])
print("same object:", sys.modules["slow_plain"] is __import__("slow_plain"))
