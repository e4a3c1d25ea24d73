# Process groups, sessions, affinity, inheritance, pipe2, exec.
import os
import sys

print(os.getpgrp() == os.getpgid(0), os.getsid(0) > 0)
print(os.cpu_count() >= 1, len(os.sched_getaffinity(0)) >= 1)
print(all(isinstance(c, int) for c in os.sched_getaffinity(0)))

r, w = os.pipe()
print(os.get_inheritable(r), os.get_inheritable(w))
os.set_inheritable(r, True)
print(os.get_inheritable(r))
os.set_inheritable(r, False)
print(os.get_inheritable(r))
os.close(r)
os.close(w)
r, w = os.pipe2(0)
print(os.get_inheritable(r))
os.close(r)
os.close(w)
r, w = os.pipe2(os.O_CLOEXEC | os.O_NONBLOCK)
print(os.get_inheritable(r), os.get_blocking(r))
try:
    os.read(r, 1)
except BlockingIOError as e:
    print("BlockingIOError", e.errno)
os.close(r)
os.close(w)

# setsid in a child makes it a session and group leader; killpg reaches it.
import signal
r, w = os.pipe()
hold_r, hold_w = os.pipe()
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os.setsid()
    os.write(w, b"%d %d" % (os.getsid(0) == os.getpid(), os.getpgrp() == os.getpid()))
    os.read(hold_r, 1)
    os._exit(0)
print(os.read(r, 100).decode())
os.killpg(pid, signal.SIGTERM)
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
for fd in (r, w, hold_r, hold_w):
    os.close(fd)

# execv replaces the child's program.
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os.execv("/bin/sh", ["sh", "-c", "exit 9"])
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os.execve("/bin/sh", ["sh", "-c", 'exit "$CODE"'], {"CODE": "12"})
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
for args in (("/bin/sh", []), ("/bin/sh", [""]), ("/bin/sh", "sh")):
    try:
        os.execv(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    os.execv("/nonexistent/program", ["x"])
except OSError as e:
    print(type(e).__name__, e.errno)

# The exec variants that search PATH or take the arguments inline.
for variant in ("execvp", "execvpe", "execl", "execlp", "execle", "execlpe"):
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        try:
            if variant == "execvp":
                os.execvp("sh", ["sh", "-c", "exit 21"])
            elif variant == "execvpe":
                os.execvpe("sh", ["sh", "-c", 'exit "$N"'], {"N": "22", "PATH": "/bin:/usr/bin"})
            elif variant == "execl":
                os.execl("/bin/sh", "sh", "-c", "exit 23")
            elif variant == "execlp":
                os.execlp("sh", "sh", "-c", "exit 24")
            elif variant == "execle":
                os.execle("/bin/sh", "sh", "-c", 'exit "$N"', {"N": "25"})
            else:
                os.execlpe("sh", "sh", "-c", 'exit "$N"', {"N": "26", "PATH": "/bin"})
        finally:
            os._exit(99)
    print(variant, os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
try:
    os.execvp("no-such-program-anywhere", ["x"])
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno)
