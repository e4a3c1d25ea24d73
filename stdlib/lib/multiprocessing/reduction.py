"""Pickling as multiprocessing does it.

ForkingPickler is a Pickler whose dispatch table adds the reducers
registered with register() to copyreg's.  DupFd wraps a file descriptor
that must reach a child: while a spawned child's data is being pickled, the
descriptor is added to the set the child inherits, at the same number.
"""

import copyreg
import io
import pickle

__all__ = ["send_handle", "recv_handle", "ForkingPickler", "register", "dump", "DupFd"]

HAVE_SEND_HANDLE = False


class ForkingPickler(pickle.Pickler):
    """A Pickler that also knows the reducers given to register()."""

    # type -> reduce function, shared by every ForkingPickler.
    _extra_reducers = {}
    _copyreg_dispatch_table = copyreg.dispatch_table

    loads = staticmethod(pickle.loads)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.dispatch_table = {**self._copyreg_dispatch_table, **self._extra_reducers}

    @classmethod
    def dumps(cls, obj, protocol=None):
        # Without extra reducers the plain pickler does the same, faster.
        if not cls._extra_reducers:
            return pickle.dumps(obj, protocol)
        out = io.BytesIO()
        cls(out, protocol).dump(obj)
        # getbuffer() avoids a copy where the io module offers it.
        return out.getbuffer() if hasattr(out, "getbuffer") else out.getvalue()

    @classmethod
    def register(cls, type, reduce):
        """Pickle objects of `type` as reduce(obj) returns."""
        cls._extra_reducers[type] = reduce


register = ForkingPickler.register  # the module-level spelling


def dump(obj, file, protocol=None):
    """Pickle obj to file with ForkingPickler."""
    ForkingPickler(file, protocol).dump(obj)


def DupFd(fd):
    """Something that unpickles, in the child being spawned, as a descriptor
    for the same open file."""
    from .context import get_spawning_popen
    popen = get_spawning_popen()
    if popen is None:
        raise ValueError("file descriptors can only be passed to a child "
                         "while it is being spawned")
    return _InheritedFd(popen.duplicate_for_child(fd))


class _InheritedFd:
    def __init__(self, fd):
        self.fd = fd

    def detach(self):
        return self.fd


def send_handle(conn, handle, destination_pid):
    raise NotImplementedError("passing descriptors over a connection is not supported")


def recv_handle(conn):
    raise NotImplementedError("passing descriptors over a connection is not supported")
