"""Header containers for gilt's aiohttp: ordered (name, value) pairs whose
names compare without regard to case, as multidict's CIMultiDict does."""

_MISSING = object()
_ABSENT = object()


class CIMultiDict:
    """Ordered pairs, several values per name allowed; lookups fold case."""

    def __init__(self, source=None, **extra):
        self._pairs = []
        if source is not None:
            self.extend(source)
        if extra:
            self.extend(extra)

    def _fold(self, name):
        return name.lower() if isinstance(name, str) else name

    def extend(self, source):
        if hasattr(source, "items"):
            source = source.items()
        for name, value in source:
            self._pairs.append((name, value))

    def add(self, name, value):
        self._pairs.append((name, value))

    def getall(self, name, default=_MISSING):
        want = self._fold(name)
        found = [v for k, v in self._pairs if self._fold(k) == want]
        if found:
            return found
        if default is _MISSING:
            raise KeyError(name)
        return default

    def getone(self, name, default=_MISSING):
        want = self._fold(name)
        for k, v in self._pairs:
            if self._fold(k) == want:
                return v
        if default is _MISSING:
            raise KeyError(name)
        return default

    def get(self, name, default=None):
        return self.getone(name, default)

    def __getitem__(self, name):
        return self.getone(name)

    def __setitem__(self, name, value):
        want = self._fold(name)
        self._pairs = [(k, v) for k, v in self._pairs if self._fold(k) != want]
        self._pairs.append((name, value))

    def __delitem__(self, name):
        want = self._fold(name)
        kept = [(k, v) for k, v in self._pairs if self._fold(k) != want]
        if len(kept) == len(self._pairs):
            raise KeyError(name)
        self._pairs = kept

    def setdefault(self, name, default=None):
        value = self.getone(name, _ABSENT)
        if value is _ABSENT:
            self.add(name, default)
            return default
        return value

    def pop(self, name, default=_MISSING):
        value = self.getone(name, _ABSENT)
        if value is _ABSENT:
            if default is _MISSING:
                raise KeyError(name)
            return default
        del self[name]
        return value

    def update(self, source=(), **extra):
        merged = CIMultiDict(source, **extra)
        for name in {self._fold(k): k for k, _ in merged._pairs}.values():
            values = merged.getall(name)
            want = self._fold(name)
            self._pairs = [(k, v) for k, v in self._pairs if self._fold(k) != want]
            for value in values:
                self._pairs.append((name, value))

    def __contains__(self, name):
        return self.getone(name, _ABSENT) is not _ABSENT

    def __iter__(self):
        return iter([k for k, _ in self._pairs])

    def __len__(self):
        return len(self._pairs)

    def keys(self):
        return [k for k, _ in self._pairs]

    def values(self):
        return [v for _, v in self._pairs]

    def items(self):
        return list(self._pairs)

    def copy(self):
        return CIMultiDict(self._pairs)

    def __eq__(self, other):
        if isinstance(other, CIMultiDict):
            return [(self._fold(k), v) for k, v in self._pairs] == \
                [(other._fold(k), v) for k, v in other._pairs]
        if isinstance(other, dict):
            return len(self) == len(other) and all(
                self.get(k, _ABSENT) == v for k, v in other.items())
        return NotImplemented

    def __repr__(self):
        body = ", ".join("%r: %r" % pair for pair in self._pairs)
        return "<%s(%s)>" % (type(self).__name__, body)


class CIMultiDictProxy(CIMultiDict):
    """A read-only view: the response's headers."""

    def __init__(self, source):
        self._pairs = []
        CIMultiDict.extend(self, source)

    def _readonly(self, *args, **kwargs):
        raise TypeError("'CIMultiDictProxy' object does not support item assignment")

    __setitem__ = __delitem__ = add = extend = update = setdefault = pop = _readonly

    def copy(self):
        return CIMultiDict(self._pairs)
