"""asyncio: coroutines scheduled on an event loop.

The hot core (the loop's queues and epoll, Future, Task, Handle) is the
native module _asyncio; this package builds the rest of the API on it:
  errors      the exception classes
  loop        the event loop class, policies, get_event_loop()
  tasks       create_task, sleep, gather, shield, wait_for, wait, ...
  timeouts    timeout(), timeout_at()
  taskgroups  TaskGroup
  runners     run(), Runner
  locks       Lock, Event, Condition, Semaphore, BoundedSemaphore, Barrier
  queues      Queue, PriorityQueue, LifoQueue
  streams     open_connection, start_server and the stream classes
"""

from .errors import *
from .coroutines import *
from .loop import *
from .tasks import *
from .timeouts import *
from .taskgroups import *
from .runners import *

from . import errors as exceptions
