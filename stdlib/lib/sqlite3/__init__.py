"""sqlite3: the DB-API 2.0 interface to SQLite (PEP 249), over _sqlite3.

_sqlite3 is a thin native layer (a Database and its prepared Statements,
both returning SQLite result codes); this module adds what the DB-API
asks for: connections with CPython 3.11's implicit transactions, cursors,
parameter binding in qmark and named style, rows, adapters and
converters, and the exception hierarchy.
"""

import _sqlite3
import _thread

sqlite_version = _sqlite3.sqlite_version
sqlite_version_info = tuple(int(part) for part in sqlite_version.split("."))
version = "2.6.0"
version_info = (2, 6, 0)
apilevel = "2.0"
paramstyle = "qmark"
threadsafety = 3

PARSE_DECLTYPES = 1
PARSE_COLNAMES = 2

SQLITE_OK = 0
SQLITE_DENY = 1
SQLITE_IGNORE = 2
_ROW = 100
_DONE = 101


class Warning(Exception):
    pass


class Error(Exception):
    sqlite_errorcode = None
    sqlite_errorname = None


class InterfaceError(Error):
    pass


class DatabaseError(Error):
    pass


class InternalError(DatabaseError):
    pass


class OperationalError(DatabaseError):
    pass


class ProgrammingError(DatabaseError):
    pass


class IntegrityError(DatabaseError):
    pass


class DataError(DatabaseError):
    pass


class NotSupportedError(DatabaseError):
    pass


for _cls in (Warning, Error, InterfaceError, DatabaseError, InternalError,
             OperationalError, ProgrammingError, IntegrityError, DataError,
             NotSupportedError):
    _cls.__module__ = "sqlite3"
del _cls

# SQLite's primary result codes (the low byte of an extended code): the
# exception class each one raises and the name it reports.
_PRIMARY = {
    1: (OperationalError, "SQLITE_ERROR"),
    2: (InternalError, "SQLITE_INTERNAL"),
    3: (OperationalError, "SQLITE_PERM"),
    4: (OperationalError, "SQLITE_ABORT"),
    5: (OperationalError, "SQLITE_BUSY"),
    6: (OperationalError, "SQLITE_LOCKED"),
    7: (MemoryError, "SQLITE_NOMEM"),
    8: (OperationalError, "SQLITE_READONLY"),
    9: (OperationalError, "SQLITE_INTERRUPT"),
    10: (OperationalError, "SQLITE_IOERR"),
    11: (DatabaseError, "SQLITE_CORRUPT"),
    12: (InternalError, "SQLITE_NOTFOUND"),
    13: (OperationalError, "SQLITE_FULL"),
    14: (OperationalError, "SQLITE_CANTOPEN"),
    15: (OperationalError, "SQLITE_PROTOCOL"),
    16: (OperationalError, "SQLITE_EMPTY"),
    17: (OperationalError, "SQLITE_SCHEMA"),
    18: (DataError, "SQLITE_TOOBIG"),
    19: (IntegrityError, "SQLITE_CONSTRAINT"),
    20: (DataError, "SQLITE_MISMATCH"),
    21: (InterfaceError, "SQLITE_MISUSE"),
    22: (OperationalError, "SQLITE_NOLFS"),
    23: (OperationalError, "SQLITE_AUTH"),
    24: (OperationalError, "SQLITE_FORMAT"),
    25: (InterfaceError, "SQLITE_RANGE"),
    26: (DatabaseError, "SQLITE_NOTADB"),
}

# The extended codes scripts meet most (constraint failures).
_EXTENDED_NAMES = {
    275: "SQLITE_CONSTRAINT_CHECK",
    787: "SQLITE_CONSTRAINT_FOREIGNKEY",
    1299: "SQLITE_CONSTRAINT_NOTNULL",
    1555: "SQLITE_CONSTRAINT_PRIMARYKEY",
    2067: "SQLITE_CONSTRAINT_UNIQUE",
}


def _raise_from_db(db):
    code = db.errcode()
    cls, name = _PRIMARY.get(code & 0xFF, (DatabaseError, None))
    exc = cls(db.errmsg())
    if cls is not MemoryError:
        exc.sqlite_errorcode = code
        exc.sqlite_errorname = _EXTENDED_NAMES.get(code, name)
    raise exc


# --- adapters and converters ---------------------------------------------

class PrepareProtocol:
    pass


PrepareProtocol.__module__ = "sqlite3"

adapters = {}
converters = {}


def register_adapter(type, adapter):
    adapters[(type, PrepareProtocol)] = adapter


def register_converter(typename, converter):
    converters[typename.upper()] = converter


def adapt(obj, proto=PrepareProtocol, alt=None):
    adapter = adapters.get((type(obj), proto))
    if adapter is not None:
        return adapter(obj)
    conform = getattr(obj, "__conform__", None)
    if conform is not None:
        result = conform(proto)
        if result is not None:
            return result
    if alt is not None:
        return alt
    raise ProgrammingError("can't adapt")


def complete_statement(statement):
    return _sqlite3.complete_statement(statement)


_PLAIN = (int, float, str, bytes, type(None))


def _bind_value(stmt, index, value):
    if type(value) not in _PLAIN and adapters:
        adapter = adapters.get((type(value), PrepareProtocol))
        if adapter is not None:
            value = adapter(value)
    elif type(value) not in _PLAIN and hasattr(value, "__conform__"):
        value = adapt(value, PrepareProtocol, value)
    rc = stmt.bind(index, value)
    if rc == -1:
        raise ProgrammingError(
            f"Error binding parameter {index}: type '{type(value).__name__}' is not supported")
    return rc


def _bind_parameters(stmt, parameters):
    count = stmt.param_count()
    if isinstance(parameters, dict):
        for i in range(1, count + 1):
            name = stmt.param_name(i)
            if name is None:
                raise ProgrammingError(
                    f"Binding {i} has no name, but you supplied a dictionary "
                    "(which has only names).")
            try:
                value = parameters[name]
            except KeyError:
                raise ProgrammingError(
                    f"You did not supply a value for binding parameter :{name}.") from None
            _bind_value(stmt, i, value)
        return
    if isinstance(parameters, (list, tuple)) or (
            hasattr(parameters, "__len__") and hasattr(parameters, "__getitem__")
            and not isinstance(parameters, (str, bytes))):
        if len(parameters) != count:
            raise ProgrammingError(
                "Incorrect number of bindings supplied. The current statement uses "
                f"{count}, and there are {len(parameters)} supplied.")
        for i in range(count):
            _bind_value(stmt, i + 1, parameters[i])
        return
    raise ProgrammingError("parameters are of unsupported type")


def _skip_blanks(sql, i=0):
    """The index of the first character of `sql` after blanks and comments."""
    n = len(sql)
    while i < n:
        if sql[i] in " \t\r\n\f":
            i += 1
        elif sql.startswith("--", i):
            end = sql.find("\n", i)
            i = n if end < 0 else end + 1
        elif sql.startswith("/*", i):
            end = sql.find("*/", i + 2)
            i = n if end < 0 else end + 2
        else:
            break
    return i


def _leading_keyword(sql):
    """The first word of `sql`, upper-cased."""
    start = i = _skip_blanks(sql)
    while i < len(sql) and (sql[i].isalpha() or sql[i] == "_"):
        i += 1
    return sql[start:i].upper()


def _only_blanks(tail):
    return _skip_blanks(tail) == len(tail)


# --- Row -----------------------------------------------------------------

class Row:
    """A result row that reads like a tuple and by column name."""

    def __init__(self, cursor, data):
        if not isinstance(cursor, Cursor):
            raise TypeError(
                f"Row() argument 1 must be sqlite3.Cursor, not {type(cursor).__name__}")
        if not isinstance(data, tuple):
            raise TypeError(f"Row() argument 2 must be tuple, not {type(data).__name__}")
        self._data = data
        self._description = cursor.description

    def keys(self):
        if self._description is None:
            return []
        return [column[0] for column in self._description]

    def __getitem__(self, key):
        if isinstance(key, str):
            wanted = key.upper()
            for position, name in enumerate(self.keys()):
                if name.upper() == wanted:
                    return self._data[position]
            raise IndexError("No item with that key")
        return self._data[key]

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(self._data)

    def __eq__(self, other):
        if not isinstance(other, Row):
            return NotImplemented
        return self._description == other._description and self._data == other._data

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    def __hash__(self):
        return hash(self._description) ^ hash(self._data)


Row.__module__ = "sqlite3"


# --- Cursor --------------------------------------------------------------

_DML = ("INSERT", "UPDATE", "DELETE", "REPLACE")


class Cursor:
    """Runs statements on a Connection and hands out their rows."""

    def __init__(self, connection):
        if not isinstance(connection, Connection):
            raise TypeError(
                f"Cursor() argument 1 must be sqlite3.Connection, not {type(connection).__name__}")
        self.connection = connection
        self.arraysize = 1
        self.row_factory = None
        self._description = None
        self._rowcount = -1
        self._lastrowid = None
        self._stmt = None
        self._row = None  # the next row to hand out, already read
        self._converters = None
        self._closed = False

    description = property(lambda self: self._description)
    rowcount = property(lambda self: self._rowcount)
    lastrowid = property(lambda self: self._lastrowid)

    def _check(self):
        self.connection._check()
        if self._closed:
            raise ProgrammingError("Cannot operate on a closed cursor.")

    def _drop_statement(self):
        if self._stmt is not None:
            self._stmt.finalize()
            self._stmt = None
        self._row = None

    def _prepare(self, sql, caller):
        if not isinstance(sql, str):
            raise TypeError(f"{caller}() argument 1 must be str, not {type(sql).__name__}")
        db = self.connection._db
        rc, stmt, tail = db.prepare(sql)
        if rc != 0:
            _raise_from_db(db)
        if stmt is not None and not _only_blanks(tail):
            stmt.finalize()
            raise ProgrammingError("You can only execute one statement at a time.")
        return stmt

    def _describe(self, stmt):
        columns = stmt.columns() if stmt is not None else ()
        if not columns:
            self._description = None
            self._converters = None
            return
        detect = self.connection._detect_types
        described, convs = [], []
        for name, decltype in columns:
            conv = None
            if detect & PARSE_COLNAMES:
                left = name.find("[")
                right = name.find("]", left + 1)
                if left >= 0 and right > left:
                    conv = converters.get(name[left + 1:right].upper())
                    name = name[:left].rstrip()
            if conv is None and detect & PARSE_DECLTYPES and decltype:
                word = decltype.split("(")[0].split()
                if word:
                    conv = converters.get(word[0].upper())
            described.append((name, None, None, None, None, None, None))
            convs.append(conv)
        self._description = tuple(described)
        self._converters = convs if any(c is not None for c in convs) else None

    def _step(self, stmt):
        rc = stmt.step()
        if rc == _ROW:
            return True
        if rc == _DONE:
            return False
        stmt.reset()
        _raise_from_db(self.connection._db)

    def _run(self, sql, parameter_sets, caller):
        self._check()
        self.connection._check_thread()
        self._drop_statement()
        self._description = None
        self._rowcount = -1
        stmt = self._prepare(sql, caller)
        if stmt is None:
            return self
        keyword = _leading_keyword(sql)
        dml = keyword in _DML
        if caller == "executemany" and not dml:
            stmt.finalize()
            raise ProgrammingError("executemany() can only execute DML statements.")
        conn = self.connection
        if dml and conn._isolation_level is not None and conn._db.autocommit():
            conn._begin()
        self._describe(stmt)
        if dml:
            self._rowcount = 0
        has_row = False
        try:
            for parameters in parameter_sets:
                stmt.reset()
                _bind_parameters(stmt, parameters)
                has_row = self._step(stmt)
                if dml:
                    self._rowcount += conn._db.changes()
                if caller == "execute" and keyword in ("INSERT", "REPLACE"):
                    self._lastrowid = conn._db.last_insert_rowid()
        except BaseException:
            stmt.finalize()
            raise
        if has_row:
            self._stmt = stmt
            self._row = self._build_row(stmt)
        else:
            stmt.finalize()
        return self

    def execute(self, sql, parameters=(), /):
        return self._run(sql, (parameters,), "execute")

    def executemany(self, sql, seq_of_parameters, /):
        return self._run(sql, iter(seq_of_parameters), "executemany")

    def executescript(self, sql_script, /):
        self._check()
        self.connection._check_thread()
        if not isinstance(sql_script, str):
            raise TypeError(
                f"executescript() argument must be str, not {type(sql_script).__name__}")
        self._drop_statement()
        db = self.connection._db
        if not db.autocommit():
            if db.exec("COMMIT") != 0:
                _raise_from_db(db)
        if db.exec(sql_script) != 0:
            _raise_from_db(db)
        return self

    def _build_row(self, stmt):
        factory = self.connection.text_factory
        raw = factory is not str
        values = stmt.row(raw)
        if raw and factory is not bytes:
            values = self._text_through(stmt, values, factory)
        if self._converters is not None:
            converted = []
            for value, conv in zip(values, self._converters):
                if conv is not None and value is not None:
                    if isinstance(value, str):
                        value = value.encode()
                    elif not isinstance(value, bytes):
                        value = str(value).encode()
                    value = conv(value)
                converted.append(value)
            values = tuple(converted)
        if self.row_factory is not None:
            return self.row_factory(self, values)
        return values

    @staticmethod
    def _text_through(stmt, values, factory):
        plain = stmt.row(False)
        return tuple(factory(raw) if isinstance(text, str) else raw
                     for raw, text in zip(values, plain))

    def _next_row(self):
        row = self._row
        stmt = self._stmt
        if stmt is None:
            return None
        self._row = None
        if self._step(stmt):
            self._row = self._build_row(stmt)
        else:
            self._drop_statement()
        return row

    def fetchone(self):
        self._check()
        self.connection._check_thread()
        return self._next_row()

    def fetchmany(self, size=None):
        self._check()
        self.connection._check_thread()
        if size is None:
            size = self.arraysize
        rows = []
        while len(rows) < size:
            row = self._next_row()
            if row is None:
                break
            rows.append(row)
        return rows

    def fetchall(self):
        self._check()
        self.connection._check_thread()
        rows = []
        while True:
            row = self._next_row()
            if row is None:
                return rows
            rows.append(row)

    def __iter__(self):
        return self

    def __next__(self):
        self._check()
        self.connection._check_thread()
        row = self._next_row()
        if row is None:
            raise StopIteration
        return row

    def close(self):
        self.connection._check_thread()
        self._drop_statement()
        self._closed = True

    def setinputsizes(self, sizes, /):
        pass

    def setoutputsize(self, size, column=None, /):
        pass


Cursor.__module__ = "sqlite3"


# --- Connection ----------------------------------------------------------

_ISOLATION_LEVELS = ("", "DEFERRED", "IMMEDIATE", "EXCLUSIVE")


def _check_isolation_level(level):
    if level is None:
        return
    if not isinstance(level, str):
        raise TypeError("isolation_level must be str or None")
    if level.upper() not in _ISOLATION_LEVELS:
        raise ValueError(
            "isolation_level string must be '', 'DEFERRED', 'IMMEDIATE', or 'EXCLUSIVE'")


class Connection:
    """One open SQLite database."""

    Warning = Warning
    Error = Error
    InterfaceError = InterfaceError
    DatabaseError = DatabaseError
    InternalError = InternalError
    OperationalError = OperationalError
    ProgrammingError = ProgrammingError
    IntegrityError = IntegrityError
    DataError = DataError
    NotSupportedError = NotSupportedError

    def __init__(self, database, timeout=5.0, detect_types=0, isolation_level="",
                 check_same_thread=True, factory=None, cached_statements=128, uri=False):
        if not isinstance(database, (str, bytes)):
            database = database.__fspath__()
        if isinstance(database, bytes):
            database = database.decode()
        self._db = None
        _check_isolation_level(isolation_level)
        db = _sqlite3.open(database, uri, int(timeout * 1000))
        if db.errcode() != 0:
            try:
                _raise_from_db(db)
            finally:
                db.close()
        self._db = db
        self._isolation_level = isolation_level
        self._detect_types = detect_types
        self._check_same_thread = check_same_thread
        self._thread_ident = _thread.get_ident()
        self.row_factory = None
        self.text_factory = str

    def _check(self):
        if self._db is None:
            raise ProgrammingError("Cannot operate on a closed database.")

    def _check_thread(self):
        if self._check_same_thread and _thread.get_ident() != self._thread_ident:
            raise ProgrammingError(
                "SQLite objects created in a thread can only be used in that same thread. "
                f"The object was created in thread id {self._thread_ident} and this is "
                f"thread id {_thread.get_ident()}.")

    def _checked(self):
        self._check_thread()
        self._check()
        return self._db

    def _begin(self):
        if self._db.exec("BEGIN " + self._isolation_level) != 0:
            _raise_from_db(self._db)

    @property
    def isolation_level(self):
        return self._isolation_level

    @isolation_level.setter
    def isolation_level(self, level):
        _check_isolation_level(level)
        if level is None and self._db is not None and not self._db.autocommit():
            self.commit()
        self._isolation_level = level

    @property
    def in_transaction(self):
        return not self._checked().autocommit()

    @property
    def total_changes(self):
        return self._checked().total_changes()

    def cursor(self, factory=Cursor):
        self._checked()
        cursor = factory(self)
        if not isinstance(cursor, Cursor):
            raise TypeError("factory must return a cursor, not " + type(cursor).__name__)
        if self.row_factory is not None:
            cursor.row_factory = self.row_factory
        return cursor

    def execute(self, sql, parameters=(), /):
        return self.cursor().execute(sql, parameters)

    def executemany(self, sql, parameters, /):
        return self.cursor().executemany(sql, parameters)

    def executescript(self, sql_script, /):
        return self.cursor().executescript(sql_script)

    def commit(self):
        db = self._checked()
        if not db.autocommit() and db.exec("COMMIT") != 0:
            _raise_from_db(db)

    def rollback(self):
        db = self._checked()
        if not db.autocommit() and db.exec("ROLLBACK") != 0:
            _raise_from_db(db)

    def close(self):
        self._check_thread()
        if self._db is not None:
            self._db.close()
            self._db = None

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        if exc_type is None:
            try:
                self.commit()
            except BaseException:
                self.rollback()
                raise
        else:
            self.rollback()
        return False

    def create_function(self, name, narg, func, *, deterministic=False):
        db = self._checked()
        if db.create_function(name, narg, func, deterministic) != 0:
            raise OperationalError("Error creating function")

    def create_aggregate(self, name, n_arg, aggregate_class):
        db = self._checked()
        if db.create_aggregate(name, n_arg, aggregate_class) != 0:
            raise OperationalError("Error creating aggregate")

    def iterdump(self):
        self._checked()
        yield "BEGIN TRANSACTION;"
        tables = self.execute(
            "SELECT name, sql FROM sqlite_master WHERE sql NOT NULL AND type == 'table' "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name").fetchall()
        for name, sql in tables:
            yield f"{sql};"
            quoted = name.replace('"', '""')
            columns = [info[1] for info in self.execute(f'PRAGMA table_info("{quoted}")')]
            select = ",".join("'||quote(\"" + c.replace('"', '""') + "\")||'" for c in columns)
            query = f"SELECT 'INSERT INTO \"{quoted}\" VALUES({select})' FROM \"{quoted}\""
            for (line,) in self.execute(query):
                yield f"{line};"
        others = self.execute(
            "SELECT name, sql FROM sqlite_master WHERE sql NOT NULL AND "
            "type IN ('index', 'trigger', 'view') ORDER BY name").fetchall()
        for name, sql in others:
            yield f"{sql};"
        yield "COMMIT;"

    def __del__(self):
        if getattr(self, "_db", None) is not None:
            self._db.close()
            self._db = None


Connection.__module__ = "sqlite3"


def connect(database, timeout=5.0, detect_types=0, isolation_level="",
            check_same_thread=True, factory=Connection, cached_statements=128, uri=False):
    return factory(database, timeout, detect_types, isolation_level, check_same_thread,
                   factory, cached_statements, uri)


Binary = memoryview
