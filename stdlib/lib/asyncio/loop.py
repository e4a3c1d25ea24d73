"""The event loop: the Python half of _asyncio.Loop.

The native base runs the loop itself (the ready queue, the timer heap, epoll,
call_soon_threadsafe's wake-up; see stdlib/asyncio_loop.cpp). This class adds
what reads best in Python: argument checks, run_until_complete, the
exception handler, executors, and the socket operations built on
add_reader/add_writer. Loops are found per thread: get_running_loop() is the
loop running in this thread; get_event_loop() falls back to the loop
set_event_loop() chose (made on first use in the main thread).
"""

import concurrent.futures
import logging
import os
import socket
import threading
import sys
import warnings
import weakref

import _asyncio
from _asyncio import Future, Task, Handle, TimerHandle
from _asyncio import get_running_loop, _get_running_loop, _set_running_loop
from . import reprs
from .errors import CancelledError

__all__ = ('AbstractEventLoop', 'BaseEventLoop', 'AbstractEventLoopPolicy',
           'DefaultEventLoopPolicy', 'get_event_loop_policy', 'set_event_loop_policy',
           'get_event_loop', 'set_event_loop', 'new_event_loop', 'get_running_loop',
           '_get_running_loop', '_set_running_loop', 'Handle', 'TimerHandle',
           'SelectorEventLoop')

logger = logging.getLogger('asyncio')


def _numeric_address(host, port, family, type, proto):
    """The getaddrinfo() entry of a literal IPv4/IPv6 host, or None."""
    if not isinstance(host, str) or '%' in host:
        return None
    if port is None:
        port = 0
    elif not isinstance(port, int):
        return None
    protos = {socket.SOCK_STREAM: socket.IPPROTO_TCP, socket.SOCK_DGRAM: socket.IPPROTO_UDP}
    if type not in protos:
        return None
    proto = proto or protos[type]
    kinds = [family] if family else [socket.AF_INET, socket.AF_INET6]
    for fam in kinds:
        try:
            socket.inet_pton(fam, host)
        except (OSError, ValueError):
            continue
        addr = (host, port) if fam == socket.AF_INET else (host, port, 0, 0)
        return fam, type, proto, '', addr
    return None


def _fd_of(fileobj):
    if isinstance(fileobj, int):
        fd = fileobj
    else:
        try:
            fd = int(fileobj.fileno())
        except (AttributeError, TypeError, ValueError):
            raise ValueError(f'Invalid file object: {fileobj!r}') from None
    if fd < 0:
        raise ValueError(f'Invalid file descriptor: {fd}')
    return fd


def _is_coroutine_thing(obj):
    from .kinds import iscoroutine, iscoroutinefunction
    return iscoroutine(obj) or iscoroutinefunction(obj)


class AbstractEventLoop:
    """The interface every asyncio loop offers (for isinstance checks)."""


def _stop_when_done(fut):
    fut.get_loop().stop()


def _debug_by_default():
    """-X dev or PYTHONASYNCIODEBUG turn debug mode on for new loops."""
    import sys
    if getattr(sys.flags, 'dev_mode', False) or 'dev' in getattr(sys, '_xoptions', {}):
        return True
    return not sys.flags.ignore_environment and bool(os.environ.get('PYTHONASYNCIODEBUG'))


class BaseEventLoop(_asyncio.Loop):

    def __init__(self):
        self.set_debug(_debug_by_default())
        self._exception_handler = None
        self._default_executor = None
        self._executor_shutdown_called = False
        self._task_factory = None
        self._asyncgens_shutdown_called = False
        # Async generators first iterated in this loop and not yet finished
        # (weakly held: a finished or dropped one simply leaves).
        self._asyncgens = weakref.WeakSet()

    def __repr__(self):
        return (f'<{type(self).__name__} running={self.is_running()} '
                f'closed={self.is_closed()} debug={self.get_debug()}>')

    # --- scheduling ---

    def _check_callback(self, callback, method):
        if _is_coroutine_thing(callback):
            raise TypeError(f'coroutines cannot be used with {method}()')
        if not callable(callback):
            raise TypeError(f'a callable object was expected by {method}(), got {callback!r}')

    def call_soon(self, callback, *args, context=None):
        if self.get_debug():
            self._check_callback(callback, 'call_soon')
        return self._call_soon(callback, args, context)

    def call_soon_threadsafe(self, callback, *args, context=None):
        if self.get_debug():
            self._check_callback(callback, 'call_soon_threadsafe')
        return self._call_soon_threadsafe(callback, args, context)

    def call_later(self, delay, callback, *args, context=None):
        if delay is None:
            raise TypeError('delay must not be None')
        if self.get_debug():
            self._check_callback(callback, 'call_later')
        return self._call_at(self.time() + delay, callback, args, context)

    def call_at(self, when, callback, *args, context=None):
        if when is None:
            raise TypeError('when cannot be None')
        if self.get_debug():
            self._check_callback(callback, 'call_at')
        return self._call_at(when, callback, args, context)

    def create_task(self, coro, *, name=None, context=None):
        if self.is_closed():
            raise RuntimeError('Event loop is closed')
        if self._task_factory is None:
            return Task(coro, loop=self, name=name, context=context)
        if context is None:
            task = self._task_factory(self, coro)
        else:
            task = self._task_factory(self, coro, context=context)
        if name is not None:
            task.set_name(name)
        return task

    def set_task_factory(self, factory):
        if factory is not None and not callable(factory):
            raise TypeError('task factory must be a callable or None')
        self._task_factory = factory

    def get_task_factory(self):
        return self._task_factory

    # --- running ---

    def run_forever(self):
        if self.is_closed():
            raise RuntimeError('Event loop is closed')
        if self.is_running():
            raise RuntimeError('This event loop is already running')
        if _get_running_loop() is not None:
            raise RuntimeError('Cannot run the event loop while another loop is running')
        saved_hooks = sys.get_asyncgen_hooks()
        sys.set_asyncgen_hooks(firstiter=self._asyncgen_firstiter_hook,
                               finalizer=self._asyncgen_finalizer_hook)
        try:
            self._run_forever_core()
        finally:
            sys.set_asyncgen_hooks(*saved_hooks)

    # --- async generators (the hooks run_forever installs) ---

    def _asyncgen_firstiter_hook(self, agen):
        if self._asyncgens_shutdown_called:
            warnings.warn(f'asynchronous generator {agen!r} was scheduled after '
                          f'loop.shutdown_asyncgens() call', ResourceWarning, source=self)
        self._asyncgens.add(agen)

    def _asyncgen_finalizer_hook(self, agen):
        # An unfinished generator was dropped: its aclose() runs as a task
        # (it may await in its finally blocks). Possibly from another thread.
        self._asyncgens.discard(agen)
        if not self.is_closed():
            self.call_soon_threadsafe(self.create_task, agen.aclose())

    def run_until_complete(self, future):
        if self.is_closed():
            raise RuntimeError('Event loop is closed')
        if self.is_running():
            raise RuntimeError('This event loop is already running')
        from .tasks import ensure_future
        made_here = not isinstance(future, Future)
        future = ensure_future(future, loop=self)
        future.add_done_callback(_stop_when_done)
        try:
            self.run_forever()
        except BaseException:
            if made_here and future.done() and not future.cancelled():
                future.exception()
            raise
        finally:
            future.remove_done_callback(_stop_when_done)
        if not future.done():
            raise RuntimeError('Event loop stopped before Future completed.')
        return future.result()

    def close(self):
        if self.is_running():
            raise RuntimeError('Cannot close a running event loop')
        if self.is_closed():
            return
        self._close_core()
        self._executor_shutdown_called = True
        executor = self._default_executor
        if executor is not None:
            self._default_executor = None
            executor.shutdown(wait=False)

    async def shutdown_asyncgens(self):
        self._asyncgens_shutdown_called = True
        pending = list(self._asyncgens)
        if not pending:
            return
        self._asyncgens.clear()
        from .tasks import gather
        outcomes = await gather(*(agen.aclose() for agen in pending), return_exceptions=True)
        for agen, outcome in zip(pending, outcomes):
            if isinstance(outcome, Exception):
                self.call_exception_handler({
                    'message': f'an error occurred during closing of '
                               f'asynchronous generator {agen!r}',
                    'exception': outcome,
                    'asyncgen': agen,
                })

    async def shutdown_default_executor(self):
        self._executor_shutdown_called = True
        executor = self._default_executor
        if executor is None:
            return
        done = self.create_future()

        def shut():
            try:
                executor.shutdown(wait=True)
            finally:
                if not self.is_closed():
                    self.call_soon_threadsafe(_set_unless_done, done, None)

        thread = threading.Thread(target=shut)
        thread.start()
        try:
            await done
        finally:
            thread.join()

    # --- errors ---

    def get_exception_handler(self):
        return self._exception_handler

    def set_exception_handler(self, handler):
        if handler is not None and not callable(handler):
            raise TypeError(f'A callable object or None is expected, got {handler!r}')
        self._exception_handler = handler

    def default_exception_handler(self, context):
        message = context.get('message') or 'Unhandled exception in event loop'
        exception = context.get('exception')
        if exception is not None:
            exc_info = (type(exception), exception, exception.__traceback__)
        else:
            exc_info = False
        lines = [message]
        for key in sorted(context):
            if key in ('message', 'exception'):
                continue
            lines.append(f'{key}: {context[key]!r}')
        logger.error('\n'.join(lines), exc_info=exc_info)

    def call_exception_handler(self, context):
        handler = self._exception_handler
        if handler is None:
            try:
                self.default_exception_handler(context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException:
                logger.error('Exception in default exception handler', exc_info=True)
            return
        try:
            handler(self, context)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            try:
                self.default_exception_handler({
                    'message': 'Unhandled error in exception handler',
                    'exception': exc,
                    'context': context,
                })
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException:
                logger.error('Exception in default exception handler while handling an '
                             'unexpected error in custom exception handler', exc_info=True)

    def _log_slow_callback(self, what, seconds):
        if isinstance(what, (Future, Handle)):
            text = repr(what)
        else:
            text = reprs.handle_repr(what)
        logger.warning('Executing %s took %.3f seconds', text, seconds)

    # --- executors ---

    def set_default_executor(self, executor):
        if not isinstance(executor, concurrent.futures.ThreadPoolExecutor):
            raise TypeError('executor must be ThreadPoolExecutor instance')
        self._default_executor = executor

    def run_in_executor(self, executor, func, *args):
        if self.is_closed():
            raise RuntimeError('Event loop is closed')
        if self.get_debug():
            self._check_callback(func, 'run_in_executor')
        if executor is None:
            executor = self._default_executor
            if self._executor_shutdown_called:
                raise RuntimeError('Executor shutdown has been called')
            if executor is None:
                executor = concurrent.futures.ThreadPoolExecutor(thread_name_prefix='asyncio')
                self._default_executor = executor
        from .tasks import wrap_future
        return wrap_future(executor.submit(func, *args), loop=self)

    async def _resolve(self, host, port, *, family=0, type=0, proto=0, flags=0):
        # A numeric host needs no resolver thread (and works after the
        # default executor is shut down), as in CPython's _ensure_resolved.
        info = _numeric_address(host, port, family, type, proto)
        if info is not None:
            return [info]
        return await self.getaddrinfo(host, port, family=family, type=type,
                                      proto=proto, flags=flags)

    async def getaddrinfo(self, host, port, *, family=0, type=0, proto=0, flags=0):
        return await self.run_in_executor(None, socket.getaddrinfo, host, port,
                                          family, type, proto, flags)

    async def getnameinfo(self, sockaddr, flags=0):
        return await self.run_in_executor(None, socket.getnameinfo, sockaddr, flags)

    # --- descriptors ---

    def add_reader(self, fd, callback, *args):
        self._add_fd(_fd_of(fd), False, callback, args)

    def add_writer(self, fd, callback, *args):
        self._add_fd(_fd_of(fd), True, callback, args)

    def remove_reader(self, fd):
        if self.is_closed():
            return False
        return self._remove_fd(_fd_of(fd), False)

    def remove_writer(self, fd):
        if self.is_closed():
            return False
        return self._remove_fd(_fd_of(fd), True)

    # --- Unix signals ---

    def add_signal_handler(self, sig, callback, *args):
        """Runs callback(*args) from the loop when `sig` arrives (main
        thread only, as the signal module requires)."""
        import signal
        if _is_coroutine_thing(callback):
            raise TypeError('coroutines cannot be used with add_signal_handler()')
        if not isinstance(sig, int):
            raise TypeError(f'sig must be an int, not {sig!r}')
        if sig not in signal.valid_signals():
            raise ValueError(f'invalid signal number {sig}')
        if self.is_closed():
            raise RuntimeError('Event loop is closed')
        handlers = self.__dict__.setdefault('_signal_handlers', {})
        handlers[sig] = (callback, args)

        def on_signal(signum, frame):
            entry = handlers.get(signum)
            if entry is not None and not self.is_closed():
                self.call_soon_threadsafe(entry[0], *entry[1])

        try:
            signal.signal(sig, on_signal)
        except OSError as exc:
            del handlers[sig]
            raise RuntimeError(f'sig {sig:d} cannot be caught') from exc

    def remove_signal_handler(self, sig):
        import signal
        handlers = self.__dict__.get('_signal_handlers', {})
        if sig not in handlers:
            return False
        del handlers[sig]
        signal.signal(sig, signal.default_int_handler if sig == signal.SIGINT else signal.SIG_DFL)
        return True

    # --- sockets (non-blocking, woken by the loop) ---

    def _check_sock(self, sock):
        if self.get_debug() and sock.gettimeout() != 0:
            raise ValueError('the socket must be non-blocking')

    async def _io_wait(self, sock, writing):
        fut = self.create_future()
        fd = sock.fileno()
        self._add_fd(fd, writing, _set_unless_done, (fut, None))
        try:
            await fut
        finally:
            self._remove_fd(fd, writing)

    async def sock_recv(self, sock, n):
        self._check_sock(sock)
        while True:
            try:
                return sock.recv(n)
            except (BlockingIOError, InterruptedError):
                await self._io_wait(sock, False)

    async def sock_recv_into(self, sock, buf):
        self._check_sock(sock)
        while True:
            try:
                return sock.recv_into(buf)
            except (BlockingIOError, InterruptedError):
                await self._io_wait(sock, False)

    async def sock_recvfrom(self, sock, bufsize):
        self._check_sock(sock)
        while True:
            try:
                return sock.recvfrom(bufsize)
            except (BlockingIOError, InterruptedError):
                await self._io_wait(sock, False)

    async def sock_sendall(self, sock, data):
        self._check_sock(sock)
        view = memoryview(data).cast('B')
        sent = 0
        while sent < len(view):
            try:
                sent += sock.send(view[sent:])
            except (BlockingIOError, InterruptedError):
                await self._io_wait(sock, True)

    async def sock_sendto(self, sock, data, address):
        self._check_sock(sock)
        while True:
            try:
                return sock.sendto(data, address)
            except (BlockingIOError, InterruptedError):
                await self._io_wait(sock, True)

    async def sock_connect(self, sock, address):
        self._check_sock(sock)
        if sock.family in (socket.AF_INET, socket.AF_INET6):
            infos = await self._resolve(*address[:2], family=sock.family,
                                        type=sock.type, proto=sock.proto)
            address = infos[0][4]
        try:
            sock.connect(address)
            return
        except (BlockingIOError, InterruptedError):
            pass
        await self._io_wait(sock, True)
        err = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
        if err != 0:
            raise OSError(err, f'Connect call failed {address}')

    async def sock_accept(self, sock):
        self._check_sock(sock)
        while True:
            try:
                conn, address = sock.accept()
                conn.setblocking(False)
                return conn, address
            except (BlockingIOError, InterruptedError):
                await self._io_wait(sock, False)

    # --- connections and servers (see sockio.py) ---

    async def create_connection(self, protocol_factory, host=None, port=None, **kwargs):
        from . import sockio
        return await sockio.create_connection(self, protocol_factory, host, port, **kwargs)

    async def create_unix_connection(self, protocol_factory, path=None, **kwargs):
        from . import sockio
        return await sockio.create_unix_connection(self, protocol_factory, path, **kwargs)

    async def create_server(self, protocol_factory, host=None, port=None, **kwargs):
        from . import sockio
        return await sockio.create_server(self, protocol_factory, host, port, **kwargs)

    async def create_unix_server(self, protocol_factory, path=None, **kwargs):
        from . import sockio
        return await sockio.create_unix_server(self, protocol_factory, path, **kwargs)


class _UnixSelectorEventLoop(BaseEventLoop):
    """The loop new_event_loop() makes (named as CPython's, for reprs)."""


SelectorEventLoop = _UnixSelectorEventLoop


def _set_unless_done(fut, result):
    if not fut.done():
        fut.set_result(result)


# --- policy: which loop get_event_loop() returns in a thread ---

class AbstractEventLoopPolicy:
    def get_event_loop(self):
        raise NotImplementedError

    def set_event_loop(self, loop):
        raise NotImplementedError

    def new_event_loop(self):
        raise NotImplementedError


class DefaultEventLoopPolicy(AbstractEventLoopPolicy):
    _loop_factory = _UnixSelectorEventLoop

    class _Local(threading.local):
        loop = None
        set_called = False

    def __init__(self):
        self._local = self._Local()

    def get_event_loop(self):
        local = self._local
        if (local.loop is None and not local.set_called
                and threading.current_thread() is threading.main_thread()):
            self.set_event_loop(self.new_event_loop())
        if local.loop is None:
            raise RuntimeError('There is no current event loop in thread %r.'
                               % threading.current_thread().name)
        return local.loop

    def set_event_loop(self, loop):
        self._local.set_called = True
        if loop is not None and not isinstance(loop, _asyncio.Loop):
            raise TypeError(f"loop must be an instance of AbstractEventLoop or None, "
                            f"not '{type(loop).__name__}'")
        self._local.loop = loop

    def new_event_loop(self):
        return self._loop_factory()


_policy = None
_policy_lock = threading.Lock()


def get_event_loop_policy():
    global _policy
    if _policy is None:
        with _policy_lock:
            if _policy is None:
                _policy = DefaultEventLoopPolicy()
    return _policy


def set_event_loop_policy(policy):
    global _policy
    if policy is not None and not isinstance(policy, AbstractEventLoopPolicy):
        raise TypeError(f"policy must be an instance of AbstractEventLoopPolicy or None, "
                        f"not '{type(policy).__name__}'")
    _policy = policy


def get_event_loop():
    loop = _get_running_loop()
    if loop is not None:
        return loop
    return get_event_loop_policy().get_event_loop()


def set_event_loop(loop):
    get_event_loop_policy().set_event_loop(loop)


def new_event_loop():
    return get_event_loop_policy().new_event_loop()


def _report_callback_error(loop, exc, what):
    if isinstance(what, Future):
        context = {'message': f'Exception in callback {reprs.handle_text(what)}',
                   'exception': exc, 'future': what}
    elif isinstance(what, Handle):
        context = {'message': f'Exception in callback {reprs.handle_text(what)}',
                   'exception': exc, 'handle': what}
    else:
        context = {'message': f'Exception in callback {reprs.handle_text(what)}',
                   'exception': exc}
    loop.call_exception_handler(context)


def _native_repr(obj):
    if isinstance(obj, Handle):
        return reprs.handle_repr(obj)
    return reprs.future_repr(obj)


def _collect_at_exit():
    # Tasks that only a cycle keeps alive are reported ("Task was destroyed
    # but it is pending!", "Task exception was never retrieved") while the
    # modules the report needs still exist, as CPython's final collection does.
    if _asyncio._reportable_tasks():
        import gc
        gc.collect()


_asyncio._set_helpers(_native_repr, _report_callback_error, reprs.task_stack)
import atexit
atexit.register(_collect_at_exit)
