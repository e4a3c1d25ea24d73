"""How a child process is started, and how the parent watches it.

ForkPopen forks: the child is a copy of the parent at the moment of
start() (threads other than the caller are gone, locks are reset by the
runtime's fork handlers) and runs the Process object it already has.

SpawnPopen starts a fresh gilt running multiprocessing.spawn.spawn_main,
and sends it, through a pipe, two pickles: the preparation data (sys.path,
argv, the main module's path, the start method...) and the Process object.
Descriptors pickled with reduction.DupFd are inherited by the child at the
same numbers.

Both keep two pipes per child:
  * the sentinel: the child holds the write end until it exits, so the
    parent's read end becomes readable (EOF) exactly when the child is
    gone; connection.wait() on sentinels is how pools notice dead workers;
  * the parent sentinel, the other way round, so a child can tell that its
    parent has died.

ForkServerPopen behaves as SpawnPopen: each child is a fresh interpreter
that imports the main module as __mp_main__ (what scripts can observe of
the forkserver method); there is no long-lived server process to fork from.
"""

import io
import os
import sys

# The plain numbers: signal's enums (and enum itself) need not be imported
# to start a pool.
from _signal import SIGKILL, SIGTERM

from . import context
from . import reduction
from . import util

__all__ = ["ForkPopen", "SpawnPopen", "ForkServerPopen"]


def _close_fds(*fds):
    for fd in fds:
        try:
            os.close(fd)
        except OSError:
            pass


class ForkPopen:
    method = "fork"

    def __init__(self, process_obj):
        util._flush_std_streams()
        self.returncode = None
        self.finalizer = None
        self._launch(process_obj)

    def duplicate_for_child(self, fd):
        return fd

    def _launch(self, process_obj):
        parent_r, child_w = os.pipe()
        child_r, parent_w = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:
            code = 1
            try:
                os.close(parent_r)
                os.close(parent_w)
                code = process_obj._bootstrap(parent_sentinel=child_r)
            finally:
                os._exit(code)
        os.close(child_w)
        os.close(child_r)
        self.finalizer = util.Finalize(self, _close_fds, (parent_r, parent_w))
        self.sentinel = parent_r

    def poll(self, flag=os.WNOHANG):
        if self.returncode is None:
            try:
                pid, status = os.waitpid(self.pid, flag)
            except OSError:
                # Reaped elsewhere (a waitpid(-1) in the script): the status
                # is lost, as in CPython.
                return None
            if pid == self.pid:
                self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def wait(self, timeout=None):
        if self.returncode is None:
            if timeout is not None:
                from .connection import wait
                if not wait([self.sentinel], timeout):
                    return None
            return self.poll(os.WNOHANG if timeout == 0.0 else 0)
        return self.returncode

    def _send_signal(self, sig):
        if self.returncode is None:
            try:
                os.kill(self.pid, sig)
            except ProcessLookupError:
                pass
            except OSError:
                if self.wait(timeout=0.1) is None:
                    raise

    def terminate(self):
        self._send_signal(SIGTERM)

    def kill(self):
        self._send_signal(SIGKILL)

    def close(self):
        if self.finalizer is not None:
            self.finalizer()


class SpawnPopen(ForkPopen):
    method = "spawn"

    def __init__(self, process_obj):
        self._fds = []
        super().__init__(process_obj)

    def duplicate_for_child(self, fd):
        self._fds.append(fd)
        return fd

    def _launch(self, process_obj):
        from . import spawn
        prep_data = spawn.get_preparation_data(process_obj._name)
        buf = io.BytesIO()
        context.set_spawning_popen(self)
        try:
            reduction.dump(prep_data, buf)
            reduction.dump(process_obj, buf)
        finally:
            context.set_spawning_popen(None)
        payload = buf.getvalue()

        parent_r, child_w = os.pipe()
        child_r, parent_w = os.pipe()
        try:
            cmd = spawn.get_command_line(pipe_handle=child_r)
            self._fds.extend([child_r, child_w])
            self.pid = spawn.spawnv_passfds(spawn.get_executable(), cmd, self._fds)
            self.sentinel = parent_r
            # Length first, so the child reads exactly the payload and the
            # pipe stays open afterwards as its parent sentinel.
            _write_all(parent_w, len(payload).to_bytes(8, "big") + payload)
        except BaseException:
            _close_fds(parent_r, parent_w)
            raise
        finally:
            _close_fds(child_r, child_w)
        self.finalizer = util.Finalize(self, _close_fds, (parent_r, parent_w))


class ForkServerPopen(SpawnPopen):
    method = "forkserver"


def _write_all(fd, data):
    view = data
    while view:
        written = os.write(fd, view)
        view = view[written:]
