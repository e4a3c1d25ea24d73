"""unittest.suite: the names CPython defines here live in the unittest package."""

from unittest import TestSuite  # noqa: F401
