# Message and module patterns: the regular-expression forms filters use.
import warnings

cases = [
    ("abc", "ABCdef"), ("abc", "xabc"), ("a.c", "a-c!"), ("a.*z", "a to z"),
    ("colou?r", "color"), ("colou?r", "colour"), ("ab+c", "ac"), ("ab+c", "abbbc"),
    ("[0-9]+ items", "42 items"), ("[^x]y", "xy"), ("[^x]y", "zy"),
    ("\\d\\d-\\w+", "12-ab_c"), ("\\s*lead", "   lead"), ("end$", "the end"),
    ("end$", "end here"), ("exact\\Z", "exact"), ("a\\.b", "a.b"), ("a\\.b", "axb"),
    ("x*", "anything"), (".*deprecated", "this is DEPRECATED now"),
]
for pattern, text in cases:
    with warnings.catch_warnings(record=True) as log:
        warnings.simplefilter("always")
        warnings.filterwarnings("ignore", message=pattern)
        warnings.warn(text)
    print(repr(pattern), repr(text), "ignored" if not log else "shown")

for module in ("__main__", "__mai", "main", "__main__$", "_+main_+", "[_]*MAIN"):
    with warnings.catch_warnings(record=True) as log:
        warnings.simplefilter("always")
        warnings.filterwarnings("ignore", module=module)
        warnings.warn("m")
    print(repr(module), "ignored" if not log else "shown")
