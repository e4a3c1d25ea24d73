"""Record of phased-in incompatible language changes.

Each feature names the release that first accepted its future statement
(optional) and the release in which it became the default (mandatory, or
None while it is still optional), plus the compiler flag that turns it on
in compile().  Only `annotations` (PEP 563) still changes anything.
"""

# The code-object flag of each feature (CPython's CO_* names).
_FLAGS = {
    'CO_NESTED': 0x10, 'CO_GENERATOR_ALLOWED': 0, 'CO_FUTURE_DIVISION': 0x20000,
    'CO_FUTURE_ABSOLUTE_IMPORT': 0x40000, 'CO_FUTURE_WITH_STATEMENT': 0x80000,
    'CO_FUTURE_PRINT_FUNCTION': 0x100000, 'CO_FUTURE_UNICODE_LITERALS': 0x200000,
    'CO_FUTURE_BARRY_AS_BDFL': 0x400000, 'CO_FUTURE_GENERATOR_STOP': 0x800000,
    'CO_FUTURE_ANNOTATIONS': 0x1000000,
}
globals().update(_FLAGS)


class _Feature:
    """One feature: the releases that made it optional and mandatory."""

    def __repr__(self):
        return f"_Feature({self.optional!r}, {self.mandatory!r}, {self.compiler_flag!r})"

    def __init__(self, optionalRelease, mandatoryRelease, compiler_flag):
        self.optional, self.mandatory = optionalRelease, mandatoryRelease
        self.compiler_flag = compiler_flag

    def getOptionalRelease(self):
        """Release in which the future statement was first accepted."""
        return self.optional

    def getMandatoryRelease(self):
        """Release in which the feature became standard, or None."""
        return self.mandatory


# name: (optional release, mandatory release, flag)
_TABLE = (
    ("nested_scopes", (2, 1, 0, "beta", 1), (2, 2, 0, "alpha", 0), "CO_NESTED"),
    ("generators", (2, 2, 0, "alpha", 1), (2, 3, 0, "final", 0), "CO_GENERATOR_ALLOWED"),
    ("division", (2, 2, 0, "alpha", 2), (3, 0, 0, "alpha", 0), "CO_FUTURE_DIVISION"),
    ("absolute_import", (2, 5, 0, "alpha", 1), (3, 0, 0, "alpha", 0),
     "CO_FUTURE_ABSOLUTE_IMPORT"),
    ("with_statement", (2, 5, 0, "alpha", 1), (2, 6, 0, "alpha", 0), "CO_FUTURE_WITH_STATEMENT"),
    ("print_function", (2, 6, 0, "alpha", 2), (3, 0, 0, "alpha", 0), "CO_FUTURE_PRINT_FUNCTION"),
    ("unicode_literals", (2, 6, 0, "alpha", 2), (3, 0, 0, "alpha", 0),
     "CO_FUTURE_UNICODE_LITERALS"),
    ("barry_as_FLUFL", (3, 1, 0, "alpha", 2), (4, 0, 0, "alpha", 0), "CO_FUTURE_BARRY_AS_BDFL"),
    ("generator_stop", (3, 5, 0, "beta", 1), (3, 7, 0, "alpha", 0), "CO_FUTURE_GENERATOR_STOP"),
    ("annotations", (3, 7, 0, "beta", 1), None, "CO_FUTURE_ANNOTATIONS"),
)

all_feature_names = [row[0] for row in _TABLE]
for _name, _optional, _mandatory, _flag in _TABLE:
    globals()[_name] = _Feature(_optional, _mandatory, _FLAGS[_flag])
del _name, _optional, _mandatory, _flag, _TABLE, _FLAGS

__all__ = ["all_feature_names"] + all_feature_names
