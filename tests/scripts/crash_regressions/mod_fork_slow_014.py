# Imported by 014_fork_during_import.py in one thread while another forks:
# the body stays inside the import until the script releases it.
import sys

state = sys.modules["__main__"].IMPORT_STATE
state["started"].set()
state["release"].wait()
VALUE = "slow module finished"
