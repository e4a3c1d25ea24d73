# Definitions @dataclass refuses, with CPython's exception types and messages.
from dataclasses import dataclass, field, KW_ONLY, InitVar
from typing import ClassVar


def attempt(label, make):
    try:
        make()
        print(label, 'accepted')
    except (TypeError, ValueError) as e:
        print(label, type(e).__name__, e)


def cls(name, annotations, body=None, bases=()):
    namespace = dict(body or {})
    namespace['__annotations__'] = annotations
    return type(name, bases, namespace)


attempt('both defaults', lambda: field(default=1, default_factory=list))
attempt('mutable list', lambda: dataclass(cls('A', {'a': list}, {'a': []})))
attempt('mutable dict', lambda: dataclass(cls('A', {'a': dict}, {'a': {}})))
attempt('mutable set', lambda: dataclass(cls('A', {'a': set}, {'a': set()})))
attempt('tuple default', lambda: dataclass(cls('A', {'a': tuple}, {'a': ()})))
attempt('order order', lambda: dataclass(cls('A', {'a': int, 'b': int}, {'a': 1})))
attempt('no annotation', lambda: dataclass(cls('A', {}, {'a': field(default=1)})))
attempt('order without eq', lambda: dataclass(order=True, eq=False)(cls('A', {})))
attempt('two KW_ONLY', lambda: dataclass(cls('A', {'_': KW_ONLY, 'x': int, 'y': KW_ONLY})))
attempt('classvar factory', lambda: dataclass(cls('A', {'a': ClassVar[list]}, {'a': field(default_factory=list)})))
attempt('initvar factory', lambda: dataclass(cls('A', {'a': InitVar[list]}, {'a': field(default_factory=list)})))
attempt('own __lt__', lambda: dataclass(order=True)(cls('A', {'a': int}, {'__lt__': lambda s, o: True})))
attempt('own __setattr__', lambda: dataclass(frozen=True)(cls('A', {'a': int}, {'__setattr__': lambda s, n, v: None})))
attempt('own __hash__', lambda: dataclass(unsafe_hash=True)(cls('A', {'a': int}, {'__hash__': lambda s: 1})))
attempt('weakref without slots', lambda: dataclass(weakref_slot=True)(cls('A', {'a': int})))
attempt('slots twice', lambda: dataclass(slots=True)(cls('A', {'a': int}, {'__slots__': ('a',)})))
attempt('kw default order ok', lambda: dataclass(cls('A', {'a': int, '_': KW_ONLY, 'b': int}, {'a': 1})))
attempt('classvar mutable ok', lambda: dataclass(cls('A', {'a': ClassVar[list]}, {'a': []})))
