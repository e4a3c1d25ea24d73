# Imported by a thread that 014_fork_during_import.py's child starts.
VALUE = "imported in a thread of the child"
