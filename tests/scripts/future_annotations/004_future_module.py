# The __future__ module: its features, their releases and compiler flags,
# and compile()'s flags argument and inheritance of PEP 563.
import __future__

print(__future__.all_feature_names)
for name in __future__.all_feature_names:
    feature = getattr(__future__, name)
    print(name, feature, feature.getOptionalRelease(), feature.getMandatoryRelease(),
          hex(feature.compiler_flag))
print(type(__future__.annotations).__name__, __future__.CO_FUTURE_ANNOTATIONS)
print(sorted(__future__.__all__) == sorted(['all_feature_names'] + __future__.all_feature_names))

src = "def f(x: undefined) -> Nope: pass"
ns = {}
exec(compile(src, "<s>", "exec", flags=__future__.annotations.compiler_flag), ns)
print(ns["f"].__annotations__)
try:
    exec(compile(src, "<s>", "exec"), {})
except NameError as e:
    print("NameError", e)
code = compile("x: List[int]", "<s>", "exec", __future__.annotations.compiler_flag)
ns = {}
exec(code, ns)
print(ns["__annotations__"])
