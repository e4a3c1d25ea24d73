# fork, waitpid and the exit status helpers.
import os
import sys

sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os._exit(7)
wpid, status = os.waitpid(pid, 0)
print(wpid == pid, os.WIFEXITED(status), os.WEXITSTATUS(status), os.WIFSIGNALED(status))
print(os.waitstatus_to_exitcode(status))

# The child runs Python code and shares nothing with the parent after fork.
value = [1]
r, w = os.pipe()
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    value.append(2)
    os.write(w, repr(value).encode())
    os._exit(0)
os.close(w)
print(os.read(r, 100).decode(), value)
os.close(r)
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))

# WNOHANG: (0, 0) while the child runs.
r, w = os.pipe()
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os.read(r, 1)
    os._exit(3)
print(os.waitpid(pid, os.WNOHANG))
os.write(w, b"go")
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
os.close(r)
os.close(w)

# os.wait() reaps any child; then there is none left.
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os._exit(0)
print(os.wait() == (pid, 0))
try:
    os.waitpid(-1, os.WNOHANG)
except ChildProcessError as e:
    print(type(e).__name__, e.errno, e.strerror)
