"""Unit testing: TestCase with its assert methods, fixtures, subtests and
skips; TestSuite and TestLoader to gather tests; TestResult and
TextTestRunner to run them and report as CPython does; and main().

Failures are reported with the tracebacks of the test code only: frames
of this module are recognised by the `__unittest` global below and left
out, as CPython's unittest does.
"""

import difflib
import functools
import pprint
import re
import sys
import time
import traceback
import warnings

__unittest = True

__all__ = ['TestResult', 'TestCase', 'TestSuite', 'TextTestRunner', 'TestLoader',
           'FunctionTestCase', 'main', 'defaultTestLoader', 'SkipTest', 'skip', 'skipIf',
           'skipUnless', 'expectedFailure', 'TextTestResult', 'getTestCaseNames',
           'makeSuite', 'findTestCases', 'addModuleCleanup', 'doModuleCleanups']

DIFF_OMITTED = '\nDiff is %s characters long. Set self.maxDiff to None to see it.'


class SkipTest(Exception):
    """Raise to skip the running test (TestCase.skipTest does)."""


class _ShouldStop(Exception):
    pass


class _UnexpectedSuccess(Exception):
    pass


# --- reprs in messages ---------------------------------------------------------------

_MAX_LENGTH = 80
_PLACEHOLDER_LEN = 12
_MIN_BEGIN_LEN = _MIN_END_LEN = _MIN_COMMON_LEN = 5
_MIN_DIFF_LEN = _MAX_LENGTH - (_MIN_BEGIN_LEN + _PLACEHOLDER_LEN + _MIN_COMMON_LEN +
                               _PLACEHOLDER_LEN + _MIN_END_LEN)


def safe_repr(obj, short=False):
    try:
        text = repr(obj)
    except Exception:
        text = object.__repr__(obj)
    if short and len(text) >= _MAX_LENGTH:
        return text[:_MAX_LENGTH] + ' [truncated]...'
    return text


def _elide(text, keep_start, keep_end):
    hidden = len(text) - keep_start - keep_end
    if hidden > _PLACEHOLDER_LEN:
        return f'{text[:keep_start]}[{hidden} chars]{text[len(text) - keep_end:]}'
    return text


def _common_shorten_repr(*values):
    # Long reprs keep their differing tails and lose the middle of the
    # prefix they share (then of the tails too), as '[N chars]'.
    texts = [safe_repr(v) for v in values]
    longest = max(map(len, texts))
    if longest <= _MAX_LENGTH:
        return tuple(texts)
    shared = len(_shared_prefix(texts))
    room = _MAX_LENGTH - (longest - shared + _MIN_BEGIN_LEN + _PLACEHOLDER_LEN)
    if room > _MIN_COMMON_LEN:
        head = _elide(texts[0][:shared], _MIN_BEGIN_LEN, room)
        return tuple(head + t[shared:] for t in texts)
    head = _elide(texts[0][:shared], _MIN_BEGIN_LEN, _MIN_COMMON_LEN)
    return tuple(head + _elide(t[shared:], _MIN_DIFF_LEN, _MIN_END_LEN) for t in texts)


def _shared_prefix(texts):
    first, last = min(texts), max(texts)
    for i, ch in enumerate(first):
        if ch != last[i]:
            return first[:i]
    return first


def _count_differences(first, second):
    # (count in first, count in second, element) for every element whose
    # counts differ, in order of first appearance (first, then second).
    def counts(items):
        seen = []
        for item in items:
            for entry in seen:
                if entry[0] == item:
                    entry[1] += 1
                    break
            else:
                seen.append([item, 1])
        return seen
    a, b = counts(first), counts(second)
    out = []
    for item, n in a:
        m = next((c for x, c in b if x == item), 0)
        if n != m:
            out.append((n, m, item))
    for item, m in b:
        if not any(x == item for x, _ in a):
            out.append((0, m, item))
    return out


# --- test cases ------------------------------------------------------------------------

class _Outcome:
    def __init__(self, result):
        self.result = result
        self.success = True
        self.expecting_failure = False
        self.expected_failure = None


class _SubTest:
    """The test of one `with self.subTest(...)` block, for reports."""

    def __init__(self, case, message, params):
        self.test_case = case
        self._message = message
        self.params = params
        self.failureException = case.failureException

    def _description(self):
        parts = []
        if self._message is not _NO_MESSAGE:
            parts.append(f'[{self._message}]')
        if self.params:
            parts.append('(' + ', '.join(f'{k}={v!r}' for k, v in self.params.items()) + ')')
        return ' '.join(parts) or '(<subtest>)'

    def id(self):
        return f'{self.test_case.id()} {self._description()}'

    def shortDescription(self):
        return self.test_case.shortDescription()

    def __str__(self):
        return f'{self.test_case} {self._description()}'


_NO_MESSAGE = object()


class TestCase:
    """A test: each test_* method of a subclass runs as its own case,
    between setUp() and tearDown()."""

    failureException = AssertionError
    longMessage = True
    maxDiff = 80 * 8
    _diffThreshold = 2 ** 16
    _class_cleanups = []

    def __init_subclass__(cls, *args, **kwargs):
        cls._class_cleanups = []
        super().__init_subclass__(*args, **kwargs)

    def __init__(self, methodName='runTest'):
        self._testMethodName = methodName
        self._outcome = None
        self._cleanups = []
        self._subtest = None
        self._testMethodDoc = 'No test'
        try:
            method = getattr(self, methodName)
        except AttributeError:
            if methodName != 'runTest':
                raise ValueError(f'no such test method in {type(self)}: {methodName}') from None
        else:
            self._testMethodDoc = method.__doc__
        self._type_checks = {dict: 'assertDictEqual', list: 'assertListEqual',
                             tuple: 'assertTupleEqual', set: 'assertSetEqual',
                             frozenset: 'assertSetEqual', str: 'assertMultiLineEqual'}

    def addTypeEqualityFunc(self, typeobj, function):
        self._type_checks[typeobj] = function

    # --- fixtures ---

    def setUp(self):
        pass

    def tearDown(self):
        pass

    @classmethod
    def setUpClass(cls):
        pass

    @classmethod
    def tearDownClass(cls):
        pass

    def addCleanup(self, function, /, *args, **kwargs):
        self._cleanups.append((function, args, kwargs))

    @classmethod
    def addClassCleanup(cls, function, /, *args, **kwargs):
        cls._class_cleanups.append((function, args, kwargs))

    def doCleanups(self):
        while self._cleanups:
            function, args, kwargs = self._cleanups.pop()
            self._guarded(self, function, *args, **kwargs)

    @classmethod
    def doClassCleanups(cls):
        cls.tearDown_exceptions = []
        while cls._class_cleanups:
            function, args, kwargs = cls._class_cleanups.pop()
            try:
                function(*args, **kwargs)
            except Exception:
                cls.tearDown_exceptions.append(sys.exc_info())

    # --- identity ---

    def countTestCases(self):
        return 1

    def defaultTestResult(self):
        return TestResult()

    def shortDescription(self):
        doc = self._testMethodDoc
        return doc.strip().split('\n')[0].strip() if doc else None

    def id(self):
        return f'{_qualified(type(self))}.{self._testMethodName}'

    def __eq__(self, other):
        if type(self) is not type(other):
            return NotImplemented
        return self._testMethodName == other._testMethodName

    def __hash__(self):
        return hash((type(self), self._testMethodName))

    def __str__(self):
        return f'{self._testMethodName} ({_qualified(type(self))}.{self._testMethodName})'

    def __repr__(self):
        return f'<{_qualified(type(self))} testMethod={self._testMethodName}>'

    # --- running ---

    def _guarded(self, test, function, *args, is_test=False, **kwargs):
        # Runs one step, recording its exception in the outcome; False when
        # it did not complete.
        outcome = self._outcome
        try:
            function(*args, **kwargs)
        except KeyboardInterrupt:
            raise
        except SkipTest as e:
            outcome.success = False
            outcome.result.addSkip(test, str(e))
        except _ShouldStop:
            pass
        except BaseException:
            info = sys.exc_info()
            if outcome.expecting_failure and is_test:
                outcome.expected_failure = info
            else:
                outcome.success = False
                if test is not self:
                    outcome.result.addSubTest(self, test, info)
                elif issubclass(info[0], self.failureException):
                    outcome.result.addFailure(test, info)
                else:
                    outcome.result.addError(test, info)
            return False
        else:
            return True
        return False

    def run(self, result=None):
        if result is None:
            result = self.defaultTestResult()
        result.startTest(self)
        try:
            method = getattr(self, self._testMethodName)
            skip_reason = (getattr(type(self), '__unittest_skip_why__', '')
                           if getattr(type(self), '__unittest_skip__', False)
                           else getattr(method, '__unittest_skip_why__', ''))
            if getattr(type(self), '__unittest_skip__', False) or \
                    getattr(method, '__unittest_skip__', False):
                result.addSkip(self, skip_reason)
                return result
            outcome = _Outcome(result)
            outcome.expecting_failure = getattr(method, '__unittest_expecting_failure__', False)
            self._outcome = outcome
            try:
                if self._guarded(self, self.setUp):
                    self._guarded(self, method, is_test=True)
                    self._guarded(self, self.tearDown)
                self.doCleanups()
                if outcome.success:
                    if outcome.expecting_failure:
                        if outcome.expected_failure:
                            result.addExpectedFailure(self, outcome.expected_failure)
                        else:
                            result.addUnexpectedSuccess(self)
                    else:
                        result.addSuccess(self)
            finally:
                self._outcome = None
            return result
        finally:
            result.stopTest(self)

    def __call__(self, *args, **kwargs):
        return self.run(*args, **kwargs)

    def debug(self):
        self.setUp()
        getattr(self, self._testMethodName)()
        self.tearDown()
        while self._cleanups:
            function, args, kwargs = self._cleanups.pop()
            function(*args, **kwargs)

    def skipTest(self, reason):
        raise SkipTest(reason)

    def subTest(self, msg=_NO_MESSAGE, **params):
        """A context manager: a failure inside it is reported for this
        subtest, and the test goes on."""
        return _SubTestContext(self, msg, params)

    # --- messages ---

    def fail(self, msg=None):
        raise self.failureException(msg)

    def _formatMessage(self, msg, standardMsg):
        if not self.longMessage:
            return msg or standardMsg
        if msg is None:
            return standardMsg
        try:
            return f'{standardMsg} : {msg}'
        except UnicodeDecodeError:
            return f'{safe_repr(standardMsg)} : {safe_repr(msg)}'

    def _truncateMessage(self, message, diff):
        if self.maxDiff is None or len(diff) <= self.maxDiff:
            return message + diff
        return message + DIFF_OMITTED % len(diff)

    # --- assertions ---

    def assertTrue(self, expr, msg=None):
        if not expr:
            self.fail(self._formatMessage(msg, f'{safe_repr(expr)} is not true'))

    def assertFalse(self, expr, msg=None):
        if expr:
            self.fail(self._formatMessage(msg, f'{safe_repr(expr)} is not false'))

    def assertEqual(self, first, second, msg=None):
        check = self._base_equal
        if type(first) is type(second):
            named = self._type_checks.get(type(first))
            if named is not None:
                check = getattr(self, named) if isinstance(named, str) else named
        check(first, second, msg=msg)

    def _base_equal(self, first, second, msg=None):
        if not first == second:
            shown = '%s != %s' % _common_shorten_repr(first, second)
            self.fail(self._formatMessage(msg, shown))

    def assertNotEqual(self, first, second, msg=None):
        if not first != second:
            self.fail(self._formatMessage(msg, f'{safe_repr(first)} == {safe_repr(second)}'))

    def assertAlmostEqual(self, first, second, places=None, msg=None, delta=None):
        if first == second:
            return
        if delta is not None and places is not None:
            raise TypeError('specify delta or places not both')
        gap = abs(first - second)
        if delta is not None:
            if gap <= delta:
                return
            shown = (f'{safe_repr(first)} != {safe_repr(second)} within {safe_repr(delta)} '
                     f'delta ({safe_repr(gap)} difference)')
        else:
            places = 7 if places is None else places
            if round(gap, places) == 0:
                return
            shown = (f'{safe_repr(first)} != {safe_repr(second)} within {places!r} places '
                     f'({safe_repr(gap)} difference)')
        self.fail(self._formatMessage(msg, shown))

    def assertNotAlmostEqual(self, first, second, places=None, msg=None, delta=None):
        if delta is not None and places is not None:
            raise TypeError('specify delta or places not both')
        gap = abs(first - second)
        if delta is not None:
            if not first == second and gap > delta:
                return
            shown = (f'{safe_repr(first)} == {safe_repr(second)} within {safe_repr(delta)} '
                     'delta')
        else:
            places = 7 if places is None else places
            if not first == second and round(gap, places) != 0:
                return
            shown = f'{safe_repr(first)} == {safe_repr(second)} within {places!r} places'
        self.fail(self._formatMessage(msg, shown))

    def assertSequenceEqual(self, seq1, seq2, msg=None, seq_type=None):
        kind = seq_type.__name__ if seq_type is not None else 'sequence'
        if seq_type is not None:
            for seq, which in ((seq1, 'First'), (seq2, 'Second')):
                if not isinstance(seq, seq_type):
                    raise self.failureException(self._formatMessage(
                        msg, f'{which} sequence is not a {kind}: {safe_repr(seq)}'))
        if seq1 == seq2:
            return
        n1, n2 = len(seq1), len(seq2)
        report = '%ss differ: %s != %s\n' % ((kind.capitalize(),) +
                                             _common_shorten_repr(seq1, seq2))
        for i in range(min(n1, n2)):
            if seq1[i] != seq2[i]:
                report += ('\nFirst differing element %d:\n%s\n%s\n' %
                           ((i,) + _common_shorten_repr(seq1[i], seq2[i])))
                break
        else:
            if n1 == n2 and seq_type is None and type(seq1) != type(seq2):
                return
        if n1 != n2:
            longer, extra_at = ('First', n2) if n1 > n2 else ('Second', n1)
            source = seq1 if n1 > n2 else seq2
            report += (f'\n{longer} {kind} contains {abs(n1 - n2)} additional elements.\n'
                       f'First extra element {extra_at}:\n{safe_repr(source[extra_at])}\n')
        diff = '\n' + '\n'.join(difflib.ndiff(pprint.pformat(seq1).splitlines(),
                                              pprint.pformat(seq2).splitlines()))
        self.fail(self._formatMessage(msg, self._truncateMessage(report, diff)))

    def assertListEqual(self, list1, list2, msg=None):
        self.assertSequenceEqual(list1, list2, msg, seq_type=list)

    def assertTupleEqual(self, tuple1, tuple2, msg=None):
        self.assertSequenceEqual(tuple1, tuple2, msg, seq_type=tuple)

    def assertSetEqual(self, set1, set2, msg=None):
        try:
            only1, only2 = set1.difference(set2), set2.difference(set1)
        except (TypeError, AttributeError) as e:
            self.fail(f'invalid type when attempting set difference: {e}'
                      if isinstance(e, TypeError) else
                      f'first argument does not support set difference: {e}')
        if not (only1 or only2):
            return
        lines = []
        if only1:
            lines.append('Items in the first set but not the second:')
            lines.extend(repr(item) for item in only1)
        if only2:
            lines.append('Items in the second set but not the first:')
            lines.extend(repr(item) for item in only2)
        self.fail(self._formatMessage(msg, '\n'.join(lines)))

    def assertDictEqual(self, d1, d2, msg=None):
        self.assertIsInstance(d1, dict, 'First argument is not a dictionary')
        self.assertIsInstance(d2, dict, 'Second argument is not a dictionary')
        if d1 != d2:
            shown = '%s != %s' % _common_shorten_repr(d1, d2)
            diff = '\n' + '\n'.join(difflib.ndiff(pprint.pformat(d1).splitlines(),
                                                  pprint.pformat(d2).splitlines()))
            self.fail(self._formatMessage(msg, self._truncateMessage(shown, diff)))

    def assertMultiLineEqual(self, first, second, msg=None):
        self.assertIsInstance(first, str, 'First argument is not a string')
        self.assertIsInstance(second, str, 'Second argument is not a string')
        if first == second:
            return
        if len(first) > self._diffThreshold or len(second) > self._diffThreshold:
            self._base_equal(first, second, msg)
        # Both texts end in a newline before splitting, so that a last
        # line without one still compares line against line.
        left, right = first, second
        if first and second:
            if first[-1] != '\n' or second[-1] != '\n':
                left, right = first + '\n', second + '\n'
        elif second and second[-1] != '\n':
            right = second + '\n'
        elif first and first[-1] != '\n':
            left = first + '\n'
        shown = '%s != %s' % _common_shorten_repr(first, second)
        diff = '\n' + ''.join(difflib.ndiff(left.splitlines(keepends=True),
                                            right.splitlines(keepends=True)))
        self.fail(self._formatMessage(msg, self._truncateMessage(shown, diff)))

    def assertCountEqual(self, first, second, msg=None):
        first, second = list(first), list(second)
        problems = _count_differences(first, second)
        if problems:
            lines = ['First has %d, Second has %d:  %r' % entry for entry in problems]
            shown = 'Element counts were not equal:\n' + '\n'.join(lines)
            diff = ''
            self.fail(self._formatMessage(msg, self._truncateMessage(shown, diff)))

    def assertIs(self, expr1, expr2, msg=None):
        if expr1 is not expr2:
            self.fail(self._formatMessage(msg, f'{safe_repr(expr1)} is not {safe_repr(expr2)}'))

    def assertIsNot(self, expr1, expr2, msg=None):
        if expr1 is expr2:
            self.fail(self._formatMessage(msg, f'unexpectedly identical: {safe_repr(expr1)}'))

    def assertIsNone(self, obj, msg=None):
        if obj is not None:
            self.fail(self._formatMessage(msg, f'{safe_repr(obj)} is not None'))

    def assertIsNotNone(self, obj, msg=None):
        if obj is None:
            self.fail(self._formatMessage(msg, 'unexpectedly None'))

    def assertIn(self, member, container, msg=None):
        if member not in container:
            self.fail(self._formatMessage(
                msg, f'{safe_repr(member)} not found in {safe_repr(container)}'))

    def assertNotIn(self, member, container, msg=None):
        if member in container:
            self.fail(self._formatMessage(
                msg, f'{safe_repr(member)} unexpectedly found in {safe_repr(container)}'))

    def assertIsInstance(self, obj, cls, msg=None):
        if not isinstance(obj, cls):
            self.fail(self._formatMessage(msg, f'{safe_repr(obj)} is not an instance of {cls!r}'))

    def assertNotIsInstance(self, obj, cls, msg=None):
        if isinstance(obj, cls):
            self.fail(self._formatMessage(msg, f'{safe_repr(obj)} is an instance of {cls!r}'))

    def _compare(self, a, b, holds, words, msg):
        if not holds:
            self.fail(self._formatMessage(msg, f'{safe_repr(a)} {words} {safe_repr(b)}'))

    def assertLess(self, a, b, msg=None):
        self._compare(a, b, a < b, 'not less than', msg)

    def assertLessEqual(self, a, b, msg=None):
        self._compare(a, b, a <= b, 'not less than or equal to', msg)

    def assertGreater(self, a, b, msg=None):
        self._compare(a, b, a > b, 'not greater than', msg)

    def assertGreaterEqual(self, a, b, msg=None):
        self._compare(a, b, a >= b, 'not greater than or equal to', msg)

    def assertRegex(self, text, expected_regex, msg=None):
        if isinstance(expected_regex, (str, bytes)):
            expected_regex = re.compile(expected_regex)
        if not expected_regex.search(text):
            self.fail(self._formatMessage(
                msg, f"Regex didn't match: {expected_regex.pattern!r} not found in {text!r}"))

    def assertNotRegex(self, text, unexpected_regex, msg=None):
        if isinstance(unexpected_regex, (str, bytes)):
            unexpected_regex = re.compile(unexpected_regex)
        found = unexpected_regex.search(text)
        if found:
            self.fail(self._formatMessage(
                msg, f'Regex matched: {text[found.start():found.end()]!r} matches '
                     f'{unexpected_regex.pattern!r} in {text!r}'))

    def assertRaises(self, expected_exception, *args, **kwargs):
        """As a context manager (with an `exception` attribute after the
        block), or called with a callable and its arguments."""
        return _RaisesContext(expected_exception, self, None).handle('assertRaises', args, kwargs)

    def assertRaisesRegex(self, expected_exception, expected_regex, *args, **kwargs):
        context = _RaisesContext(expected_exception, self, expected_regex)
        return context.handle('assertRaisesRegex', args, kwargs)

    def assertWarns(self, expected_warning, *args, **kwargs):
        return _WarnsContext(expected_warning, self, None).handle('assertWarns', args, kwargs)

    def assertWarnsRegex(self, expected_warning, expected_regex, *args, **kwargs):
        context = _WarnsContext(expected_warning, self, expected_regex)
        return context.handle('assertWarnsRegex', args, kwargs)

    def assertLogs(self, logger=None, level=None):
        """A context manager checking that the block logs at least one
        message at `level` (INFO by default) or above on `logger` or its
        children; `.records` and `.output` hold what was logged."""
        return _LogsContext(self, logger, level, no_logs=False)

    def assertNoLogs(self, logger=None, level=None):
        """The opposite of assertLogs: the block must log nothing."""
        return _LogsContext(self, logger, level, no_logs=True)

    # Aliases CPython keeps (deprecated there).
    failUnlessEqual = assertEquals = assertEqual
    assertNotEquals = assertNotEqual
    assert_ = assertTrue


def _qualified(cls):
    return f'{cls.__module__}.{cls.__qualname__}'


class _SubTestContext:
    def __init__(self, case, message, params):
        self.case = case
        self.message = message
        self.params = params

    def __enter__(self):
        outcome = self.case._outcome
        if outcome is None:
            return None
        parent = self.case._subtest
        params = dict(parent.params) if parent is not None else {}
        params.update(self.params)
        self.parent = parent
        self.case._subtest = _SubTest(self.case, self.message, params)
        return None

    def __exit__(self, exc_type, exc, tb):
        case = self.case
        outcome = case._outcome
        if outcome is None:
            return False
        subtest = case._subtest
        case._subtest = self.parent
        if exc_type is None:
            outcome.result.addSubTest(case, subtest, None)
            return False
        if issubclass(exc_type, (KeyboardInterrupt, _ShouldStop)):
            return False
        if issubclass(exc_type, SkipTest):
            outcome.result.addSkip(subtest, str(exc))
            return True
        if outcome.expecting_failure:
            outcome.expected_failure = (exc_type, exc, tb)
            return True
        outcome.success = False
        outcome.result.addSubTest(case, subtest, (exc_type, exc, tb))
        return True


class _LogsContext:
    def __init__(self, case, logger, level, no_logs):
        import logging
        self.case = case
        self.logger_name = logger
        self.level = logging._nameToLevel.get(level, level) if level else logging.INFO
        self.no_logs = no_logs

    def __enter__(self):
        import logging
        watcher = self

        class Capture(logging.Handler):
            def emit(self, record):
                watcher.records.append(record)
                watcher.output.append(self.format(record))

        self.records, self.output = [], []
        target = self.logger_name
        logger = target if isinstance(target, logging.Logger) else logging.getLogger(target)
        self.logger = logger
        handler = Capture()
        handler.setLevel(self.level)
        handler.setFormatter(logging.Formatter('%(levelname)s:%(name)s:%(message)s'))
        self.saved = (logger.handlers[:], logger.level, logger.propagate)
        logger.handlers = [handler]
        logger.setLevel(self.level)
        logger.propagate = False
        return None if self.no_logs else self

    def __exit__(self, exc_type, exc_value, tb):
        import logging
        handlers, level, propagate = self.saved
        self.logger.handlers = handlers
        self.logger.setLevel(level)
        self.logger.propagate = propagate
        if exc_type is not None:
            return False
        if self.no_logs:
            if self.output:
                self.case.fail(self.case._formatMessage(
                    None, f'Unexpected logs found: {self.output!r}'))
            return None
        if not self.output:
            self.case.fail(self.case._formatMessage(
                None, f'no logs of level {logging.getLevelName(self.level)} or higher '
                      f'triggered on {self.logger.name}'))
        return None


class _RaisesContext:
    def __init__(self, expected, case, expected_regex):
        self.expected = expected
        self.test_case = case
        self.expected_regex = re.compile(expected_regex) if isinstance(
            expected_regex, (str, bytes)) else expected_regex
        self.msg = None
        self.obj_name = None

    def handle(self, name, args, kwargs):
        if not _is_exception_type(self.expected, self._base):
            raise TypeError(f'{name}() arg 1 must be an exception type or tuple of '
                            f'exception types')
        if not args:
            self.msg = kwargs.pop('msg', None)
            if kwargs:
                raise TypeError(f'{next(iter(kwargs))!r} is an invalid keyword argument for this function')
            return self
        function, *rest = args
        self.obj_name = getattr(function, '__name__', str(function))
        with self:
            function(*rest, **kwargs)
        return None

    _base = BaseException

    def _expected_name(self):
        try:
            return self.expected.__name__
        except AttributeError:
            return str(self.expected)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, tb):
        if exc_type is None:
            if self.obj_name:
                shown = f'{self._expected_name()} not raised by {self.obj_name}'
            else:
                shown = f'{self._expected_name()} not raised'
            self.test_case.fail(self.test_case._formatMessage(self.msg, shown))
        if not issubclass(exc_type, self.expected):
            return False
        self.exception = exc_value.with_traceback(None)
        if self.expected_regex is not None and not self.expected_regex.search(str(exc_value)):
            self.test_case.fail(self.test_case._formatMessage(
                self.msg, f'"{self.expected_regex.pattern}" does not match "{exc_value}"'))
        return True


class _WarnsContext(_RaisesContext):
    _base = Warning

    def __enter__(self):
        self._catcher = warnings.catch_warnings(record=True)
        self.warnings = self._catcher.__enter__()
        warnings.simplefilter('always')
        return self

    def __exit__(self, exc_type, exc_value, tb):
        self._catcher.__exit__(exc_type, exc_value, tb)
        if exc_type is not None:
            return False
        for record in self.warnings:
            if isinstance(record.message, self.expected):
                if self.expected_regex is not None and not self.expected_regex.search(
                        str(record.message)):
                    continue
                self.warning = record.message
                self.filename, self.lineno = record.filename, record.lineno
                return None
        if self.expected_regex is not None and self.warnings:
            self.test_case.fail(self.test_case._formatMessage(
                self.msg, f'"{self.expected_regex.pattern}" does not match "{self.warnings[0].message}"'))
        suffix = f' by {self.obj_name}' if self.obj_name else ''
        self.test_case.fail(self.test_case._formatMessage(
            self.msg, f'{self._expected_name()} not triggered{suffix}'))


def _is_exception_type(expected, base):
    if isinstance(expected, tuple):
        return bool(expected) and all(_is_exception_type(e, base) for e in expected)
    return isinstance(expected, type) and issubclass(expected, base)


class FunctionTestCase(TestCase):
    """A TestCase running a plain function, with optional set-up and
    tear-down functions."""

    def __init__(self, testFunc, setUp=None, tearDown=None, description=None):
        super().__init__()
        self._set_up, self._tear_down = setUp, tearDown
        self._testFunc = testFunc
        self._description = description

    def setUp(self):
        if self._set_up is not None:
            self._set_up()

    def tearDown(self):
        if self._tear_down is not None:
            self._tear_down()

    def runTest(self):
        self._testFunc()

    def id(self):
        return self._testFunc.__name__

    def __str__(self):
        return f'{_qualified(type(self))} ({self._testFunc.__name__})'

    def __repr__(self):
        return f'<{_qualified(type(self))} tec={self._testFunc!r}>'

    def shortDescription(self):
        if self._description is not None:
            return self._description
        doc = self._testFunc.__doc__
        return doc and doc.split('\n')[0].strip() or None


# --- decorators --------------------------------------------------------------------------

def skip(reason):
    """Skip the decorated test (or class) unconditionally."""
    def decorator(test_item):
        if not isinstance(test_item, type):
            @functools.wraps(test_item)
            def skip_wrapper(*args, **kwargs):
                raise SkipTest(reason)
            test_item = skip_wrapper
        test_item.__unittest_skip__ = True
        test_item.__unittest_skip_why__ = reason
        return test_item
    if isinstance(reason, type(skip)):
        test_item, reason = reason, ''
        return decorator(test_item)
    return decorator


def skipIf(condition, reason):
    return skip(reason) if condition else (lambda item: item)


def skipUnless(condition, reason):
    return skip(reason) if not condition else (lambda item: item)


def expectedFailure(test_item):
    test_item.__unittest_expecting_failure__ = True
    return test_item


# --- results -----------------------------------------------------------------------------

class TestResult:
    """Counts the tests run and collects (test, traceback text) pairs for
    failures, errors, skips and expected failures."""

    _previousTestClass = None
    _moduleSetUpFailed = False

    def __init__(self, stream=None, descriptions=None, verbosity=None):
        self.failfast = False
        self.failures = []
        self.errors = []
        self.testsRun = 0
        self.skipped = []
        self.expectedFailures = []
        self.unexpectedSuccesses = []
        self.shouldStop = False
        self.buffer = False
        self.tb_locals = False

    def startTest(self, test):
        self.testsRun += 1

    def stopTest(self, test):
        pass

    def startTestRun(self):
        pass

    def stopTestRun(self):
        pass

    def addSuccess(self, test):
        pass

    def addError(self, test, err):
        self.errors.append((test, self._exc_info_to_string(err, test)))
        self._stop_if_failfast()

    def addFailure(self, test, err):
        self.failures.append((test, self._exc_info_to_string(err, test)))
        self._stop_if_failfast()

    def addSubTest(self, test, subtest, err):
        if err is None:
            return
        target = self.failures if issubclass(err[0], test.failureException) else self.errors
        target.append((subtest, self._exc_info_to_string(err, test)))
        self._stop_if_failfast()

    def addSkip(self, test, reason):
        self.skipped.append((test, reason))

    def addExpectedFailure(self, test, err):
        self.expectedFailures.append((test, self._exc_info_to_string(err, test)))

    def addUnexpectedSuccess(self, test):
        self.unexpectedSuccesses.append(test)
        self._stop_if_failfast()

    def _stop_if_failfast(self):
        if self.failfast:
            self.stop()

    def wasSuccessful(self):
        return (len(self.failures) == len(self.errors) == 0 and
                not self.unexpectedSuccesses)

    def stop(self):
        self.shouldStop = True

    def _exc_info_to_string(self, err, test):
        exc_type, value, tb = err
        # Leave out the frames of this module: first those the test was
        # called through, then (for an assertion) those of the assert method.
        while tb is not None and _is_own_frame(tb):
            tb = tb.tb_next
        depth, walk = 0, tb
        while walk is not None and not _is_own_frame(walk):
            depth, walk = depth + 1, walk.tb_next
        if exc_type is test.failureException:
            lines = traceback.format_exception(exc_type, value, tb, limit=depth)
        else:
            lines = traceback.format_exception(exc_type, value, tb)
        return ''.join(lines)

    def __repr__(self):
        return (f'<{_qualified(type(self))} run={self.testsRun} errors={len(self.errors)} '
                f'failures={len(self.failures)}>')


_OWN_FILES = ('<frozen unittest>', globals().get('__file__'))


def _is_own_frame(tb):
    # A traceback entry of this module: known by the `__unittest` global of
    # its frame, or by its file name where frames are not exposed.
    frame = tb.tb_frame
    if frame is not None:
        return '__unittest' in frame.f_globals
    return traceback.extract_tb(tb, limit=1)[0].filename in _OWN_FILES


class _WritelnDecorator:
    """A stream with writeln()."""

    def __init__(self, stream):
        self.stream = stream

    def __getattr__(self, attr):
        if attr in ('stream', '__getstate__'):
            raise AttributeError(attr)
        return getattr(self.stream, attr)

    def writeln(self, arg=None):
        if arg:
            self.write(arg)
        self.write('\n')


class TextTestResult(TestResult):
    """A TestResult that reports progress on a stream: a character per
    test, or with verbosity > 1 a line per test."""

    separator1 = '=' * 70
    separator2 = '-' * 70

    def __init__(self, stream, descriptions, verbosity):
        super().__init__(stream, descriptions, verbosity)
        self.stream = stream
        self.showAll = verbosity > 1
        self.dots = verbosity == 1
        self.descriptions = descriptions
        self._newline = True

    def getDescription(self, test):
        doc = test.shortDescription()
        if self.descriptions and doc:
            return f'{test}\n{doc}'
        return str(test)

    def startTest(self, test):
        super().startTest(test)
        if self.showAll:
            self.stream.write(self.getDescription(test))
            self.stream.write(' ... ')
            self.stream.flush()
            self._newline = False

    def _report(self, test, long_text, short_text):
        if self.showAll:
            # A subtest, or a test whose line was interrupted, gets its
            # description (again) before the verdict.
            subtest = isinstance(test, _SubTest)
            if subtest or self._newline:
                if not self._newline:
                    self.stream.writeln()
                if subtest:
                    self.stream.write('  ')
                self.stream.write(self.getDescription(test))
                self.stream.write(' ... ')
            self.stream.writeln(long_text)
            self._newline = True
        elif self.dots:
            self.stream.write(short_text)
        self.stream.flush()

    def addSubTest(self, test, subtest, err):
        if err is not None:
            if issubclass(err[0], test.failureException):
                self._report(subtest, 'FAIL', 'F')
            else:
                self._report(subtest, 'ERROR', 'E')
        super().addSubTest(test, subtest, err)

    def addSuccess(self, test):
        super().addSuccess(test)
        self._report(test, 'ok', '.')

    def addError(self, test, err):
        super().addError(test, err)
        self._report(test, 'ERROR', 'E')

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._report(test, 'FAIL', 'F')

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self._report(test, f'skipped {reason!r}', 's')

    def addExpectedFailure(self, test, err):
        super().addExpectedFailure(test, err)
        self._report(test, 'expected failure', 'x')

    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        self._report(test, 'unexpected success', 'u')

    def printErrors(self):
        if self.dots or self.showAll:
            self.stream.writeln()
            self.stream.flush()
        self.printErrorList('ERROR', self.errors)
        self.printErrorList('FAIL', self.failures)
        if self.unexpectedSuccesses:
            self.stream.writeln(self.separator1)
        for test in self.unexpectedSuccesses:
            self.stream.writeln(f'UNEXPECTED SUCCESS: {self.getDescription(test)}')
        self.stream.flush()

    def printErrorList(self, flavour, errors):
        for test, err in errors:
            self.stream.writeln(self.separator1)
            self.stream.writeln(f'{flavour}: {self.getDescription(test)}')
            self.stream.writeln(self.separator2)
            self.stream.writeln(err)
            self.stream.flush()


class TextTestRunner:
    """Runs tests and reports on a stream (stderr by default) in CPython's
    format: progress, the failures, 'Ran N tests in T.TTTs', then OK or
    FAILED with the counts."""

    resultclass = TextTestResult

    def __init__(self, stream=None, descriptions=True, verbosity=1, failfast=False,
                 buffer=False, resultclass=None, warnings=None, *, tb_locals=False):
        self.stream = _WritelnDecorator(sys.stderr if stream is None else stream)
        self.descriptions = descriptions
        self.verbosity = verbosity
        self.failfast = failfast
        self.buffer = buffer
        self.tb_locals = tb_locals
        self.warnings = warnings
        if resultclass is not None:
            self.resultclass = resultclass

    def _makeResult(self):
        return self.resultclass(self.stream, self.descriptions, self.verbosity)

    def run(self, test):
        result = self._makeResult()
        result.failfast = self.failfast
        result.buffer = self.buffer
        started = time.perf_counter()
        result.startTestRun()
        try:
            test(result)
        finally:
            result.stopTestRun()
        elapsed = time.perf_counter() - started
        result.printErrors()
        self.stream.writeln(result.separator2)
        run = result.testsRun
        self.stream.writeln(f"Ran {run} test{'' if run == 1 else 's'} in {elapsed:.3f}s")
        self.stream.writeln()
        counts = []
        for label, items in (('failures', result.failures), ('errors', result.errors),
                             ('skipped', result.skipped),
                             ('expected failures', result.expectedFailures),
                             ('unexpected successes', result.unexpectedSuccesses)):
            if items:
                counts.append(f'{label}={len(items)}')
        if not result.wasSuccessful():
            self.stream.write('FAILED')
        else:
            self.stream.write('OK')
        if counts:
            self.stream.writeln(f" ({', '.join(counts)})")
        else:
            self.stream.write('\n')
        self.stream.flush()
        return result


# --- suites and loading ----------------------------------------------------------------

class TestSuite:
    """A group of tests (cases or suites) run in order; class fixtures
    (setUpClass/tearDownClass) run around each class's tests."""

    def __init__(self, tests=()):
        self._tests = []
        self.addTests(tests)

    def __repr__(self):
        return f'<{_qualified(type(self))} tests={list(self)}>'

    def __eq__(self, other):
        if not isinstance(other, type(self)):
            return NotImplemented
        return list(self) == list(other)

    def __iter__(self):
        return iter(self._tests)

    def countTestCases(self):
        return sum(test.countTestCases() for test in self._tests)

    def addTest(self, test):
        if not callable(test):
            raise TypeError(f'{test!r} is not callable')
        if isinstance(test, type) and issubclass(test, (TestCase, TestSuite)):
            raise TypeError('TestCases and TestSuites must be instantiated before passing '
                            'them to addTest()')
        self._tests.append(test)

    def addTests(self, tests):
        if isinstance(tests, str):
            raise TypeError('tests must be an iterable of tests, not a string')
        for test in tests:
            self.addTest(test)

    def __call__(self, *args, **kwargs):
        return self.run(*args, **kwargs)

    def run(self, result, debug=False):
        top = getattr(result, '_suite_running', None) is None
        if top:
            result._suite_running = True
        for test in self._tests:
            if result.shouldStop:
                break
            if isinstance(test, TestCase):
                self._switch_class(test, result)
                if getattr(result, '_module_setup_failed', False) \
                        or getattr(type(test), '_class_setup_failed', False):
                    continue
            test(result)
        if top:
            self._switch_class(None, result)
            del result._suite_running
        return result

    def _switch_class(self, test, result):
        previous = getattr(result, '_previousTestClass', None)
        current = type(test) if test is not None else None
        if current is previous:
            return
        module_failed = getattr(result, '_module_setup_failed', False)
        if previous is not None and not module_failed \
                and not getattr(previous, '_class_setup_failed', False) \
                and not getattr(previous, '__unittest_skip__', False):
            self._class_fixture(previous, 'tearDownClass', result)
        result._previousTestClass = current
        # Module fixtures wrap the classes of one module: the old module's
        # tearDownModule runs once its last class is done, the new one's
        # setUpModule before its first class.
        old_module = previous.__module__ if previous is not None else None
        new_module = current.__module__ if current is not None else None
        if old_module != new_module:
            if old_module is not None and not module_failed:
                self._module_fixture(old_module, 'tearDownModule', result)
            result._module_setup_failed = False
            if new_module is not None \
                    and not self._module_fixture(new_module, 'setUpModule', result):
                result._module_setup_failed = True
        if current is None or result._module_setup_failed:
            return
        current._class_setup_failed = False
        if getattr(current, '__unittest_skip__', False):
            return
        if not self._class_fixture(current, 'setUpClass', result):
            current._class_setup_failed = True

    def _class_fixture(self, cls, name, result):
        try:
            getattr(cls, name)()
        except SkipTest as e:
            result.addSkip(_ErrorHolder(f'{name} ({_qualified(cls)})'), str(e))
            cls.doClassCleanups()
            return False
        except Exception:
            result.errors.append((_ErrorHolder(f'{name} ({_qualified(cls)})'),
                                  ''.join(traceback.format_exception(*sys.exc_info()))))
            cls.doClassCleanups()
            return False
        if name == 'tearDownClass':
            cls.doClassCleanups()
        return True


    def _module_fixture(self, module_name, name, result):
        module = sys.modules.get(module_name)
        fixture = getattr(module, name, None)
        ok = True
        if fixture is not None:
            try:
                fixture()
            except SkipTest as e:
                result.addSkip(_ErrorHolder(f'{name} ({module_name})'), str(e))
                ok = False
            except Exception:
                result.errors.append((_ErrorHolder(f'{name} ({module_name})'),
                                      ''.join(traceback.format_exception(*sys.exc_info()))))
                ok = False
        if name == 'tearDownModule' or not ok:
            try:
                doModuleCleanups()
            except Exception:
                result.errors.append((_ErrorHolder(f'{name} ({module_name})'),
                                      ''.join(traceback.format_exception(*sys.exc_info()))))
        return ok


_module_cleanups = []


def addModuleCleanup(function, /, *args, **kwargs):
    """Run function(*args, **kwargs) after tearDownModule (or after a
    failed setUpModule), the last added first."""
    _module_cleanups.append((function, args, kwargs))


def doModuleCleanups():
    """Run the module cleanups now; the first error is raised after all ran."""
    errors = []
    while _module_cleanups:
        function, args, kwargs = _module_cleanups.pop()
        try:
            function(*args, **kwargs)
        except Exception as e:
            errors.append(e)
    if errors:
        raise errors[0]


class _ErrorHolder:
    """Stands for a fixture that failed outside any test."""

    failureException = None

    def __init__(self, description):
        self.description = description

    def id(self):
        return self.description

    def shortDescription(self):
        return None

    def __str__(self):
        return self.description

    def countTestCases(self):
        return 0


class TestLoader:
    """Collects tests: the test* methods of a TestCase class (sorted by
    name), the TestCase classes of a module, or tests named by strings."""

    testMethodPrefix = 'test'
    sortTestMethodsUsing = staticmethod(lambda a, b: (a > b) - (a < b))
    testNamePatterns = None
    suiteClass = TestSuite

    def __init__(self):
        self.errors = []

    def getTestCaseNames(self, testCaseClass):
        def is_test(name):
            if not name.startswith(self.testMethodPrefix):
                return False
            return callable(getattr(testCaseClass, name))
        names = [n for n in dir(testCaseClass) if is_test(n)]
        if self.sortTestMethodsUsing:
            names.sort(key=functools.cmp_to_key(self.sortTestMethodsUsing))
        return names

    def loadTestsFromTestCase(self, testCaseClass):
        if issubclass(testCaseClass, TestSuite):
            raise TypeError('Test cases should not be derived from TestSuite. '
                            'Maybe you meant to derive from TestCase?')
        names = self.getTestCaseNames(testCaseClass)
        if not names and hasattr(testCaseClass, 'runTest'):
            names = ['runTest']
        return self.suiteClass(map(testCaseClass, names))

    def loadTestsFromModule(self, module, *args, pattern=None, **kws):
        tests = []
        for name in dir(module):
            obj = getattr(module, name)
            if isinstance(obj, type) and issubclass(obj, TestCase):
                tests.append(self.loadTestsFromTestCase(obj))
        load_tests = getattr(module, 'load_tests', None)
        suite = self.suiteClass(tests)
        if load_tests is not None:
            return load_tests(self, suite, pattern)
        return suite

    def loadTestsFromName(self, name, module=None):
        parts = name.split('.')
        if module is None:
            import importlib
            head, failure = parts[:], None
            while head:
                try:
                    module = importlib.import_module('.'.join(head))
                    break
                except ImportError as e:
                    failure = failure or e
                    head.pop()
            if module is None:
                return self.suiteClass([_failed_import(name, failure)])
            parts = parts[len(head):]
        obj, parent = module, None
        for part in parts:
            parent, obj = obj, getattr(obj, part)
        if isinstance(obj, type(sys)):
            return self.loadTestsFromModule(obj)
        if isinstance(obj, type) and issubclass(obj, TestCase):
            return self.loadTestsFromTestCase(obj)
        if isinstance(parent, type) and issubclass(parent, TestCase) and callable(obj):
            return self.suiteClass([parent(parts[-1])])
        if isinstance(obj, TestSuite):
            return obj
        if callable(obj):
            made = obj()
            if isinstance(made, (TestSuite, TestCase)):
                return made if isinstance(made, TestSuite) else self.suiteClass([made])
        raise TypeError(f"calling {obj} returned {made}, not a test" if callable(obj)
                        else f"don't know how to make test from: {obj}")

    def loadTestsFromNames(self, names, module=None):
        return self.suiteClass([self.loadTestsFromName(n, module) for n in names])

    def discover(self, start_dir, pattern='test*.py', top_level_dir=None):
        """The tests of every module under start_dir whose file name
        matches pattern, packages included, in sorted order. Modules are
        imported by their dotted path from top_level_dir (default:
        start_dir), which is put on sys.path."""
        import os
        start = os.path.abspath(start_dir)
        top = os.path.abspath(top_level_dir) if top_level_dir is not None else start
        if not os.path.isdir(start):
            raise ImportError(f'Start directory is not importable: {start_dir!r}')
        if top not in sys.path:
            sys.path.insert(0, top)
        return self.suiteClass(self._discover_in(start, top, pattern))

    def _discover_in(self, directory, top, pattern):
        import fnmatch
        import importlib
        import os
        found = []
        for name in sorted(os.listdir(directory)):
            path = os.path.join(directory, name)
            if os.path.isfile(path):
                stem, ext = os.path.splitext(name)
                if ext != '.py' or not stem.isidentifier() or not fnmatch.fnmatch(name, pattern):
                    continue
                relative = os.path.relpath(os.path.join(directory, stem), top)
                module = importlib.import_module(relative.replace(os.sep, '.'))
                found.append(self.loadTestsFromModule(module, pattern=pattern))
            elif os.path.isfile(os.path.join(path, '__init__.py')) and name.isidentifier():
                found.extend(self._discover_in(path, top, pattern))
        return found


defaultTestLoader = TestLoader()


class _FailedTest(TestCase):
    """Stands for a test name that could not be imported: running it
    reports the ImportError as an error of that test."""
    _testMethodName = None

    def __init__(self, method_name, exception):
        self._exception = exception
        super().__init__(method_name)

    def __getattr__(self, name):
        if name != self._testMethodName:
            return super().__getattribute__(name)

        def fail_import():
            raise self._exception
        return fail_import


_FailedTest.__module__ = 'unittest.loader'


def _failed_import(name, error):
    text = ''.join(traceback.format_exception(type(error), error, error.__traceback__))
    return _FailedTest(name, ImportError(f'Failed to import test module: {name}\n{text}'))


def getTestCaseNames(testCaseClass, prefix, sortUsing=None, testNamePatterns=None):
    loader = TestLoader()
    loader.testMethodPrefix = prefix
    if sortUsing:
        loader.sortTestMethodsUsing = sortUsing
    return loader.getTestCaseNames(testCaseClass)


def makeSuite(testCaseClass, prefix='test', sortUsing=None, suiteClass=TestSuite):
    loader = TestLoader()
    loader.testMethodPrefix = prefix
    loader.suiteClass = suiteClass
    return loader.loadTestsFromTestCase(testCaseClass)


def findTestCases(module, prefix='test', sortUsing=None, suiteClass=TestSuite):
    loader = TestLoader()
    loader.testMethodPrefix = prefix
    loader.suiteClass = suiteClass
    return loader.loadTestsFromModule(module)


# --- main ------------------------------------------------------------------------------

class TestProgram:
    """unittest.main(): loads the tests of a module (or those named on the
    command line), runs them and exits with 0 on success, 1 otherwise."""

    def __init__(self, module='__main__', defaultTest=None, argv=None, testRunner=None,
                 testLoader=defaultTestLoader, exit=True, verbosity=1, failfast=None,
                 catchbreak=None, buffer=None, warnings=None, *, tb_locals=False):
        if isinstance(module, str):
            module = sys.modules[module]
        self.module = module
        self._discovery = None
        self.exit = exit
        self.verbosity = verbosity
        self.failfast = bool(failfast)
        self.testRunner = testRunner
        self.testLoader = testLoader
        argv = sys.argv if argv is None else argv
        if module is None and (len(argv) < 2 or argv[1] == 'discover' or
                               (argv[1].startswith('-') and argv[1] not in
                                ('-v', '--verbose', '-q', '--quiet', '-f', '--failfast'))):
            self._discovery = argv[2:] if len(argv) > 1 and argv[1] == 'discover' else argv[1:]
            names = []
        else:
            names = self._parse(argv[1:])
        if module is None and self._discovery is None and not names:
            self._discovery = []
        if not names and defaultTest is not None:
            names = [defaultTest] if isinstance(defaultTest, str) else list(defaultTest)
        if self._discovery is not None:
            self.test = self._discover(self._discovery)
        elif names:
            self.test = testLoader.loadTestsFromNames(map(_name_from_path, names), module)
        else:
            self.test = testLoader.loadTestsFromModule(module)
        self.runTests()

    def _discover(self, args):
        # discover [-v] [-s START] [-p PATTERN] [-t TOP] [START [PATTERN [TOP]]]
        options = {'-s': '.', '-p': 'test*.py', '-t': None}
        positional = []
        items = iter(args)
        for arg in items:
            if arg in ('-v', '--verbose'):
                self.verbosity = 2
            elif arg in ('-q', '--quiet'):
                self.verbosity = 0
            elif arg in ('-f', '--failfast'):
                self.failfast = True
            elif arg in ('-s', '--start-directory', '-p', '--pattern', '-t', '--top-level-directory'):
                key = arg if len(arg) == 2 else '-' + arg[2]
                options[key] = next(items)
            else:
                positional.append(arg)
        for key, value in zip(('-s', '-p', '-t'), positional):
            options[key] = value
        return self.testLoader.discover(options['-s'], options['-p'], options['-t'])

    def _parse(self, args):
        names = []
        for arg in args:
            if arg in ('-v', '--verbose'):
                self.verbosity = 2
            elif arg in ('-q', '--quiet'):
                self.verbosity = 0
            elif arg in ('-f', '--failfast'):
                self.failfast = True
            elif not arg.startswith('-'):
                names.append(arg)
        return names

    def runTests(self):
        runner = self.testRunner
        if runner is None:
            runner = TextTestRunner
        if isinstance(runner, type):
            runner = runner(verbosity=self.verbosity, failfast=self.failfast)
        self.result = runner.run(self.test)
        if self.exit:
            sys.exit(not self.result.wasSuccessful())


main = TestProgram


def _name_from_path(name):
    # `gilt -m unittest tests/test_x.py` names a module by its file.
    if name.endswith('.py') and ('/' in name or name.count('.') == 1):
        import os
        return os.path.normpath(name[:-3]).replace(os.sep, '.')
    return name

# CPython splits the package into these submodules; the classes report
# them as their home, and each exists as a module re-exporting them.
for _home, _names in (('case', ('TestCase', 'FunctionTestCase', 'SkipTest')),
                      ('result', ('TestResult',)),
                      ('runner', ('TextTestResult', 'TextTestRunner')),
                      ('suite', ('TestSuite',)), ('loader', ('TestLoader',)),
                      ('main', ('TestProgram',))):
    for _name in _names:
        globals()[_name].__module__ = 'unittest.' + _home
del _home, _names, _name
