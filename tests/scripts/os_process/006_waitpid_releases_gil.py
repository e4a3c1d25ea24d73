# waitpid releases the GIL: the child only ends when a Python thread of the
# parent, which needs the GIL, tells it to; a waitpid that kept the GIL
# would wait forever. The same for Popen.wait and communicate.
import os
import subprocess
import sys
import threading

r, w = os.pipe()
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os.close(w)
    os._exit(len(os.read(r, 10)))
os.close(r)
ready = threading.Event()


def release_child():
    ready.wait()
    os.write(w, b"abc")


t = threading.Thread(target=release_child)
t.start()
ready.set()
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
t.join()
os.close(w)

p = subprocess.Popen(["/bin/sh", "-c", "read line; exit ${#line}"], stdin=subprocess.PIPE)
t = threading.Thread(target=lambda: (p.stdin.write(b"12345\n"), p.stdin.flush()))
t.start()
print(p.wait())
t.join()
p.stdin.close()

results = []
procs = [subprocess.Popen(["/bin/sh", "-c", "echo %d" % i], stdout=subprocess.PIPE)
         for i in range(4)]
threads = [threading.Thread(target=lambda p=p: results.append(p.communicate()[0]))
           for p in procs]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results), [p.returncode for p in procs])
