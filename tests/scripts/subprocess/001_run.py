# run(): capture, check, input, text mode, CompletedProcess.
import subprocess

r = subprocess.run(["/bin/echo", "hello", "world"], capture_output=True)
print(r)
print(r.returncode, r.stdout, r.stderr)

r = subprocess.run(["/bin/sh", "-c", "echo out; echo err >&2; exit 3"],
                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
print(r.returncode, r.stdout, r.stderr)
try:
    r.check_returncode()
except subprocess.CalledProcessError as e:
    print("CalledProcessError:", e, e.returncode, e.output, e.stdout, e.stderr)

r = subprocess.run(["/bin/cat"], input=b"piped in\n", capture_output=True)
print(r.stdout)
r = subprocess.run(["/bin/cat"], input="text é\r\nline\n", capture_output=True, text=True)
print(repr(r.stdout), type(r.stdout).__name__)
r = subprocess.run("echo $((6 * 7))", shell=True, stdout=subprocess.PIPE,
                   universal_newlines=True)
print(repr(r.stdout), r.args)
print(subprocess.run(["/bin/true"]))
print(subprocess.run(["/bin/false"]).returncode)

try:
    subprocess.run(["/bin/false"], check=True)
except subprocess.CalledProcessError as e:
    print(type(e).__name__, str(e), e.cmd)
r = subprocess.run(["/bin/sh", "-c", "echo both; echo err >&2"], stdout=subprocess.PIPE,
                   stderr=subprocess.STDOUT)
print(r.stdout, r.stderr)
r = subprocess.run(["/bin/cat"], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE)
print(r.stdout)
r = subprocess.run(["/bin/echo", "gone"], stdout=subprocess.DEVNULL)
print(r.stdout, r.returncode)

for kwargs in ({"input": b"x", "stdin": subprocess.PIPE},
               {"capture_output": True, "stdout": subprocess.PIPE}):
    try:
        subprocess.run(["/bin/true"], **kwargs)
    except ValueError as e:
        print("ValueError:", e)
print(subprocess.PIPE, subprocess.STDOUT, subprocess.DEVNULL)
print(issubclass(subprocess.CalledProcessError, subprocess.SubprocessError),
      issubclass(subprocess.TimeoutExpired, subprocess.SubprocessError))
with subprocess.Popen(["/bin/true"], universal_newlines=True) as p:
    print(p.universal_newlines, p.text_mode)
