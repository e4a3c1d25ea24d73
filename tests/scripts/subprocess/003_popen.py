# Popen: pipes, communicate, wait, poll, pid, args, context manager.
import os
import subprocess

p = subprocess.Popen(["/bin/cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
print(p.returncode, p.poll(), isinstance(p.pid, int) and p.pid > 0, p.args)
out, err = p.communicate(b"through cat")
print(out, err, p.returncode)
print(p.wait(), p.poll())

with subprocess.Popen(["/bin/sh", "-c", "read x; echo got $x; exit 4"],
                      stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) as p:
    p.stdin.write("line\n")
    p.stdin.flush()
    print(repr(p.stdout.readline()))
print(p.returncode, p.stdin.closed, p.stdout.closed)

# Large output on both pipes does not deadlock.
script = "head -c 200000 /dev/zero; head -c 150000 /dev/zero >&2"
p = subprocess.Popen(["/bin/sh", "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
out, err = p.communicate()
print(len(out), len(err), p.returncode)
data = b"x" * 300000
p = subprocess.Popen(["/bin/cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
out, _ = p.communicate(data)
print(len(out) == len(data), out == data)

# A file object and a descriptor as the child's stdout.
r, w = os.pipe()
with os.fdopen(w, "wb") as f:
    subprocess.run(["/bin/echo", "to the file"], stdout=f)
print(os.read(r, 100))
os.close(r)
r, w = os.pipe()
subprocess.run(["/bin/echo", "to the fd"], stdout=w)
os.close(w)
print(os.read(r, 100))
os.close(r)

# cwd, env, executable.
print(subprocess.run(["/bin/sh", "-c", "pwd"], cwd="/", capture_output=True).stdout)
print(subprocess.run(["/bin/sh", "-c", "echo $GREETING"], env={"GREETING": "hi"},
                     capture_output=True).stdout)
print(subprocess.run(["anything", "-c", "echo $0"], executable="/bin/sh",
                     capture_output=True).stdout)
print(subprocess.run("echo $0", shell=True, executable="/bin/sh",
                     capture_output=True).stdout)
print(subprocess.run(["echo", "found on PATH"], capture_output=True).stdout)
os.environ["GILT_TEST_VALUE"] = "inherited"
print(subprocess.run("echo $GILT_TEST_VALUE", shell=True, capture_output=True).stdout)
