"""ProcessPoolExecutor, not available yet.

The real executor runs calls in worker processes, which needs the
multiprocessing package (processes, pipes and pickling of calls and
results); gilt does not have it yet.  The names exist so that code that
imports them loads, and creating an executor says clearly what is missing.
"""

from . import _base


class BrokenProcessPool(_base.BrokenExecutor):
    """A worker process died while a future was running."""


class ProcessPoolExecutor(_base.Executor):
    # TODO(multiprocessing): a real pool once gilt can start worker
    # processes and pickle calls to them.

    def __init__(
        self, max_workers=None, mp_context=None, initializer=None, initargs=(), *, max_tasks_per_child=None
    ):
        raise NotImplementedError(
            "ProcessPoolExecutor is not supported yet: gilt has no "
            "multiprocessing module to start worker processes "
            "(use ThreadPoolExecutor)"
        )
