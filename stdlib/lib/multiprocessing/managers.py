"""Managers: objects that live in a server process, used through proxies.

A manager starts a server process that listens on a Unix socket (guarded by
the manager's authkey).  manager.list(), manager.dict(), manager.Queue() ...
ask the server to create the object and return a proxy; each method call on
a proxy is a message to the server, which calls the real object and sends
back the result (or the exception, which the proxy raises).

The wire protocol is ours.  Every message is a pickled tuple:

    client -> server:  ("create", typeid, args, kwds)
                       ("call", ident, method, args, kwds)
                       ("incref", ident) / ("decref", ident)
                       ("shutdown",)
    server -> client:  ("ok", value) / ("proxy", typeid, ident, exposed)
                       ("error", exception) / ("fatal", traceback text)

The server runs one thread per connection, and each client thread keeps its
own connection, so a proxy call that blocks (a Queue.get, a Lock.acquire)
blocks only its own thread.  The server counts references: a proxy holds one
while it lives in any process (incremented when it is unpickled or
inherited by fork, decremented when it is collected), and the object is
dropped at zero.
"""

import os
import queue
import signal
import sys
import threading
import traceback
import types

from . import connection
from . import context
from . import pool
from . import process
from . import util
from .context import ProcessError

__all__ = ["BaseManager", "SyncManager", "BaseProxy", "Token", "SharedMemoryManager",
           "Namespace", "Value", "Array", "RemoteError"]


class RemoteError(Exception):
    def __str__(self):
        return "\n" + "-" * 75 + "\n" + str(self.args[0]) + "-" * 75


class Token:
    """Names an object in a manager: (typeid, address, id)."""
    __slots__ = ("typeid", "address", "id")

    def __init__(self, typeid, address, id):
        self.__setstate__((typeid, address, id))

    def __getstate__(self):
        return tuple(getattr(self, field) for field in Token.__slots__)

    def __setstate__(self, state):
        for field, value in zip(Token.__slots__, state):
            setattr(self, field, value)

    def __repr__(self):
        fields = ", ".join("%s=%r" % pair for pair in zip(Token.__slots__, self.__getstate__()))
        return "%s(%s)" % (type(self).__name__, fields)


def _public_methods(obj):
    return [name for name in dir(obj)
            if not name.startswith("_") and callable(getattr(obj, name, None))]


def _plain(value):
    # Dictionary views do not pickle; clients get lists, as from CPython.
    if isinstance(value, (type({}.keys()), type({}.values()), type({}.items()))):
        return list(value)
    return value


# -- the server ------------------------------------------------------------------------

class Server:
    """Serves the objects of one manager.  Runs in the manager process."""

    def __init__(self, registry, address, authkey, serializer):
        if not isinstance(authkey, bytes):
            raise TypeError("Authkey {0!r} is type {1!s}, not bytes".format(
                authkey, type(authkey)))
        self.registry = registry
        self.authkey = process.AuthenticationString(authkey)
        self.listener = connection.Listener(address=address, backlog=128)
        self.address = self.listener.address
        self.objects = {}          # ident -> [obj, exposed, method_to_typeid, refcount]
        self.lock = threading.Lock()
        self.stop_event = threading.Event()
        self.next_id = 1

    def serve_forever(self):
        self.stop_event.clear()
        process.current_process()._manager_server = self
        threading.Thread(target=self._accept_loop, daemon=True).start()
        try:
            # Woken by a "shutdown" request; the timeout keeps signals
            # deliverable to this (main) thread.
            while not self.stop_event.wait(1):
                pass
        except (KeyboardInterrupt, SystemExit):
            pass
        # The connection threads may still run: leave without unwinding them.
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
        os._exit(0)

    def _accept_loop(self):
        while True:
            try:
                conn = self.listener.accept()
            except OSError:
                continue
            threading.Thread(target=self._serve_connection, args=(conn,), daemon=True).start()

    def _serve_connection(self, conn):
        try:
            connection.deliver_challenge(conn, self.authkey)
            connection.answer_challenge(conn, self.authkey)
        except Exception:
            conn.close()
            return
        while not self.stop_event.is_set():
            try:
                request = conn.recv()
            except (EOFError, OSError):
                break
            except Exception:
                reply = ("fatal", traceback.format_exc())
            else:
                reply = self._handle(request)
            try:
                conn.send(reply)
            except Exception as exc:
                try:
                    conn.send(("fatal", "Failure to send message: %r\n%s" % (
                        reply, traceback.format_exc())))
                except Exception:
                    break
            if request and request[0] == "shutdown":
                break
        conn.close()

    def _handle(self, request):
        op = request[0]
        try:
            if op == "call":
                return self._call(*request[1:])
            if op == "create":
                typeid, ident, exposed = self._create(*request[1:])
                return ("proxy", typeid, ident, exposed)
            if op == "incref":
                with self.lock:
                    self.objects[request[1]][3] += 1
                return ("ok", None)
            if op == "decref":
                with self.lock:
                    entry = self.objects.get(request[1])
                    if entry is not None:
                        entry[3] -= 1
                        if entry[3] <= 0:
                            del self.objects[request[1]]
                return ("ok", None)
            if op == "shutdown":
                self.stop_event.set()
                return ("ok", None)
            if op == "debug_info":
                with self.lock:
                    return ("ok", "\n".join("%s: refcount=%s\n    %s" % (
                        ident, e[3], str(e[0])[:75]) for ident, e in self.objects.items()))
            if op == "number_of_objects":
                with self.lock:
                    return ("ok", len(self.objects))
            return ("fatal", "unknown request %r" % (op,))
        except Exception:
            return ("fatal", traceback.format_exc())

    def _create(self, typeid, args, kwds):
        callable_, exposed, method_to_typeid, _ = self.registry[typeid]
        obj = callable_(*args, **kwds) if callable_ is not None else args[0]
        if exposed is None:
            exposed = _public_methods(obj)
        if method_to_typeid is None:
            method_to_typeid = getattr(obj, "_method_to_typeid_", None) or {}
        with self.lock:
            ident = "%x" % self.next_id
            self.next_id += 1
            self.objects[ident] = [obj, tuple(exposed), dict(method_to_typeid), 1]
        return typeid, ident, tuple(exposed)

    def _call(self, ident, method, args, kwds):
        with self.lock:
            entry = self.objects.get(ident)
        if entry is None:
            return ("fatal", "KeyError: %r: no such object in the manager\n" % (ident,))
        obj, exposed, method_to_typeid, _ = entry
        if method not in exposed and method not in ("#GETVALUE", "__repr__", "__str__"):
            return ("error", AttributeError("method %r of %r object is not in exposed=%r"
                                            % (method, type(obj), exposed)))
        try:
            if method == "#GETVALUE":
                result = obj
            else:
                result = getattr(obj, method)(*args, **kwds)
        except Exception as exc:
            exc.__traceback__ = None
            return ("error", exc)
        typeid = method_to_typeid.get(method)
        if typeid is not None:
            typeid, new_ident, exposed = self._adopt(typeid, result)
            return ("proxy", typeid, new_ident, exposed)
        return ("ok", _plain(result))

    def _adopt(self, typeid, obj):
        _, exposed, method_to_typeid, _ = self.registry[typeid]
        if exposed is None:
            exposed = _public_methods(obj)
        with self.lock:
            ident = "%x" % self.next_id
            self.next_id += 1
            self.objects[ident] = [obj, tuple(exposed), dict(method_to_typeid or {}), 1]
        return typeid, ident, tuple(exposed)


# -- the manager ------------------------------------------------------------------------

class State:
    __slots__ = ["value"]
    INITIAL = 0
    STARTED = 1
    SHUTDOWN = 2


listener_client = {"pickle": (connection.Listener, connection.Client)}


class BaseManager:
    """Starts (or connects to) a server process and makes proxies to the
    objects it serves."""

    _registry = {}
    _Server = Server

    def __init__(self, address=None, authkey=None, serializer="pickle", ctx=None, *,
                 shutdown_timeout=1.0):
        if authkey is None:
            authkey = process.current_process().authkey
        self._ctx = ctx or context._default_context.get_context()
        self._state = State()
        self._state.value = State.INITIAL
        self._address, self._serializer = address, serializer
        self._authkey = process.AuthenticationString(authkey)
        self._Listener, self._Client = listener_client[serializer]
        self._shutdown_timeout = shutdown_timeout

    @property
    def address(self):
        return self._address

    def __enter__(self):
        if self._state.value == State.INITIAL:
            self.start()
        if self._state.value == State.STARTED:
            return self
        raise ProcessError("Unable to start server")

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown()

    def _require_initial(self):
        phase = self._state.value
        if phase == State.INITIAL:
            return
        problem = {State.STARTED: "Already started server",
                   State.SHUTDOWN: "Manager has shut down"}.get(phase)
        raise ProcessError(problem or "Unknown state {!r}".format(phase))

    def _ask(self, *message):
        """Send one request on a fresh connection; returns the reply tuple."""
        return _ask_server(self._Client, self._address, self._authkey, message)

    def get_server(self):
        self._require_initial()
        return self._Server(self._registry, self._address, self._authkey, self._serializer)

    def connect(self):
        """Connect to an already running manager server."""
        self._ask("number_of_objects")
        self._state.value = State.STARTED

    def start(self, initializer=None, initargs=()):
        """Start the server process."""
        self._require_initial()
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        # The server reports the address it listens on through this pipe.
        reader, writer = connection.Pipe(duplex=False)
        server_process = self._ctx.Process(
            target=type(self)._run_server,
            args=(self._registry, self._address, self._authkey, self._serializer, writer,
                  initializer, initargs))
        server_process.name = "%s-%s" % (type(self).__name__,
                                         ":".join(map(str, server_process._identity)))
        self._process = server_process
        server_process.start()
        writer.close()
        with reader:
            self._address = reader.recv()
        self._state.value = State.STARTED
        self.shutdown = util.Finalize(
            self, _stop_manager,
            args=(server_process, self._address, self._authkey, self._state, self._Client,
                  self._shutdown_timeout),
            exitpriority=0)

    @classmethod
    def _run_server(cls, registry, address, authkey, serializer, writer, initializer=None,
                    initargs=()):
        # Ctrl-C reaches the whole process group; the manager stops when
        # its owner says so, not on the signal.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        if initializer is not None:
            initializer(*initargs)
        server = cls._Server(registry, address, authkey, serializer)
        with writer:
            writer.send(server.address)
        server.serve_forever()

    def _create(self, typeid, /, *args, **kwds):
        assert self._state.value == State.STARTED, "server not yet started"
        _, typeid, ident, exposed = self._ask("create", typeid, args, kwds)
        return Token(typeid, self._address, ident), exposed

    def join(self, timeout=None):
        server_process = self._process
        if server_process is None:
            return
        server_process.join(timeout)
        if not server_process.is_alive():
            self._process = None

    def _debug_info(self):
        return self._ask("debug_info")[1]

    def _number_of_objects(self):
        return self._ask("number_of_objects")[1]

    @classmethod
    def register(cls, typeid, callable=None, proxytype=None, exposed=None,
                 method_to_typeid=None, create_method=True):
        """Make `typeid` something this manager class can create."""
        # Each subclass gets its own copy on first registration, so that
        # registering on it does not change its bases.
        if "_registry" not in cls.__dict__:
            cls._registry = dict(cls._registry)
        proxytype = proxytype or AutoProxy
        exposed = exposed or getattr(proxytype, "_exposed_", None)
        method_to_typeid = (method_to_typeid or
                            getattr(proxytype, "_method_to_typeid_", None))
        for key, value in (method_to_typeid or {}).items():
            assert type(key) is str, "%r is not a string" % key
            assert type(value) is str, "%r is not a string" % value
        cls._registry[typeid] = (callable, exposed, method_to_typeid, proxytype)
        if create_method:
            setattr(cls, typeid, _creator(typeid, proxytype))


def _creator(typeid, proxytype):
    """The manager method that creates a `typeid` in the server and
    returns its proxy."""
    def create(self, /, *args, **kwds):
        token, exposed = self._create(typeid, *args, **kwds)
        proxy = proxytype(token, self._serializer, manager=self,
                          authkey=self._authkey, exposed=exposed)
        # The proxy took its own reference: drop the one _create made.
        proxy._decref_token(token)
        return proxy
    create.__name__ = create.__qualname__ = typeid
    return create


def _ask_server(client, address, authkey, message):
    conn = client(address, authkey=authkey)
    try:
        return _request(conn, message)
    finally:
        conn.close()


def _stop_manager(server_process, address, authkey, state, client, timeout):
    """Ask the server to stop; failing that, terminate it, then kill it."""
    if server_process.is_alive():
        try:
            _ask_server(client, address, authkey, ("shutdown",))
        except Exception:
            pass
        escalation = ((None, timeout), (server_process.terminate, timeout),
                      (server_process.kill, None))
        for force, wait_at_most in escalation:
            if force is not None:
                force()
            server_process.join(timeout=wait_at_most)
            if not server_process.is_alive():
                break
    state.value = State.SHUTDOWN


def _request(conn, message):
    conn.send(message)
    reply = conn.recv()
    kind = reply[0]
    if kind in ("ok", "proxy"):
        return reply
    if kind == "error":
        raise reply[1]
    raise RemoteError(reply[1])


# -- proxies -------------------------------------------------------------------------------

def _proxy_authkey(authkey, manager):
    """The key a proxy authenticates with: its own, its manager's, or the
    current process's."""
    if authkey is not None:
        return process.AuthenticationString(authkey)
    if manager is not None:
        return manager._authkey
    return process.current_process().authkey


class BaseProxy:
    """Stands for an object in a manager's server; method calls go there."""

    _address_to_local = {}
    _mutex = util.ForkAwareThreadLock()

    def __init__(self, token, serializer, manager=None, authkey=None, exposed=None,
                 incref=True, manager_owned=False):
        with BaseProxy._mutex:
            local = BaseProxy._address_to_local.get(token.address)
            if local is None:
                local = util.ForkAwareLocal(), _IdSet()
                BaseProxy._address_to_local[token.address] = local
        self._tls, self._idset = local
        self._token, self._id = token, token.id
        self._manager, self._owned_by_manager = manager, manager_owned
        self._serializer = serializer
        self._Client = listener_client[serializer][1]
        self._authkey = _proxy_authkey(authkey, manager)
        if exposed is not None:
            self._exposed_ = exposed
        if incref:
            self._incref()
        util.register_after_fork(self, BaseProxy._after_fork)

    def _connect(self):
        conn = self._Client(self._token.address, authkey=self._authkey)
        self._tls.connection = conn

    def _connection(self):
        # One connection per thread and manager address, shared by proxies.
        try:
            return self._tls.connection
        except AttributeError:
            self._connect()
            return self._tls.connection

    def _callmethod(self, methodname, args=(), kwds={}):
        """Call methodname(*args, **kwds) on the referent; returns its result."""
        conn = self._connection()
        reply = _request(conn, ("call", self._id, methodname, args, kwds))
        if reply[0] == "proxy":
            _, typeid, ident, exposed = reply
            proxytype = self._manager._registry[typeid][-1] if self._manager else AutoProxy
            token = Token(typeid, self._token.address, ident)
            proxy = proxytype(token, self._serializer, manager=self._manager,
                              authkey=self._authkey, exposed=exposed)
            self._decref_token(token)
            return proxy
        return reply[1]

    def _getvalue(self):
        """A copy of the referent."""
        return self._callmethod("#GETVALUE")

    def _decref_token(self, token):
        _request(self._connection(), ("decref", token.id))

    def _incref(self):
        if self._owned_by_manager:
            return
        _request(self._connection(), ("incref", self._id))
        self._idset.add(self._id)
        self._close = util.Finalize(
            self, BaseProxy._decref,
            args=(self._token, self._authkey, self._tls, self._idset, self._Client),
            exitpriority=10)

    @staticmethod
    def _decref(token, authkey, tls, idset, _Client):
        idset.discard(token.id)
        try:
            conn = getattr(tls, "connection", None)
            if conn is not None:
                _request(conn, ("decref", token.id))
            else:
                conn = _Client(token.address, authkey=authkey)
                try:
                    _request(conn, ("decref", token.id))
                finally:
                    conn.close()
        except Exception:
            pass
        if not idset:
            connection_ = getattr(tls, "connection", None)
            if connection_ is not None:
                del tls.connection
                connection_.close()

    def _after_fork(self):
        self._manager = None
        try:
            self._incref()
        except Exception:
            pass

    def __reduce__(self):
        kwds = {}
        if context.get_spawning_popen() is not None:
            kwds["authkey"] = self._authkey
        if getattr(self, "_isauto", False):
            kwds["exposed"] = self._exposed_
            return (RebuildProxy, (AutoProxy, self._token, self._serializer, kwds))
        return (RebuildProxy, (type(self), self._token, self._serializer, kwds))

    def __deepcopy__(self, memo):
        return self._getvalue()

    def __repr__(self):
        return "<%s object, typeid %r at %#x>" % (type(self).__name__, self._token.typeid,
                                                  id(self))

    def __str__(self):
        try:
            return self._callmethod("__repr__")
        except Exception:
            return repr(self)[:-1] + "; '__str__()' failed>"


class _IdSet(set):
    pass


def RebuildProxy(func, token, serializer, kwds):
    """Unpickle a proxy (in a process that received it)."""
    server = getattr(process.current_process(), "_manager_server", None)
    if server is not None and server.address == token.address:
        kwds["manager_owned"] = True
    kwds.setdefault("incref", True)
    return func(token, serializer, **kwds)


def MakeProxyType(name, exposed, _cache={}):
    """A proxy class whose methods forward each name of `exposed`."""
    key = (name, tuple(exposed))
    made = _cache.get(key)
    if made is None:
        namespace = {"_exposed_": key[1]}
        for meth in key[1]:
            exec("def %s(self, /, *args, **kwds):\n"
                 "    return self._callmethod(%r, args, kwds)" % (meth, meth), namespace)
        made = _cache[key] = type(name, (BaseProxy,), namespace)
    return made


def AutoProxy(token, serializer, manager=None, authkey=None, exposed=None, incref=True,
              manager_owned=False):
    """A proxy exposing the referent's public methods."""
    if exposed is None:
        conn = listener_client[serializer][1](token.address, authkey=authkey)
        conn.close()
        exposed = ()
    authkey = _proxy_authkey(authkey, manager)
    ProxyType = MakeProxyType("AutoProxy[%s]" % token.typeid, exposed)
    proxy = ProxyType(token, serializer, manager=manager, authkey=authkey, incref=incref,
                      manager_owned=manager_owned)
    proxy._isauto = True
    return proxy


# -- what SyncManager serves ---------------------------------------------------------------------

class Namespace:
    """An object whose attributes are the keywords it was made with."""

    def __init__(self, /, **kwds):
        vars(self).update(kwds)

    def __repr__(self):
        shown = sorted((key, value) for key, value in vars(self).items()
                       if not key.startswith("_"))
        return "%s(%s)" % (type(self).__name__, ", ".join("%s=%r" % kv for kv in shown))


class Value:
    """What manager.Value() creates in the server: a typecode and a value
    (the lock argument is accepted and ignored, as in CPython)."""

    def __init__(self, typecode, value, lock=True):
        self._typecode, self._value = typecode, value

    def __repr__(self):
        return "%s(%r, %r)" % (type(self).__name__, self._typecode, self._value)

    def get(self):
        return self._value

    def set(self, value):
        self._value = value

    value = property(get, set)


class _ManagedArray(list):
    def __init__(self, typecode, sequence):
        super().__init__(sequence)
        self.typecode = typecode

    def __repr__(self):
        return "array(%r, %s)" % (self.typecode, list.__repr__(self))


def Array(typecode, sequence, lock=True):
    return _ManagedArray(typecode, sequence)


def _remote(name):
    """A proxy method that calls `name` on the referent with the same
    arguments."""
    def method(self, /, *args, **kwds):
        return self._callmethod(name, args, kwds)
    method.__name__ = method.__qualname__ = name
    return method


def _remote_attribute(name):
    """A read-only proxy property that fetches the referent's attribute."""
    return property(lambda self: self._callmethod("__getattribute__", (name,)))


class IteratorProxy(BaseProxy):
    _exposed_ = ("__next__", "send", "throw", "close")

    def __iter__(self):
        return self

    __next__ = _remote("__next__")
    send, throw, close = _remote("send"), _remote("throw"), _remote("close")


class AcquirerProxy(BaseProxy):
    _exposed_ = ("acquire", "release")

    def acquire(self, blocking=True, timeout=None):
        args = (blocking,) if timeout is None else (blocking, timeout)
        return self._callmethod("acquire", args)

    def release(self):
        return self._callmethod("release")

    def __enter__(self):
        return self._callmethod("acquire")

    def __exit__(self, exc_type, exc_val, exc_tb):
        return self._callmethod("release")


class ConditionProxy(AcquirerProxy):
    _exposed_ = ("acquire", "release", "wait", "notify", "notify_all")

    wait, notify, notify_all = _remote("wait"), _remote("notify"), _remote("notify_all")

    # The same loop over wait() as a process-shared Condition's.
    from .synchronize import Condition as _Condition
    wait_for = _Condition.wait_for
    del _Condition


class EventProxy(BaseProxy):
    _exposed_ = ("is_set", "set", "clear", "wait")

    is_set, set, clear, wait = map(_remote, _exposed_)


class BarrierProxy(BaseProxy):
    _exposed_ = ("__getattribute__", "wait", "abort", "reset")

    wait, abort, reset = map(_remote, _exposed_[1:])
    parties = _remote_attribute("parties")
    n_waiting = _remote_attribute("n_waiting")
    broken = _remote_attribute("broken")


class NamespaceProxy(BaseProxy):
    _exposed_ = ("__getattribute__", "__setattr__", "__delattr__")

    def __getattr__(self, key):
        if key[0] == "_":
            return object.__getattribute__(self, key)
        return object.__getattribute__(self, "_callmethod")("__getattribute__", (key,))

    def __setattr__(self, key, value):
        if key[0] == "_":
            return object.__setattr__(self, key, value)
        return object.__getattribute__(self, "_callmethod")("__setattr__", (key, value))

    def __delattr__(self, key):
        if key[0] == "_":
            return object.__delattr__(self, key)
        return object.__getattribute__(self, "_callmethod")("__delattr__", (key,))


class ValueProxy(BaseProxy):
    _exposed_ = ("get", "set")

    get, set = _remote("get"), _remote("set")
    value = property(get, set)

    __class_getitem__ = classmethod(types.GenericAlias)


_LIST_METHODS = ("__add__", "__contains__", "__delitem__", "__getitem__", "__len__",
                 "__mul__", "__reversed__", "__rmul__", "__setitem__", "append", "count",
                 "extend", "index", "insert", "pop", "remove", "reverse", "sort",
                 "__imul__")
BaseListProxy = MakeProxyType("BaseListProxy", _LIST_METHODS)


class ListProxy(BaseListProxy):
    def __iadd__(self, value):
        self._callmethod("extend", (value,))
        return self

    def __imul__(self, value):
        self._callmethod("__imul__", (value,))
        return self


_DICT_METHODS = ("__contains__", "__delitem__", "__getitem__", "__iter__", "__len__",
                 "__setitem__", "clear", "copy", "get", "items", "keys", "pop", "popitem",
                 "setdefault", "update", "values")
DictProxy = MakeProxyType("DictProxy", _DICT_METHODS)
DictProxy._method_to_typeid_ = {"__iter__": "Iterator"}

ArrayProxy = MakeProxyType("ArrayProxy", ("__len__", "__getitem__", "__setitem__"))

BasePoolProxy = MakeProxyType("PoolProxy", (
    "apply", "apply_async", "close", "imap", "imap_unordered", "join", "map", "map_async",
    "starmap", "starmap_async", "terminate"))
BasePoolProxy._method_to_typeid_ = {
    "apply_async": "AsyncResult", "map_async": "AsyncResult",
    "starmap_async": "AsyncResult", "imap": "Iterator", "imap_unordered": "Iterator"}


class PoolProxy(BasePoolProxy):
    """A pool in the manager; leaving a with-block terminates it, as for a
    local Pool."""

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.terminate()

    def __enter__(self):
        return self


class SyncManager(BaseManager):
    """A manager serving the synchronisation primitives and containers."""


SyncManager.register("Queue", queue.Queue)
SyncManager.register("JoinableQueue", queue.Queue)
SyncManager.register("Event", threading.Event, EventProxy)
SyncManager.register("Lock", threading.Lock, AcquirerProxy)
SyncManager.register("RLock", threading.RLock, AcquirerProxy)
SyncManager.register("Semaphore", threading.Semaphore, AcquirerProxy)
SyncManager.register("BoundedSemaphore", threading.BoundedSemaphore, AcquirerProxy)
SyncManager.register("Condition", threading.Condition, ConditionProxy)
SyncManager.register("Barrier", threading.Barrier, BarrierProxy)
SyncManager.register("Pool", pool.Pool, PoolProxy)
SyncManager.register("list", list, ListProxy)
SyncManager.register("dict", dict, DictProxy)
SyncManager.register("Value", Value, ValueProxy)
SyncManager.register("Array", Array, ArrayProxy)
SyncManager.register("Namespace", Namespace, NamespaceProxy)
SyncManager.register("Iterator", proxytype=IteratorProxy, create_method=False)
SyncManager.register("AsyncResult", create_method=False)


class SharedMemoryManager(BaseManager):
    """A manager that tracks SharedMemory blocks (see shared_memory)."""

    def SharedMemory(self, size):
        from .shared_memory import SharedMemory
        block = SharedMemory(create=True, size=size)
        self._blocks = getattr(self, "_blocks", [])
        self._blocks.append(block)
        return block

    def ShareableList(self, sequence):
        from .shared_memory import ShareableList
        sl = ShareableList(sequence)
        self._blocks = getattr(self, "_blocks", [])
        self._blocks.append(sl.shm)
        return sl

    def __exit__(self, exc_type, exc_val, exc_tb):
        for block in getattr(self, "_blocks", []):
            try:
                block.close()
                block.unlink()
            except Exception:
                pass
        super().__exit__(exc_type, exc_val, exc_tb)
