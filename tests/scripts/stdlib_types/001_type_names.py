# Each name in types is the class of the objects it describes.
import sys
import types


def plain():
    pass


def gen():
    yield 1


async def coro():
    pass


async def agen():
    yield 1


def make_cell():
    x = 1

    def inner():
        return x
    return inner.__closure__[0]


class K:
    def method(self):
        pass


co = coro()
checks = [
    ("FunctionType", plain, types.FunctionType),
    ("LambdaType", lambda: 0, types.LambdaType),
    ("CodeType", plain.__code__, types.CodeType),
    ("CellType", make_cell(), types.CellType),
    ("GeneratorType", gen(), types.GeneratorType),
    ("CoroutineType", co, types.CoroutineType),
    ("AsyncGeneratorType", agen(), types.AsyncGeneratorType),
    ("MethodType", K().method, types.MethodType),
    ("BuiltinFunctionType", len, types.BuiltinFunctionType),
    ("BuiltinMethodType", [].append, types.BuiltinMethodType),
    ("WrapperDescriptorType", object.__init__, types.WrapperDescriptorType),
    ("MethodWrapperType", object().__str__, types.MethodWrapperType),
    ("GetSetDescriptorType", type.__dict__["__name__"], types.GetSetDescriptorType),
    ("ModuleType", sys, types.ModuleType),
    ("SimpleNamespace", types.SimpleNamespace(), types.SimpleNamespace),
    ("NoneType", None, types.NoneType),
    ("NotImplementedType", NotImplemented, types.NotImplementedType),
    ("EllipsisType", ..., types.EllipsisType),
]
co.close()
for name, obj, cls in checks:
    print(name, isinstance(obj, cls), type(obj) is cls, isinstance(1, cls))
print(types.LambdaType is types.FunctionType, types.BuiltinMethodType is types.BuiltinFunctionType)
print(type(None) is types.NoneType, types.EllipsisType.__name__, types.NotImplementedType.__name__)

try:
    raise ValueError("x")
except ValueError as exc:
    print("TracebackType", isinstance(exc.__traceback__, types.TracebackType))

m = types.ModuleType("made", "its doc")
print(m.__name__, m.__doc__)
bound = types.MethodType(lambda self, y: (self, y), "obj")
print(bound(2), bound.__self__)
ns = types.SimpleNamespace(b=2, a=1)
ns.c = 3
print(ns, ns == types.SimpleNamespace(a=1, b=2, c=3))
