# catch_warnings: recording, restoring filters and hooks, action=,
# re-entry errors, WarningMessage and user hooks.
import sys
import warnings

with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    warnings.warn("first")
    warnings.warn("second", DeprecationWarning)
    warnings.warn_explicit("third", UserWarning, "x.py", 5)
print(len(log))
for w in log:
    print(w.category.__name__, str(w.message), type(w.message).__name__, w.lineno, w.file, w.line)
print(str(log[2]))
print(log[0].filename == __file__)

before = list(warnings.filters)
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("inside")
    except UserWarning as e:
        print("error inside:", e)
print(warnings.filters == before)

with warnings.catch_warnings(record=True, action="ignore") as log:
    warnings.warn("ignored")
print(log, warnings.filters == before)

with warnings.catch_warnings(action="error", category=RuntimeWarning):
    warnings.warn("user warning still shown")
    try:
        warnings.warn("rt", RuntimeWarning)
    except RuntimeWarning:
        print("RuntimeWarning raised")

cw = warnings.catch_warnings(record=True)
print(repr(cw), repr(warnings.catch_warnings()))
with cw:
    try:
        with cw:
            pass
    except RuntimeError as e:
        print("RuntimeError:", e)
try:
    warnings.catch_warnings().__exit__(None, None, None)
except RuntimeError as e:
    print("RuntimeError:", e)

seen = []


def my_show(message, category, filename, lineno, file=None, line=None):
    seen.append((str(message), category.__name__, lineno))


old_show = warnings.showwarning
warnings.showwarning = my_show
warnings.simplefilter("always")
warnings.warn("to hook")
with warnings.catch_warnings(record=True) as log:
    warnings.warn("recorded, not hooked")
warnings.warn("hooked again")
print(seen, len(log), warnings.showwarning is my_show)
warnings.showwarning = old_show

warnings.formatwarning = lambda m, c, f, l, line=None: "CUSTOM %s %s\n" % (c.__name__, m)
warnings.warn("custom format")
warnings.formatwarning = warnings._formatwarning_orig

warnings.showwarning = 42
try:
    warnings.warn("bad hook")
except TypeError as e:
    print("TypeError:", e)
warnings.showwarning = old_show

msg = warnings.WarningMessage("m", UserWarning, "f.py", 1, line="code")
print(msg, msg._WARNING_DETAILS)
print(warnings.WarningMessage("m", None, "f.py", 1)._category_name)
print(sorted(warnings.__all__))
