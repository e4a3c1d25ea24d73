# unittest.main(): loading the module's tests, -v and test names from argv,
# and the exit status (SystemExit 0 on success, 1 on failure).
import io
import re
import unittest


class Good(unittest.TestCase):
    def test_a(self):
        self.assertEqual(2 + 2, 4)

    def test_b(self):
        self.assertTrue(True)


class Bad(unittest.TestCase):
    def test_c(self):
        self.assertEqual(2 + 2, 5)


def run(argv, **kwargs):
    stream = io.StringIO()
    try:
        program = unittest.main(argv=argv, testRunner=unittest.TextTestRunner(stream=stream),
                                **kwargs)
        print('returned', program.result.wasSuccessful())
    except SystemExit as e:
        print('SystemExit', e.code)
    text = re.sub(r'in \d+\.\d+s', 'in X.XXXs', stream.getvalue())
    print('\n'.join(line for line in text.splitlines()
                    if not line.startswith('  File') and not line.startswith('    ')))


run(['prog', 'Good'])
run(['prog', 'Good.test_b', 'Bad'])
run(['prog'], exit=False)
run(['prog', 'Good'], exit=False)
stream = io.StringIO()
try:
    unittest.main(argv=['prog', '-v', 'Good'], testRunner=unittest.TextTestRunner(stream=stream, verbosity=2))
except SystemExit as e:
    print('SystemExit', e.code)
print(re.sub(r'in \d+\.\d+s', 'in X.XXXs', stream.getvalue()))
