# A program that cannot run raises in the parent, with CPython's message.
import subprocess

for args, kwargs in ((["/nonexistent/program"], {}),
                     (["no-such-program-anywhere"], {}),
                     (["/etc/passwd"], {}),
                     (["/bin/true"], {"cwd": "/nonexistent/dir"}),
                     (["/tmp"], {}),
                     (["whatever"], {"executable": "/nonexistent/exe"})):
    try:
        subprocess.Popen(args, **kwargs)
    except OSError as e:
        print(type(e).__name__, e.errno, e)
try:
    subprocess.run([])
except IndexError as e:
    print("IndexError", e)
try:
    subprocess.run(["/bin/true"], text=True, universal_newlines=False)
except subprocess.SubprocessError as e:
    print("SubprocessError", e)
try:
    subprocess.run(["/bin/true"], env={"A=B": "c"})
except ValueError as e:
    print("ValueError", e)


def bad_preexec():
    raise RuntimeError("no")


try:
    subprocess.run(["/bin/true"], preexec_fn=bad_preexec)
except subprocess.SubprocessError as e:
    print(type(e).__name__, e)
r = subprocess.run(["/bin/sh", "-c", "echo $PREEXEC"], capture_output=True,
                   preexec_fn=lambda: __import__("os").putenv("PREEXEC", "ran"))
print(r.stdout)
