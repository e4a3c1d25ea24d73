"""unittest.case: the names CPython defines here live in the unittest package."""

from unittest import TestCase, FunctionTestCase, SkipTest, skip, skipIf, skipUnless, expectedFailure  # noqa: F401
