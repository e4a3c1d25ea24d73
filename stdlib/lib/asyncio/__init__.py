"""asyncio: coroutines scheduled on an event loop.

The hot core (the loop's queues and epoll, Future, Task, Handle) is the
native module _asyncio; this package builds the rest of the API on it:
  errors      the exception classes
  loop        the event loop class, policies, get_event_loop()
  tasks       create_task, sleep, gather, shield, wait_for, wait, ...
  deadlines   timeout(), timeout_at()
  group       TaskGroup
  running     run(), Runner
  sync        Lock, Event, Condition, Semaphore, BoundedSemaphore, Barrier
  queues      Queue, PriorityQueue, LifoQueue
  sockio      socket transports and servers (create_connection, create_server)
  streams     open_connection, start_server and the stream classes
"""

from .errors import *
from .kinds import *
from .loop import *
from .tasks import *
from .deadlines import *
from .group import *
from .running import *
from .sync import *
from .queues import *
from .streams import *
from .sockio import BaseProtocol, Protocol, Server

from . import errors as exceptions
