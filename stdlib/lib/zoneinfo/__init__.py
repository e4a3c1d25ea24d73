"""IANA time zones from the system's TZif files (PEP 615).

ZoneInfo(key) reads TZPATH/key once and keeps the zone in a per-class cache,
so the same key gives the same object (which is what makes datetimes in one
zone compare by their wall times). The rules: _tzfile.py.
"""

import bisect
import os
import sys
from datetime import datetime, timedelta, tzinfo

from . import _tzfile

__all__ = ["ZoneInfo", "reset_tzpath", "available_timezones", "TZPATH",
           "ZoneInfoNotFoundError", "InvalidTZPathWarning"]

_DEFAULT_TZPATH = ("/usr/share/zoneinfo", "/usr/lib/zoneinfo",
                   "/usr/share/lib/zoneinfo", "/etc/zoneinfo")
TZPATH = ()


class ZoneInfoNotFoundError(KeyError):
    """No TZif file for the requested key on TZPATH."""


ZoneInfoNotFoundError.__module__ = "zoneinfo._common"


class InvalidTZPathWarning(RuntimeWarning):
    """A relative path in PYTHONTZPATH, which is ignored."""


def reset_tzpath(to=None):
    """Sets TZPATH from `to`, or from PYTHONTZPATH / the defaults."""
    global TZPATH
    if to is not None:
        if isinstance(to, (str, bytes)):
            raise TypeError("tzpaths must be a list or tuple, "
                            f"not {type(to)}: {to!r}")
        paths = tuple(to)
        for p in paths:
            if not os.path.isabs(p):
                raise ValueError(f"Invalid path: {p!r}")
    else:
        env = os.environ.get("PYTHONTZPATH")
        if env is None:
            paths = _DEFAULT_TZPATH
        else:
            paths = tuple(p for p in env.split(os.pathsep)
                          if p and os.path.isabs(p))
    TZPATH = paths


reset_tzpath()


def _check_key(key):
    if os.path.isabs(key):
        raise ValueError(f"ZoneInfo keys may not be absolute paths, got: {key}")
    normal = os.path.normpath(key)
    if normal == ".." or normal.startswith("../") or normal.startswith(".."):
        raise ValueError("ZoneInfo keys must refer to subdirectories of "
                         f"TZPATH, got: {key}")


def _find_file(key):
    _check_key(key)
    for root in TZPATH:
        path = os.path.join(root, key)
        if os.path.isfile(path):
            return path
    return None


def available_timezones():
    """Every key on TZPATH whose file is a TZif file."""
    found = set()
    for root in TZPATH:
        if not os.path.isdir(root):
            continue
        for folder, dirs, files in os.walk(root):
            if folder == root:
                dirs[:] = [d for d in dirs if d not in ("right", "posix")]
            for name in files:
                if name.endswith(".tab") or name.endswith(".zi"):
                    continue
                path = os.path.join(folder, name)
                try:
                    with open(path, "rb") as f:
                        if f.read(4) != b"TZif":
                            continue
                except OSError:
                    continue
                key = os.path.relpath(path, root)
                if key != "posixrules":
                    found.add(key)
    return found


_EPOCH = datetime(1970, 1, 1)


def _wall_seconds(dt):
    """Seconds since 1970-01-01 of dt's fields, ignoring its tzinfo."""
    days = dt.toordinal() - _tzfile._EPOCH_ORD
    return ((days * 24 + dt.hour) * 60 + dt.minute) * 60 + dt.second


class ZoneInfo(tzinfo):
    """A tzinfo for one IANA zone key, such as 'Europe/Paris'."""

    _cache = None

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls._cache = {}

    def __new__(cls, key):
        cache = cls.__dict__.get("_cache")
        if cache is None:
            cache = cls._cache = {}
        zone = cache.get(key)
        if zone is None:
            zone = cls.no_cache(key)
            zone._from_cache = True
            cache[key] = zone
        return zone

    @classmethod
    def no_cache(cls, key):
        path = _find_file(key)
        if path is None:
            raise ZoneInfoNotFoundError(f"No time zone found with key {key}")
        with open(path, "rb") as f:
            data = f.read()
        return cls._from_bytes(data, key)

    @classmethod
    def from_file(cls, fobj, /, key=None):
        return cls._from_bytes(fobj.read(), key)

    @classmethod
    def _from_bytes(cls, data, key):
        zone = tzinfo.__new__(cls)
        zone._key = key
        zone._from_cache = False
        zone._load(data)
        return zone

    @classmethod
    def clear_cache(cls, *, only_keys=None):
        cache = cls.__dict__.get("_cache")
        if cache is None:
            return
        if only_keys is None:
            cache.clear()
        else:
            for k in only_keys:
                cache.pop(k, None)

    def _load(self, data):
        times, after, before, rule = _tzfile.load(data)
        self._trans_utc = times
        self._types = after
        self._before = before
        self._rule = rule
        # Wall-clock transition times: [0] for fold=0 (shifted by the larger
        # of the two offsets around each transition), [1] for fold=1.
        wall0, wall1 = [], []
        previous = before
        for t, typ in zip(times, after):
            hi = max(previous.utoff, typ.utoff)
            lo = min(previous.utoff, typ.utoff)
            wall0.append(t + hi)
            wall1.append(t + lo)
            previous = typ
        self._trans_wall = (wall0, wall1)

    @property
    def key(self):
        return self._key

    def _type_local(self, dt):
        if dt is None:
            return None
        wall = _wall_seconds(dt)
        walls = self._trans_wall[dt.fold]
        idx = bisect.bisect_right(walls, wall)
        if idx == 0:
            return self._before
        if idx < len(walls) or self._rule is None:
            return self._types[idx - 1]
        return self._rule.find_local(wall, dt.fold)

    def utcoffset(self, dt):
        t = self._type_local(dt)
        return None if t is None else timedelta(seconds=t.utoff)

    def dst(self, dt):
        t = self._type_local(dt)
        return None if t is None else timedelta(seconds=t.dstoff if t.isdst else 0)

    def tzname(self, dt):
        t = self._type_local(dt)
        return None if t is None else t.abbr

    def fromutc(self, dt):
        if not isinstance(dt, datetime):
            raise TypeError("fromutc() requires a datetime argument")
        if dt.tzinfo is not self:
            raise ValueError("dt.tzinfo is not self")
        ts = _wall_seconds(dt)
        times = self._trans_utc
        idx = bisect.bisect_right(times, ts)
        fold = 0
        if idx == 0:
            typ = self._before
        elif idx < len(times) or self._rule is None:
            typ = self._types[idx - 1]
            previous = self._types[idx - 2] if idx >= 2 else self._before
            shrink = previous.utoff - typ.utoff
            if shrink > 0 and ts < times[idx - 1] + shrink:
                fold = 1
        else:
            typ, fold = self._rule.find_utc(ts)
            last = self._types[-1] if self._types else self._before
            if fold == 0 and ts - times[-1] < last.utoff - typ.utoff:
                fold = 1
        result = dt + timedelta(seconds=typ.utoff)
        return result.replace(fold=fold) if fold else result

    def __str__(self):
        return self._key if self._key is not None else repr(self)

    def __repr__(self):
        if self._key is not None:
            return f"{type(self).__module__}.{type(self).__qualname__}(key={self._key!r})"
        return f"{type(self).__module__}.{type(self).__qualname__}.from_file(None)"

    def __reduce__(self):
        return (self.__class__._unpickle, (self._key, self._from_cache))

    @classmethod
    def _unpickle(cls, key, from_cache, /):
        if from_cache:
            return cls(key)
        return cls.no_cache(key)


ZoneInfo._cache = {}
