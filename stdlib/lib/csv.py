"""Reading and writing CSV files.

The record parser and formatter are native (_csv.Reader and _csv.Writer);
this module resolves dialects (named, classes, or keyword overrides) into
the validated settings they take, keeps the dialect registry and the field
size limit, and provides DictReader and DictWriter on top.
"""

import re
import _csv
from _csv import Error

__version__ = '1.0'
__all__ = ['QUOTE_MINIMAL', 'QUOTE_ALL', 'QUOTE_NONNUMERIC', 'QUOTE_NONE', 'Error',
           'Dialect', '__doc__', 'excel', 'excel_tab', 'field_size_limit', 'reader', 'writer',
           'register_dialect', 'get_dialect', 'list_dialects', 'unregister_dialect',
           '__version__', 'DictReader', 'DictWriter', 'unix_dialect', 'Sniffer']

QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE = range(4)

_SETTING_NAMES = ('delimiter', 'doublequote', 'escapechar', 'lineterminator', 'quotechar',
                  'quoting', 'skipinitialspace', 'strict')
_DEFAULTS = {'delimiter': ',', 'doublequote': True, 'escapechar': None,
             'lineterminator': '\r\n', 'quotechar': '"', 'quoting': QUOTE_MINIMAL,
             'skipinitialspace': False, 'strict': False}
_registry = {}
_limit = [128 * 1024]


class _Settings:
    """A validated dialect: what reader/writer objects report as .dialect."""

    __slots__ = _SETTING_NAMES

    def __setattr__(self, name, value):
        raise AttributeError(f"attribute '{name}' of '_csv.Dialect' objects is not writable")


_Settings.__name__ = _Settings.__qualname__ = 'Dialect'
_Settings.__module__ = '_csv'


def _one_char(name, value, allow_none):
    if value is None and allow_none:
        return None
    if not isinstance(value, str):
        raise TypeError(f'"{name}" must be string, not {type(value).__name__}')
    if len(value) != 1:
        raise TypeError(f'"{name}" must be a 1-character string')
    return value


def _resolve(dialect, fmtparams):
    """The _Settings for a dialect (a registered name, a Dialect class or
    instance, or a resolved dialect) with keyword overrides applied."""
    for key in fmtparams:
        if key not in _DEFAULTS:
            raise TypeError(f"'{key}' is an invalid keyword argument for this function")
    if isinstance(dialect, str):
        dialect = get_dialect(dialect)
    if isinstance(dialect, _Settings) and not fmtparams:
        return dialect
    given = {}
    for name in _SETTING_NAMES:
        if name in fmtparams:
            given[name] = fmtparams[name]
        elif dialect is not None and hasattr(dialect, name):
            given[name] = getattr(dialect, name)
    values = dict(_DEFAULTS)
    values.update(given)
    values['delimiter'] = _one_char('delimiter', values['delimiter'], False)
    values['doublequote'] = bool(values['doublequote'])
    values['escapechar'] = _one_char('escapechar', values['escapechar'], True)
    terminator = values['lineterminator']
    if terminator is not None and not isinstance(terminator, str):
        raise TypeError('"lineterminator" must be a string')
    values['quotechar'] = _one_char('quotechar', values['quotechar'], True)
    quoting = values['quoting']
    if 'quoting' not in fmtparams and 'quotechar' in fmtparams and fmtparams['quotechar'] is None:
        quoting = QUOTE_NONE
    if not isinstance(quoting, int):
        raise TypeError('"quoting" must be an integer')
    if quoting not in (QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE):
        raise TypeError('bad "quoting" value')
    values['quoting'] = quoting
    values['skipinitialspace'] = bool(values['skipinitialspace'])
    values['strict'] = bool(values['strict'])
    if values['quotechar'] is None and quoting != QUOTE_NONE:
        raise TypeError('quotechar must be set if quoting enabled')
    if terminator is None:
        raise TypeError('lineterminator must be set')
    settings = object.__new__(_Settings)
    for name in _SETTING_NAMES:
        object.__setattr__(settings, name, values[name])
    return settings


def _code(char):
    return -1 if char is None else ord(char)


def _native_args(settings):
    return (settings, ord(settings.delimiter), _code(settings.quotechar),
            _code(settings.escapechar), int(settings.doublequote),
            int(settings.skipinitialspace), settings.lineterminator, settings.quoting,
            _limit[0], int(settings.strict))


def reader(csvfile, dialect='excel', **fmtparams):
    """An iterator over the records of csvfile (any iterable of lines),
    each a list of str (or floats for unquoted fields under
    QUOTE_NONNUMERIC)."""
    settings = _resolve(dialect, fmtparams)
    return _csv.Reader(csvfile, *_native_args(settings))


def writer(csvfile, dialect='excel', **fmtparams):
    """An object whose writerow()/writerows() format records onto
    csvfile (anything with a write method)."""
    settings = _resolve(dialect, fmtparams)
    return _csv.Writer(csvfile, *_native_args(settings))


def register_dialect(name, dialect=None, **fmtparams):
    if not isinstance(name, str):
        raise TypeError('dialect name must be a string')
    _registry[name] = _resolve(dialect, fmtparams)


def unregister_dialect(name):
    if name not in _registry:
        raise Error('unknown dialect')
    del _registry[name]


def get_dialect(name):
    try:
        return _registry[name]
    except (KeyError, TypeError):
        raise Error('unknown dialect') from None


def list_dialects():
    return list(_registry)


def field_size_limit(*args):
    """Return the largest field the parser accepts; with an argument, set
    it and return the previous one."""
    if len(args) > 1:
        raise TypeError(f'field_size_limit() takes at most 1 argument ({len(args)} given)')
    old = _limit[0]
    if args:
        if not isinstance(args[0], int):
            raise TypeError('limit must be an integer')
        _limit[0] = args[0]
    return old


class Dialect:
    """Base class of dialect descriptions: a subclass sets the attributes
    and is checked when it is instantiated."""
    _name, _valid = '', False
    delimiter = quotechar = escapechar = doublequote = None
    skipinitialspace = lineterminator = quoting = None

    def __init__(self):
        if type(self) is not Dialect:
            self._valid = True
        try:
            _resolve(self, {})
        except TypeError as e:
            raise Error(str(e)) from None


class excel(Dialect):
    """The usual properties of an Excel-generated CSV file."""
    delimiter, quotechar, lineterminator = ',', '"', '\r\n'
    doublequote, skipinitialspace, quoting = True, False, QUOTE_MINIMAL


class excel_tab(excel):
    """Excel's tab-delimited files."""
    delimiter = '\t'


class unix_dialect(Dialect):
    """Files written on UNIX: '\\n' line ends, every field quoted."""
    delimiter, quotechar, lineterminator = ',', '"', '\n'
    doublequote, skipinitialspace, quoting = True, False, QUOTE_ALL


register_dialect('excel', excel)
register_dialect('excel-tab', excel_tab)
register_dialect('unix', unix_dialect)


def _listed(names):
    # A one-shot iterator of field names is kept as a list; sequences as given.
    if names is not None and iter(names) is names:
        return list(names)
    return names


class DictReader:
    """Reads records as dicts keyed by fieldnames (by default the first
    record). Extra values go in a list under restkey; missing ones are
    restval. Blank records are skipped."""

    def __init__(self, f, fieldnames=None, restkey=None, restval=None, dialect='excel',
                 *args, **kwds):
        self._names = _listed(fieldnames)
        self.restkey, self.restval = restkey, restval
        self.dialect = dialect
        self.line_num = 0
        self.reader = reader(f, dialect, *args, **kwds)

    def _header(self):
        # The field names, read from the first record on first need.
        if self._names is None:
            self._names = next(self.reader, None)
        self.line_num = self.reader.line_num
        return self._names

    def _set_header(self, names):
        self._names = names

    fieldnames = property(_header, _set_header)

    def __iter__(self):
        return self

    def __next__(self):
        names = self._header()
        for row in self.reader:
            self.line_num = self.reader.line_num
            if not row:
                continue
            record = dict(zip(names, row))
            surplus = len(row) - len(names)
            if surplus > 0:
                record[self.restkey] = row[len(names):]
            elif surplus < 0:
                record.update(dict.fromkeys(names[len(row):], self.restval))
            return record
        raise StopIteration

    __class_getitem__ = classmethod(type(list[int]))


class DictWriter:
    """Writes dicts as records in the order of fieldnames; missing keys are
    written as restval, unknown keys raise ValueError (or are ignored with
    extrasaction='ignore')."""

    def __init__(self, f, fieldnames, restval='', extrasaction='raise', dialect='excel',
                 *args, **kwds):
        self.fieldnames = _listed(fieldnames)
        self.restval = restval
        if extrasaction.lower() not in ('raise', 'ignore'):
            raise ValueError(f"extrasaction ({extrasaction}) must be 'raise' or 'ignore'")
        self.extrasaction = extrasaction
        self.writer = writer(f, dialect, *args, **kwds)

    def writeheader(self):
        return self.writerow(dict(zip(self.fieldnames, self.fieldnames)))

    def _values(self, rowdict):
        if self.extrasaction == 'raise':
            unknown = [key for key in rowdict if key not in self.fieldnames]
            if unknown:
                listed = ', '.join(repr(key) for key in unknown)
                raise ValueError('dict contains fields not in fieldnames: ' + listed)
        return [rowdict.get(key, self.restval) for key in self.fieldnames]

    def writerow(self, rowdict):
        return self.writer.writerow(self._values(rowdict))

    def writerows(self, rowdicts):
        return self.writer.writerows(map(self._values, rowdicts))

    __class_getitem__ = classmethod(type(list[int]))


class Sniffer:
    """Guesses the dialect of a CSV sample (sniff) and whether its first
    row is a header (has_header)."""

    # Delimiters preferred when several fit the sample equally well.
    preferred = [',', '\t', ';', ' ', ':']

    def sniff(self, sample, delimiters=None):
        """A Dialect subclass describing the sample."""
        quotechar, delimiter, skip, doubled = self._by_quotes(sample, delimiters)
        if not delimiter:
            delimiter, skip = self._by_frequency(sample, delimiters)
        if not delimiter:
            raise Error('Could not determine delimiter')

        class dialect(Dialect):
            _name = 'sniffed'
            lineterminator = '\r\n'
            quoting = QUOTE_MINIMAL

        dialect.delimiter = delimiter
        dialect.quotechar = quotechar or '"'
        dialect.doublequote = doubled
        dialect.skipinitialspace = skip
        return dialect

    def _by_quotes(self, sample, delimiters):
        # Quoted fields give both the quote character (the one wrapping the
        # most fields) and the delimiter (the character most often next to
        # them); a space after the delimiter means skipinitialspace.
        best = None
        for quote in ('"', "'"):
            field = re.compile(f'{quote}(?:[^{quote}\\n]|{quote}{quote})*{quote}')
            found = list(field.finditer(sample))
            if found and (best is None or len(found) > len(best[1])):
                best = (quote, found)
        if best is None:
            return '', '', False, False
        quote, found = best
        around, spaced = {}, 0
        for m in found:
            start, end = m.start(), m.end()
            if start > 0 and sample[start - 1] == ' ' and start > 1:
                start -= 1
                spaced += 1
            for ch in (sample[start - 1] if start > 0 else '', sample[end:end + 1]):
                if ch and ch not in '\r\n' and not ch.isalnum() and ch != quote and \
                        (delimiters is None or ch in delimiters):
                    around[ch] = around.get(ch, 0) + 1
        doubled = any(quote * 2 in m.group()[1:-1] for m in found)
        if not around:
            return quote, '', False, doubled
        delimiter = max(around, key=lambda ch: (around[ch], -self._rank(ch)))
        if delimiter == ' ':
            spaced = 0
        return quote, delimiter, spaced > 0, doubled

    def _rank(self, ch):
        return self.preferred.index(ch) if ch in self.preferred else len(self.preferred)

    def _by_frequency(self, sample, delimiters):
        # The delimiter occurs the same number of times on every line; among
        # such characters the preferred ones win, then the most frequent.
        lines = [line for line in sample.split('\n') if line][:20]
        if not lines:
            return '', False
        candidates = {ch for line in lines for ch in line if not ch.isalnum() and ch not in '"\'\r'}
        if delimiters is not None:
            candidates &= set(delimiters)
        steady = []
        for ch in candidates:
            counts = [line.count(ch) for line in lines]
            if counts[0] > 0 and all(n == counts[0] for n in counts):
                steady.append((self._rank(ch), -counts[0], ch))
        if not steady:
            return '', False
        delimiter = min(steady)[2]
        first = lines[0]
        skip = delimiter != ' ' and first.count(delimiter) == first.count(delimiter + ' ')
        return delimiter, skip

    def has_header(self, sample):
        """Whether the first row looks like column names: in columns whose
        values share a type (int, float, complex) or a length, the first
        row's cell disagrees more often than it agrees."""
        rows = reader(sample.splitlines(), self.sniff(sample))
        header = next(rows)
        width = len(header)
        kinds = dict.fromkeys(range(width))
        for count, row in enumerate(rows):
            if count >= 20:
                break
            if len(row) != width:
                continue
            for col in list(kinds):
                kind = _cell_kind(row[col])
                if kinds[col] is None:
                    kinds[col] = kind
                elif kinds[col] != kind:
                    del kinds[col]
        votes = 0
        for col, kind in kinds.items():
            if kind is None:
                continue
            if isinstance(kind, int):
                votes += 1 if len(header[col]) != kind else -1
            else:
                votes += -1 if _cell_kind(header[col]) == kind else 1
        return votes > 0


def _cell_kind(text):
    # The first of int, float, complex that accepts the text, else its length.
    for kind in (int, float, complex):
        try:
            kind(text)
            return kind
        except (ValueError, OverflowError):
            pass
    return len(text)
