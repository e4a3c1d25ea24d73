# A child forked while another thread holds a handler's lock can still log:
# logging makes its locks anew in the child (os.register_at_fork).
import logging
import os
import sys
import threading

log = logging.getLogger("forked")
log.propagate = False
handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
log.addHandler(handler)

held = threading.Event()
done = threading.Event()


def hold_lock():
    with handler.lock:
        held.set()
        done.wait()


t = threading.Thread(target=hold_lock)
t.start()
held.wait()
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    log.warning("child logs with the lock made anew")
    sys.stdout.flush()
    os._exit(0)
_, status = os.waitpid(pid, 0)
print("child exit status", os.waitstatus_to_exitcode(status))
done.set()
t.join()
log.warning("parent logs after the thread let go")
