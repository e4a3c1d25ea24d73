# `python -m unittest`: discovery under the current directory (packages
# included), -v, test names, a file path, `discover -p`, and the exit status.
import os
import re
import subprocess
import sys
import tempfile

FILES = {
    'test_one.py': 'import unittest\nclass A(unittest.TestCase):\n'
                   '    def test_a(self): pass\n'
                   '    def test_b(self):\n        self.assertEqual(1, 2)\n',
    'helper.py': 'x = 1\n',
    'pkg/__init__.py': '',
    'pkg/test_two.py': 'import unittest\nclass B(unittest.TestCase):\n'
                       '    def test_c(self): pass\n',
    'check_three.py': 'import unittest\nclass C(unittest.TestCase):\n'
                      '    def test_d(self): pass\n',
}


def show(text):
    for line in text.splitlines():
        if line.startswith('  File') or line.startswith('    ') or set(line.strip()) <= set('^~'):
            continue
        print(re.sub(r'in \d+\.\d+s', 'in X.XXXs', line))


with tempfile.TemporaryDirectory() as tmp:
    for name, text in FILES.items():
        os.makedirs(os.path.dirname(os.path.join(tmp, name)), exist_ok=True)
        with open(os.path.join(tmp, name), 'w') as f:
            f.write(text)
    for args in ([], ['-v', 'test_one'], ['discover', '-p', 'check_*.py'], ['test_one.A.test_a'],
                 ['test_one.py'], ['pkg.test_two']):
        done = subprocess.run([sys.executable, '-m', 'unittest'] + args, cwd=tmp,
                              capture_output=True, text=True)
        print('args', args, 'exit', done.returncode, repr(done.stdout))
        show(done.stderr)
