# setUpModule/tearDownModule around a module's classes (tests here are in
# fake modules, made by setting __module__), addModuleCleanup, and a failing
# setUpModule reported as an error that skips that module's tests.
import io
import re
import sys
import types
import unittest

log = []


def make_module(name, fail=False):
    mod = types.ModuleType(name)

    def setUpModule():
        log.append(f'setUpModule {name}')
        unittest.addModuleCleanup(log.append, f'cleanup {name}')
        if fail:
            raise RuntimeError(f'{name} cannot start')

    def tearDownModule():
        log.append(f'tearDownModule {name}')

    mod.setUpModule = setUpModule
    mod.tearDownModule = tearDownModule
    sys.modules[name] = mod
    return mod


def make_case(module, cls_name):
    class Case(unittest.TestCase):
        @classmethod
        def setUpClass(cls):
            log.append(f'setUpClass {cls_name}')

        @classmethod
        def tearDownClass(cls):
            log.append(f'tearDownClass {cls_name}')

        def test_one(self):
            log.append(f'test {cls_name}')

    Case.__name__ = Case.__qualname__ = cls_name
    Case.__module__ = module
    return Case


make_module('mod_a')
make_module('mod_b', fail=True)
make_module('mod_c')
loader = unittest.TestLoader()
suite = unittest.TestSuite()
for module, name in (('mod_a', 'A1'), ('mod_a', 'A2'), ('mod_b', 'B1'), ('mod_c', 'C1')):
    suite.addTests(loader.loadTestsFromTestCase(make_case(module, name)))

stream = io.StringIO()
result = unittest.TextTestRunner(stream=stream, verbosity=2).run(suite)
print('\n'.join(log))
print(result.testsRun, len(result.errors), len(result.failures))
for test, text in result.errors:
    print('error in', test, '|', text.strip().splitlines()[-1])
for line in stream.getvalue().splitlines():
    if line.startswith(('test_', 'ERROR', 'Ran', 'FAILED', 'OK')):
        print(re.sub(r'in \d+\.\d+s', 'in X.XXXs', line))
