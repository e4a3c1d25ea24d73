"""unittest.result: the names CPython defines here live in the unittest package."""

from unittest import TestResult  # noqa: F401
