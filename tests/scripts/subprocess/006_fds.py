# close_fds and pass_fds: what descriptors the child sees.
import os
import subprocess
import sys

r, w = os.pipe()
os.set_inheritable(w, True)
probe = "import os, sys\nfor fd in map(int, sys.argv[1:]):\n    try:\n        os.fstat(fd)\n        print(fd, 'open')\n    except OSError:\n        print(fd, 'closed')\n"
args = [sys.executable, "-c", probe, str(w)]
print(subprocess.run(args, capture_output=True, text=True).stdout.split()[1])
print(subprocess.run(args, capture_output=True, text=True, close_fds=False).stdout.split()[1])
os.set_inheritable(w, False)
print(subprocess.run(args, capture_output=True, text=True, pass_fds=[w]).stdout.split()[1])
print(os.get_inheritable(w))

# The child writes to a passed descriptor.
subprocess.run(["/bin/sh", "-c", "echo via fd >&%d" % w], pass_fds=(w,))
os.close(w)
print(os.read(r, 100))
os.close(r)
