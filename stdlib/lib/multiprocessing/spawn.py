"""Starting a child as a fresh interpreter, and what that child does first.

The parent (popen.SpawnPopen) runs

    gilt -c 'from multiprocessing.spawn import spawn_main; spawn_main(pipe_handle=N)'
         --multiprocessing-fork

and writes to descriptor N the preparation data and the Process object.
The child re-creates the parent's sys.path, argv, working directory and
start method, then runs the parent's main script as the module
__mp_main__ (also registered as __main__), so that functions and classes
pickled as __main__.name resolve.  A script without an
`if __name__ == "__main__":` guard starts processes again while being
imported here, which is the RuntimeError of _check_not_importing_main(),
the same failure CPython reports.
"""

import os
import sys
import types

from . import process
from . import util

__all__ = ["_main", "freeze_support", "set_executable", "get_executable",
           "get_preparation_data", "get_command_line", "import_main_path"]

WINEXE = False
WINSERVICE = False

_executable = sys.executable


def set_executable(exe):
    global _executable
    _executable = os.fsdecode(exe) if isinstance(exe, bytes) else exe


def get_executable():
    return _executable


def is_forking(argv):
    return len(argv) >= 2 and argv[1] == "--multiprocessing-fork"


def freeze_support():
    """Nothing to do: gilt programs are not frozen executables."""


def get_command_line(**kwds):
    args = ", ".join("%s=%r" % item for item in kwds.items())
    code = "from multiprocessing.spawn import spawn_main; spawn_main(%s)" % args
    return [_executable, "-c", code, "--multiprocessing-fork"]


def spawnv_passfds(path, args, passfds):
    """Start `args` as a new process that inherits passfds; returns its pid."""
    import _subprocess
    passfds = sorted(set(passfds))
    pid, stage, err = _subprocess.spawn(
        args, [os.fsencode(path)], None, None, [-1, -1, -1], True, passfds,
        False, False, None)
    if stage is not None:
        raise OSError(err, os.strerror(err), path)
    return pid


def spawn_main(pipe_handle, parent_pid=None, tracker_fd=None):
    """Entry point of a spawned child."""
    assert is_forking(sys.argv), "Not forking"
    parent_sentinel = os.dup(pipe_handle)
    exitcode = _main(pipe_handle, parent_sentinel)
    sys.exit(exitcode)


def _read_exactly(fd, n):
    chunks = []
    while n:
        chunk = os.read(fd, n)
        if not chunk:
            raise EOFError("the parent closed the pipe before sending the process")
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)


def _main(fd, parent_sentinel):
    from . import reduction
    try:
        size = int.from_bytes(_read_exactly(fd, 8), "big")
        data = _read_exactly(fd, size)
    finally:
        os.close(fd)
    import io
    stream = io.BytesIO(data)
    current = process.current_process()
    current._inheriting = True
    try:
        preparation_data = reduction.pickle.load(stream)
        prepare(preparation_data)
        self = reduction.pickle.load(stream)
    finally:
        del current._inheriting
    return self._bootstrap(parent_sentinel)


# CPython's wording, line for line (the text of the error is the interface).
_NOT_BOOTSTRAPPED = "\n".join([
    '',
    '        An attempt has been made to start a new process before the',
    '        current process has finished its bootstrapping phase.',
    '',
    '        This probably means that you are not using fork to start your',
    '        child processes and you have forgotten to use the proper idiom',
    '        in the main module:',
    '',
    "            if __name__ == '__main__':",
    '                freeze_support()',
    '                ...',
    '',
    '        The "freeze_support()" line can be omitted if the program',
    '        is not going to be frozen to produce an executable.',
    '',
    '        To fix this issue, refer to the "Safe importing of main module"',
    '        section in https://docs.python.org/3/library/multiprocessing.html',
    '        ',
])


def _check_not_importing_main():
    if getattr(process.current_process(), "_inheriting", False):
        raise RuntimeError(_NOT_BOOTSTRAPPED)


def get_preparation_data(name):
    """What a spawned child needs to look like its parent."""
    _check_not_importing_main()
    from . import context
    data = {
        "log_to_stderr": util._logger is not None and bool(util._logger.handlers),
        "authkey": bytes(process.current_process().authkey),
        "name": name,
        "sys_path": list(sys.path),
        "sys_argv": list(sys.argv),
        "orig_dir": process.ORIGINAL_DIR,
        "dir": os.getcwd(),
        "start_method": context._default_context.get_start_method(),
    }
    main = sys.modules.get("__main__")
    main_path = getattr(main, "__file__", None)
    spec = getattr(main, "__spec__", None)
    if spec is not None and getattr(spec, "name", None) and spec.name != "__main__":
        data["init_main_from_name"] = spec.name
    elif main_path is not None and not main_path.startswith("<"):
        if not os.path.isabs(main_path) and process.ORIGINAL_DIR is not None:
            main_path = os.path.join(process.ORIGINAL_DIR, main_path)
        data["init_main_from_path"] = os.path.normpath(main_path)
    return data


def prepare(data):
    """Make this (spawned) process look like the parent described by data."""
    from . import context
    if "name" in data:
        process.current_process().name = data["name"]
    if "authkey" in data:
        process.current_process().authkey = data["authkey"]
    if data.get("log_to_stderr"):
        util.log_to_stderr()
    if "sys_path" in data:
        sys.path[:] = data["sys_path"]
    if "sys_argv" in data:
        sys.argv[:] = data["sys_argv"]
    if "dir" in data:
        os.chdir(data["dir"])
    if "orig_dir" in data:
        process.ORIGINAL_DIR = data["orig_dir"]
    if "start_method" in data:
        context._force_start_method(data["start_method"])
    if "init_main_from_name" in data:
        _fixup_main_from_name(data["init_main_from_name"])
    elif "init_main_from_path" in data:
        import_main_path(data["init_main_from_path"])


def _install_main(module):
    sys.modules["__main__"] = sys.modules["__mp_main__"] = module


def _fixup_main_from_name(mod_name):
    if mod_name == "__main__" or mod_name.endswith(".__main__"):
        return
    import importlib
    module = types.ModuleType("__mp_main__")
    sys.modules["__mp_main__"] = module
    source = importlib.import_module(mod_name)
    module.__dict__.update(source.__dict__)
    module.__name__ = "__mp_main__"
    _install_main(module)


def import_main_path(main_path):
    """Run the parent's main script here as the module __mp_main__."""
    name = os.path.splitext(os.path.basename(main_path))[0]
    if name == "ipython":
        return
    module = types.ModuleType("__mp_main__")
    module.__file__ = main_path
    module.__builtins__ = __builtins__
    _install_main(module)
    with open(main_path, "rb") as f:
        source = f.read()
    code = compile(source, main_path, "exec")
    exec(code, module.__dict__)
