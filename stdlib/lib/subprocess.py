"""Run programs in new processes, connect to their standard streams and
collect their exit status (POSIX only).

The high-level helpers (run, call, check_call, check_output, getoutput,
getstatusoutput) are built on Popen. Popen starts the child through the
native _subprocess.spawn(), which prepares everything before fork() so that
the child side makes only async-signal-safe system calls, and learns of a
failed exec through a close-on-exec pipe; this module turns such a failure
into the OSError CPython raises. Waiting (wait, communicate) releases the
GIL. communicate() moves the data of each pipe on a thread of its own, so a
timeout leaves the threads running and a later communicate() call picks up
where the first stopped, as CPython's does.
"""

import io
import os
import signal
import sys
import threading
import time

import _subprocess

__all__ = ["Popen", "PIPE", "STDOUT", "call", "check_call", "getstatusoutput",
           "getoutput", "check_output", "run", "CalledProcessError", "DEVNULL",
           "SubprocessError", "TimeoutExpired", "CompletedProcess"]

PIPE = -1
STDOUT = -2
DEVNULL = -3

_USE_POSIX_SPAWN = False
_USE_VFORK = False


# ---- exceptions -------------------------------------------------------------

class SubprocessError(Exception):
    pass


def _signal_text(signum):
    # What CPython shows for signal.Signals(signum), without the enum.
    for name in dir(signal):
        if (name.startswith("SIG") and not name.startswith("SIG_")
                and name not in ("SIGIOT", "SIGPOLL", "SIGRTMIN", "SIGRTMAX")
                and getattr(signal, name) == signum):
            return "<Signals.%s: %d>" % (name, signum)
    return None


# The exceptions' `stdout` is another name for their `output`.
_output_alias = property(lambda self: self.output,
                         lambda self, value: setattr(self, "output", value),
                         doc="Another name for output.")


class CalledProcessError(SubprocessError):
    """Raised by check_call, check_output and run(check=True) when the
    process exits with a non-zero status."""

    stdout = _output_alias

    def __init__(self, returncode, cmd, output=None, stderr=None):
        self.returncode, self.cmd = returncode, cmd
        self.output, self.stderr = output, stderr

    def __str__(self):
        code = self.returncode
        if code and code < 0:
            shown = _signal_text(-code)
            if shown is None:
                return "Command '%s' died with unknown signal %d." % (self.cmd, -code)
            return "Command '%s' died with %s." % (self.cmd, shown)
        return "Command '%s' returned non-zero exit status %d." % (self.cmd, code)


class TimeoutExpired(SubprocessError):
    """Raised when a timeout passes while waiting for a child process."""

    stdout = _output_alias

    def __init__(self, cmd, timeout, output=None, stderr=None):
        self.cmd, self.timeout = cmd, timeout
        self.output, self.stderr = output, stderr

    def __str__(self):
        return "Command '%s' timed out after %s seconds" % (self.cmd, self.timeout)


class CompletedProcess:
    """What run() returns: args, returncode, and the captured stdout and
    stderr (None when they were not captured)."""

    def __init__(self, args, returncode, stdout=None, stderr=None):
        self.args, self.returncode = args, returncode
        self.stdout, self.stderr = stdout, stderr

    def __repr__(self):
        parts = ["args=%r" % (self.args,), "returncode=%r" % (self.returncode,)]
        if self.stdout is not None:
            parts.append("stdout=%r" % (self.stdout,))
        if self.stderr is not None:
            parts.append("stderr=%r" % (self.stderr,))
        return "%s(%s)" % (type(self).__name__, ", ".join(parts))

    def check_returncode(self):
        """Raise CalledProcessError if the exit code is non-zero."""
        if self.returncode:
            raise CalledProcessError(self.returncode, self.args, self.stdout, self.stderr)


# ---- the helpers ------------------------------------------------------------

def call(*popenargs, timeout=None, **kwargs):
    """Run the command and return its exit status."""
    with Popen(*popenargs, **kwargs) as proc:
        try:
            return proc.wait(timeout=timeout)
        except BaseException:
            proc.kill()
            raise


def _command_of(popenargs, kwargs):
    cmd = kwargs.get("args")
    return popenargs[0] if cmd is None else cmd


def check_call(*popenargs, **kwargs):
    """Run the command; raise CalledProcessError unless it exits with 0."""
    status = call(*popenargs, **kwargs)
    if status:
        raise CalledProcessError(status, _command_of(popenargs, kwargs))
    return 0


def check_output(*popenargs, timeout=None, **kwargs):
    """Run the command and return what it wrote to stdout; raise
    CalledProcessError unless it exits with 0."""
    for name in ("stdout", "check"):
        if name in kwargs:
            raise ValueError("%s argument not allowed, it will be overridden." % name)
    if "input" in kwargs and kwargs["input"] is None:
        texty = (kwargs.get("universal_newlines") or kwargs.get("text")
                 or kwargs.get("encoding") or kwargs.get("errors"))
        kwargs["input"] = "" if texty else b""
    return run(*popenargs, stdout=PIPE, timeout=timeout, check=True, **kwargs).stdout


def run(*popenargs, input=None, capture_output=False, timeout=None, check=False, **kwargs):
    """Run the command, wait for it, and return a CompletedProcess."""
    if input is not None:
        if kwargs.get("stdin") is not None:
            raise ValueError("stdin and input arguments may not both be used.")
        kwargs["stdin"] = PIPE
    if capture_output:
        if kwargs.get("stdout") is not None or kwargs.get("stderr") is not None:
            raise ValueError("stdout and stderr arguments may not be used "
                             "with capture_output.")
        kwargs["stdout"] = PIPE
        kwargs["stderr"] = PIPE
    with Popen(*popenargs, **kwargs) as proc:
        try:
            out, err = proc.communicate(input, timeout=timeout)
        except TimeoutExpired:
            proc.kill()
            proc.wait()
            raise
        except BaseException:
            proc.kill()
            raise
        status = proc.poll()
    if check and status:
        raise CalledProcessError(status, proc.args, output=out, stderr=err)
    return CompletedProcess(proc.args, status, out, err)


def getstatusoutput(cmd, *, encoding=None, errors=None):
    """(exit status, output) of `cmd` run by the shell, stderr included,
    one trailing newline removed."""
    try:
        text = check_output(cmd, shell=True, text=True, stderr=STDOUT,
                            encoding=encoding, errors=errors)
        status = 0
    except CalledProcessError as failure:
        text = failure.output
        status = failure.returncode
    if text.endswith("\n"):
        text = text[:-1]
    return status, text


def getoutput(cmd, *, encoding=None, errors=None):
    """The output of `cmd` run by the shell (see getstatusoutput)."""
    return getstatusoutput(cmd, encoding=encoding, errors=errors)[1]


# ---- Popen ------------------------------------------------------------------

# Children whose Popen went away before they were waited for; reaped when
# the next Popen is made, so that they do not stay zombies.
_unreaped = []


def _reap_unreaped():
    for proc in list(_unreaped):
        if proc._try_wait(os.WNOHANG) is not None:
            _unreaped.remove(proc)


class _Pump:
    """Moves one pipe's data on a thread: writes `data` to a writable file
    and closes it (or `closer`, the text file over it), or reads a readable
    file to its end."""

    def __init__(self, fileobj, data=None, closer=None):
        self.fileobj = fileobj
        self.closer = fileobj if closer is None else closer
        self.data = data
        self.chunks = []
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        f = self.fileobj
        try:
            if self.data is not None:
                try:
                    if self.data:
                        f.write(self.data)
                except BrokenPipeError:
                    pass
                try:
                    self.closer.close()
                except BrokenPipeError:
                    pass
                return
            fd = f.fileno()
            while True:
                chunk = os.read(fd, 65536)
                if not chunk:
                    break
                self.chunks.append(chunk)
        except OSError:
            pass

    def result(self):
        return b"".join(self.chunks)


class Popen:
    """A child process. args is a sequence of program arguments, or a string
    (the program, or with shell=True a shell command line)."""

    def __init__(self, args, bufsize=-1, executable=None, stdin=None, stdout=None,
                 stderr=None, preexec_fn=None, close_fds=True, shell=False, cwd=None,
                 env=None, universal_newlines=None, startupinfo=None, creationflags=0,
                 restore_signals=True, start_new_session=False, pass_fds=(), *,
                 user=None, group=None, extra_groups=None, encoding=None, errors=None,
                 text=None, umask=-1, pipesize=-1, process_group=None):
        _reap_unreaped()
        if bufsize is None:
            bufsize = -1
        if not isinstance(bufsize, int):
            raise TypeError("bufsize must be an integer")
        if startupinfo is not None:
            raise ValueError("startupinfo is only supported on Windows platforms")
        if creationflags != 0:
            raise ValueError("creationflags is only supported on Windows platforms")
        if text is not None and universal_newlines is not None \
                and bool(universal_newlines) != bool(text):
            raise SubprocessError("Cannot disambiguate when both text and "
                                  "universal_newlines are supplied but "
                                  "different. Pass one or the other.")
        self.args = args
        self.stdin = self.stdout = self.stderr = None
        self.pid = None
        self.returncode = None
        self.encoding = encoding
        self.errors = errors
        self.text_mode = bool(encoding or errors or text or universal_newlines)
        self._pumps = None
        self._input_sent = False
        self._wait_lock = threading.Lock()
        self._devnull = None
        if pass_fds:
            close_fds = True

        ends = self._make_ends(stdin, stdout, stderr)
        try:
            self._start(args, executable, shell, cwd, env, ends, close_fds,
                        pass_fds, start_new_session, restore_signals, preexec_fn)
        except BaseException:
            for fd in ends["parent"]:
                os.close(fd)
            raise
        finally:
            for fd in ends["child_close"]:
                os.close(fd)
        self._wrap_ends(ends, bufsize)

    @property
    def universal_newlines(self):
        """Another name for text_mode."""
        return self.text_mode

    @universal_newlines.setter
    def universal_newlines(self, value):
        self.text_mode = bool(value)

    # -- the standard streams --

    def _devnull_fd(self):
        if self._devnull is None:
            self._devnull = os.open(os.devnull, os.O_RDWR)
        return self._devnull

    def _source(self, spec, for_input, ends):
        # (child's descriptor, parent's end or -1) for one stream.
        if spec is None:
            return -1, -1
        if spec == PIPE:
            r, w = os.pipe()
            ends["child_close"].append(r if for_input else w)
            ends["parent"].append(w if for_input else r)
            return (r, w) if for_input else (w, r)
        if spec == DEVNULL:
            return self._devnull_fd(), -1
        if isinstance(spec, int):
            if spec < 0:
                raise ValueError("bad file descriptor %d" % spec)
            return spec, -1
        return spec.fileno(), -1

    def _make_ends(self, stdin, stdout, stderr):
        ends = {"child_close": [], "parent": []}
        p2cread, p2cwrite = self._source(stdin, True, ends)
        c2pwrite, c2pread = self._source(stdout, False, ends)
        if stderr == STDOUT:
            errwrite = c2pwrite if c2pwrite != -1 else sys.__stdout__.fileno()
            errread = -1
        else:
            errwrite, errread = self._source(stderr, False, ends)
        if self._devnull is not None:
            ends["child_close"].append(self._devnull)
        ends["fds"] = (p2cread, c2pwrite, errwrite)
        ends["mine"] = (p2cwrite, c2pread, errread)
        return ends

    def _wrap_ends(self, ends, bufsize):
        p2cwrite, c2pread, errread = ends["mine"]
        if self.text_mode:
            opts = {"encoding": self.encoding or "utf-8", "errors": self.errors or "strict"}
            if p2cwrite != -1:
                self.stdin = io.open(p2cwrite, "w", 1 if bufsize == 1 else -1, **opts)
            if c2pread != -1:
                self.stdout = io.open(c2pread, "r", -1, **opts)
            if errread != -1:
                self.stderr = io.open(errread, "r", -1, **opts)
        else:
            if p2cwrite != -1:
                self.stdin = io.open(p2cwrite, "wb", bufsize)
            if c2pread != -1:
                self.stdout = io.open(c2pread, "rb", bufsize)
            if errread != -1:
                self.stderr = io.open(errread, "rb", bufsize)

    # -- starting --

    @staticmethod
    def _argv(args, shell, executable):
        if isinstance(args, (str, bytes)):
            argv = [args]
        elif isinstance(args, os.PathLike):
            if shell:
                raise TypeError("path-like args is not allowed when shell is true")
            argv = [args]
        else:
            argv = list(args)
        if shell:
            argv = ["/bin/sh", "-c"] + argv
            if executable:
                argv[0] = executable
        return [os.fspath(a) if isinstance(a, os.PathLike) else a for a in argv]

    @staticmethod
    def _candidates(program, env):
        # Where to look for the program: itself if it names a directory,
        # else each directory of PATH (of the child's environment).
        program = os.fsencode(program)
        if os.path.dirname(program):
            return [program]
        return [os.path.join(os.fsencode(d), program) for d in os.get_exec_path(env)]

    @staticmethod
    def _env_list(env):
        if env is None:
            return None
        entries = []
        for key, value in env.items():
            key = os.fsencode(key)
            if b"=" in key:
                raise ValueError("illegal environment variable name")
            entries.append(key + b"=" + os.fsencode(value))
        return entries

    def _start(self, args, executable, shell, cwd, env, ends, close_fds, pass_fds,
               start_new_session, restore_signals, preexec_fn):
        argv = self._argv(args, shell, executable)
        if not argv:
            raise IndexError("list index out of range")
        program = executable if executable is not None else argv[0]
        if isinstance(program, os.PathLike):
            program = os.fspath(program)
        if cwd is not None:
            cwd = os.fspath(cwd)
        fds = [int(fd) for fd in pass_fds]
        pid, stage, err = _subprocess.spawn(
            argv, self._candidates(program, env), cwd, self._env_list(env), ends["fds"],
            close_fds, fds, start_new_session, restore_signals, preexec_fn)
        if stage is None:
            self.pid = pid
            return
        self.returncode = 255
        if stage == "preexec":
            raise SubprocessError("Exception occurred in preexec_fn.")
        if stage == "exec":
            raise OSError(err, os.strerror(err), program)
        if stage == "chdir":
            raise OSError(err, os.strerror(err), cwd)
        raise OSError(err, os.strerror(err))

    # -- waiting --

    def _try_wait(self, options):
        # One waitpid(); sets and returns returncode, or None if still running.
        if self.returncode is not None:
            return self.returncode
        if not self._wait_lock.acquire(options != os.WNOHANG):
            return None
        try:
            if self.returncode is not None:
                return self.returncode
            try:
                pid, status = os.waitpid(self.pid, options)
            except ChildProcessError:
                # Someone else reaped it (or SIGCHLD is ignored).
                self.returncode = 0
                return 0
            if pid == self.pid:
                self.returncode = os.waitstatus_to_exitcode(status)
            return self.returncode
        finally:
            self._wait_lock.release()

    def poll(self):
        """The exit code if the child has ended, else None."""
        return self._try_wait(os.WNOHANG)

    def wait(self, timeout=None):
        """Wait for the child to end and return its exit code; with a
        timeout, raise TimeoutExpired if it runs longer."""
        if timeout is None:
            return self._try_wait(0)
        deadline = time.monotonic() + timeout
        pause = 0.0005
        while self._try_wait(os.WNOHANG) is None:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutExpired(self.args, timeout)
            pause = min(pause * 2, left, 0.05)
            time.sleep(pause)
        return self.returncode

    # -- talking to the child --

    def communicate(self, input=None, timeout=None):
        """Send `input` to stdin (then close it), read stdout and stderr to
        their end, wait for the child; returns (stdout, stderr). With a
        timeout, TimeoutExpired leaves everything in place for a retry."""
        if self._input_sent and input:
            raise ValueError("Cannot send input after starting communication")
        if self._pumps is None:
            self._start_pumps(input)
        deadline = None if timeout is None else time.monotonic() + timeout
        for pump in self._pumps.values():
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            pump.thread.join(left)
            if pump.thread.is_alive():
                raise TimeoutExpired(self.args, timeout)
        out = self._collect("stdout")
        err = self._collect("stderr")
        left = None if deadline is None else max(0.0, deadline - time.monotonic())
        try:
            self.wait(left)
        except TimeoutExpired:
            raise TimeoutExpired(self.args, timeout) from None
        return out, err

    def _start_pumps(self, input):
        self._input_sent = True
        self._pumps = {}
        if self.stdin is not None:
            if input is None or not input:
                data = b""
            elif self.text_mode:
                data = input.encode(self.encoding or "utf-8", self.errors or "strict")
            else:
                data = bytes(input)
            if self.text_mode:
                self.stdin.flush()
            raw = self.stdin.buffer if self.text_mode else self.stdin
            self._pumps["stdin"] = _Pump(raw, data, self.stdin)
        for name in ("stdout", "stderr"):
            if getattr(self, name) is not None:
                self._pumps[name] = _Pump(getattr(self, name))

    def _collect(self, name):
        pump = self._pumps.get(name)
        if pump is None:
            return None
        data = pump.result()
        getattr(self, name).close()
        if self.text_mode:
            data = data.decode(self.encoding or "utf-8", self.errors or "strict")
            data = data.replace("\r\n", "\n").replace("\r", "\n")
        return data

    # -- signals --

    def send_signal(self, sig):
        """Send `sig` to the child, unless it has already been waited for."""
        if self.poll() is None:
            try:
                os.kill(self.pid, sig)
            except ProcessLookupError:
                pass  # it ended between the poll and the kill

    def terminate(self):
        """Ask the child to end (SIGTERM)."""
        self.send_signal(signal.SIGTERM)

    def kill(self):
        """End the child (SIGKILL)."""
        self.send_signal(signal.SIGKILL)

    # -- context manager and clean-up --

    def __enter__(self):
        return self

    def __exit__(self, exc_type, value, traceback):
        for f in (self.stdout, self.stderr):
            if f is not None:
                f.close()
        try:
            if self.stdin is not None:
                try:
                    self.stdin.close()
                except BrokenPipeError:
                    pass
        finally:
            if exc_type is KeyboardInterrupt:
                # Give the child (which got the Ctrl-C too) a moment.
                try:
                    self.wait(timeout=0.25)
                except TimeoutExpired:
                    pass
            else:
                self.wait()

    def __del__(self):
        if getattr(self, "pid", None) is not None and self.returncode is None:
            _unreaped.append(self)

    def __repr__(self):
        args = self.args
        shown = repr(args)
        if len(shown) > 80:
            shown = shown[:76] + "..."
        return "<%s: returncode: %s args: %s>" % (type(self).__name__, self.returncode, shown)
