# Filters: actions, matching on message/category/module/lineno, order,
# append, dedup, resetwarnings, and argument checks.
import sys
import warnings

warnings.showwarning = lambda m, c, f, l, file=None, line=None: print("SHOW", c.__name__, m)


def show_filters():
    for entry in warnings.filters[:3]:
        print(entry)


warnings.resetwarnings()
print(warnings.filters)
warnings.simplefilter("always")
warnings.filterwarnings("ignore", message="skip.*me", category=UserWarning)
warnings.filterwarnings("error", message="BOOM", category=RuntimeWarning)
warnings.filterwarnings("ignore", module="__ma", lineno=0)
show_filters()
warnings.warn("Skip this me please")       # message is case-insensitive: ignored
warnings.warn("do not skip")               # module pattern '__ma' matches __main__: ignored
warnings.resetwarnings()
warnings.simplefilter("always")
warnings.filterwarnings("error", message="boom", category=RuntimeWarning)
warnings.warn("plain")
warnings.warn("boom", UserWarning)
try:
    warnings.warn("Boom now", RuntimeWarning)
except RuntimeWarning as e:
    print("raised", type(e).__name__, e)

warnings.resetwarnings()
warnings.simplefilter("once")
for i in range(2):
    warnings.warn("once message")
warnings.warn("once message")
warnings.simplefilter("module")
for i in range(2):
    warnings.warn("module message")
warnings.warn("module message")
warnings.simplefilter("default")
for i in range(2):
    warnings.warn("default message")
warnings.warn("default message")

warnings.resetwarnings()
warnings.simplefilter("always")
warnings.simplefilter("ignore", lineno=50)
warnings.warn("line 50 ignored")
warnings.warn("line 51 shown")

warnings.resetwarnings()
warnings.simplefilter("ignore", DeprecationWarning)
warnings.simplefilter("error", Warning, append=True)
warnings.simplefilter("ignore", DeprecationWarning)
warnings.simplefilter("error", Warning, append=True)
print(len(warnings.filters), warnings.filters[0][0], warnings.filters[-1][0])
warnings.warn("quiet", DeprecationWarning)
try:
    warnings.warn("loud", UserWarning)
except UserWarning as e:
    print("raised", e)
warnings.filterwarnings("ignore", "x", UserWarning, "mod\\.sub$", 3)
print(warnings.filters[0])
print(warnings.filters[0][1] == warnings.filters[0][1], warnings.filters[0][1].pattern)

for call in (lambda: warnings.simplefilter("bogus"),
             lambda: warnings.filterwarnings("ignore", lineno=-1),
             lambda: warnings.filterwarnings("ignore", message=3),
             lambda: warnings.filterwarnings("ignore", category=int),
             lambda: warnings.filterwarnings("ignore", category="x"),
             lambda: warnings.filterwarnings("ignore", module=None),
             lambda: warnings.warn("x", str),
             lambda: warnings.warn("x", "str"),
             lambda: warnings.warn_explicit("x", UserWarning, "f", "1")):
    try:
        call()
    except (AssertionError, TypeError) as e:
        print(type(e).__name__, e)

warnings.filters.insert(0, ("strange", None, Warning, None, 0))
try:
    warnings.warn("x")
except RuntimeError as e:
    print("RuntimeError", e)
