# The failure messages of the assert methods, with and without msg=.
import unittest


class T(unittest.TestCase):
    def test(self):
        pass


t = T('test')
checks = [
    lambda: t.assertEqual('a\nb\n', 'a\nc\n'), lambda: t.assertEqual({'a': 1}, {'a': 2}),
    lambda: t.assertEqual({1, 2}, {2, 3}), lambda: t.assertEqual((1,), (1, 2)),
    lambda: t.assertEqual('abc', 'abd'), lambda: t.assertTrue(0), lambda: t.assertFalse(1, 'custom'),
    lambda: t.assertIs(1, None), lambda: t.assertIsNone(3), lambda: t.assertIn(1, [2]),
    lambda: t.assertNotIn(1, [1]), lambda: t.assertIsInstance(1, str),
    lambda: t.assertAlmostEqual(1.0, 1.1), lambda: t.assertAlmostEqual(1.0, 1.1, delta=0.01),
    lambda: t.assertGreater(1, 2), lambda: t.assertGreaterEqual(1, 2),
    lambda: t.assertLessEqual(3, 2), lambda: t.assertRegex('abc', 'x'),
    lambda: t.assertCountEqual([1, 1, 2], [1, 2, 3]), lambda: t.assertNotEqual(1, 1),
    lambda: t.assertIsNot(None, None), lambda: t.assertIsNotNone(None),
    lambda: t.assertNotIsInstance(1, int), lambda: t.assertEqual(1, 2, 'msg'),
    lambda: t.assertNotRegex('abc', 'b'), lambda: t.assertNotAlmostEqual(1.0, 1.0),
    lambda: t.fail('boom'), lambda: t.fail(), lambda: t.assertRaises(ValueError, int, '1'),
    lambda: t.assertEqual([1, [2]], [1, [3]]), lambda: t.assertEqual([1, 2, 3], [1, 2]),
    lambda: t.assertEqual('x' * 100, 'x' * 99 + 'y'), lambda: t.assertEqual(list(range(100)), list(range(101))),
    lambda: t.assertEqual(1.5, 1.5), lambda: t.assertListEqual([1], (1,)),
    lambda: t.assertDictEqual({}, []), lambda: t.assertSequenceEqual([1, 2], (1, 2)),
    lambda: t.assertEqual(frozenset({1}), frozenset({2})), lambda: t.assertCountEqual('abc', 'cba'),
    lambda: t.assertAlmostEqual(1.0, 1.0000001), lambda: t.assertAlmostEqual(1, 2, places=-1),
]
for check in checks:
    try:
        check()
        print('no failure')
    except AssertionError as e:
        print(repr(str(e)))
t.longMessage = False
try:
    t.assertEqual(1, 2, 'only this')
except AssertionError as e:
    print(repr(str(e)))
t.maxDiff = None
try:
    t.assertEqual(list(range(100)), list(range(101)))
except AssertionError as e:
    print(len(str(e)))
for f in (lambda: t.assertRaises(3), lambda: t.assertAlmostEqual(1, 2, places=1, delta=1)):
    try:
        f()
    except TypeError as e:
        print('TypeError', e)
with t.assertRaises(KeyError) as cm:
    raise KeyError('x')
print(type(cm.exception).__name__, cm.exception.args, cm.exception.__traceback__)
with t.assertWarns(UserWarning) as w:
    import warnings
    warnings.warn('careful', UserWarning)
print(str(w.warning))
