# Killed by a signal: a negative exit code; the status macros and errors.
import os
import signal
import sys
import time

sys.stdout.flush()
pid = os.fork()
if pid == 0:
    while True:
        time.sleep(1)
os.kill(pid, signal.SIGTERM)
_, status = os.waitpid(pid, 0)
print(os.WIFSIGNALED(status), os.WTERMSIG(status) == signal.SIGTERM, os.WIFEXITED(status))
print(os.waitstatus_to_exitcode(status))

sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os.kill(os.getpid(), signal.SIGKILL)
_, status = os.waitpid(pid, 0)
print(os.waitstatus_to_exitcode(status))

# A stopped child, seen with WUNTRACED.
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os.kill(os.getpid(), signal.SIGSTOP)
    os._exit(5)
_, status = os.waitpid(pid, os.WUNTRACED)
print(os.WIFSTOPPED(status), os.WSTOPSIG(status) == signal.SIGSTOP)
try:
    os.waitstatus_to_exitcode(status)
except ValueError as e:
    print("ValueError", e)
os.kill(pid, signal.SIGCONT)
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))

for bad in (0x7f | 0x100 * 300, -1):
    try:
        os.waitstatus_to_exitcode(bad)
    except ValueError as e:
        print("ValueError", e)
print(os.waitstatus_to_exitcode(status=0x100))
try:
    os.waitstatus_to_exitcode("x")
except TypeError as e:
    print("TypeError")
