"""unittest.loader: the names CPython defines here live in the unittest package."""

from unittest import TestLoader, defaultTestLoader, getTestCaseNames, makeSuite, findTestCases  # noqa: F401
