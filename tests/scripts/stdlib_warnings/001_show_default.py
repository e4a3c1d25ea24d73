# What reaches stderr: the standard format, the source line, once per
# location under the default action, stacklevel, and warn_explicit.
import warnings


def deprecated_api():
    warnings.warn("api is old", UserWarning, stacklevel=2)


for i in range(3):
    warnings.warn("loop warning")          # shown once: same line
for i in range(2):
    deprecated_api()                        # attributed to this line
deprecated_api()                            # another line: shown again
warnings.warn(RuntimeWarning("instance message"))
warnings.warn("deep", stacklevel=99)
warnings.warn("deep", stacklevel=99)
warnings.warn("zero level", stacklevel=0)
warnings.warn("hidden by default", DeprecationWarning)   # __main__: shown
warnings.warn("pending", PendingDeprecationWarning)      # ignored by default
warnings.warn_explicit("explicit", SyntaxWarning, "some/file.py", 12)
warnings.warn_explicit("explicit", SyntaxWarning, "some/file.py", 12, registry={})
print(warnings.formatwarning("text", UserWarning, "f.py", 3, line="   x = 1   "))
print(repr(warnings.formatwarning("text", UserWarning, "nofile.py", 3)))
warnings.showwarning("via showwarning", FutureWarning, "g.py", 7, line="")
print(__warningregistry__[("loop warning", UserWarning, 11)], "version" in __warningregistry__)
