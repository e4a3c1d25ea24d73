"""unittest.runner: the names CPython defines here live in the unittest package."""

from unittest import TextTestResult, TextTestRunner  # noqa: F401
