"""`gilt -m unittest [discover ...] [names]`: run tests from the command
line; with no test names, discover them under the current directory."""

import os
import sys

from unittest import main

# Only when run as the program (-m), not when imported by name.
if __name__ == '__main__':
    if sys.argv[0].endswith('__main__.py') or sys.argv[0] in ('-m', ''):
        sys.argv[0] = 'python -m unittest'
    if '' not in sys.path and os.getcwd() not in sys.path:
        sys.path.insert(0, os.getcwd())
    main(module=None)
