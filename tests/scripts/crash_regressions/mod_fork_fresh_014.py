# Imported for the first time by 014_fork_during_import.py's child process.
VALUE = "fresh module imported"
