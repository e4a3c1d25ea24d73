# TextTestRunner output at verbosity 0, 1 and 2: progress characters, the
# per-test lines, the failure reports, the summary line and the counts.
# Timings and traceback source lines are filtered so the output is stable.
import io
import re
import unittest


def tidy(text):
    out, skip_next = [], False
    for line in text.splitlines():
        if skip_next:
            skip_next = False
            continue
        if line.startswith('  File '):
            skip_next = True
            continue
        if line.strip() and set(line.strip()) <= set('^~'):
            continue
        out.append(re.sub(r'in \d+\.\d+s', 'in X.XXXs', line))
    return '\n'.join(out)


class T(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        print('setUpClass')

    @classmethod
    def tearDownClass(cls):
        print('tearDownClass')

    def setUp(self):
        self.x = 1
        self.addCleanup(print, 'cleanup', self._testMethodName)

    def test_ok(self):
        """Checks ok."""
        self.assertEqual(self.x, 1)

    def test_fail(self):
        self.assertEqual([1, 2], [1, 3])

    def test_error(self):
        {}['k']

    @unittest.skip('not now')
    def test_skip(self):
        pass

    def test_skip_inside(self):
        self.skipTest('decided late')

    @unittest.expectedFailure
    def test_xfail(self):
        self.assertTrue(False)

    @unittest.expectedFailure
    def test_xpass(self):
        pass

    def test_sub(self):
        for i in range(3):
            with self.subTest(i=i):
                self.assertLess(i, 2)

    def test_raises(self):
        with self.assertRaises(ValueError) as cm:
            int('x')
        self.assertIn('invalid', str(cm.exception))
        self.assertRaises(ZeroDivisionError, lambda: 1 / 0)
        with self.assertRaisesRegex(KeyError, 'k'):
            {}['k']


@unittest.skipIf(True, 'whole class')
class Skipped(unittest.TestCase):
    def test_a(self):
        pass


class Passing(unittest.TestCase):
    def test_one(self):
        pass

    def test_two(self):
        self.assertAlmostEqual(0.1 + 0.2, 0.3)


loader = unittest.TestLoader()
print(loader.getTestCaseNames(T))
for verbosity in (0, 1, 2):
    stream = io.StringIO()
    suite = unittest.TestSuite([loader.loadTestsFromTestCase(T),
                                loader.loadTestsFromTestCase(Skipped)])
    result = unittest.TextTestRunner(stream=stream, verbosity=verbosity).run(suite)
    print(tidy(stream.getvalue()))
    print(result, result.testsRun, len(result.failures), len(result.errors), len(result.skipped),
          len(result.expectedFailures), len(result.unexpectedSuccesses), result.wasSuccessful())
stream = io.StringIO()
result = unittest.TextTestRunner(stream=stream).run(loader.loadTestsFromTestCase(Passing))
print(tidy(stream.getvalue()), result.wasSuccessful())
stream = io.StringIO()
unittest.TextTestRunner(stream=stream).run(unittest.TestSuite())
print(tidy(stream.getvalue()))
suite = loader.loadTestsFromTestCase(Passing)
print(suite.countTestCases(), [str(t) for t in suite], repr(T('test_ok')), T('test_ok').id(),
      T('test_ok').shortDescription(), T('test_fail').shortDescription())
try:
    T('nope')
except ValueError as e:
    print('ValueError', e)
