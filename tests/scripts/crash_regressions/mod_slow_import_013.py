# Imported by 013_ctrl_c_during_import_wait.py in a worker thread: the body
# holds the module's import lock until the main script lets it finish.
import sys

state = sys.modules["__main__"].IMPORT_STATE
state["started"].set()
state["release"].wait()
VALUE = "slow module loaded"
