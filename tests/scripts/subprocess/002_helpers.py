# call, check_call, check_output, getoutput, getstatusoutput.
import subprocess
import sys

print(subprocess.call(["/bin/sh", "-c", "exit 5"]))
print(subprocess.check_call(["/bin/true"]))
try:
    subprocess.check_call(["/bin/sh", "-c", "exit 2"])
except subprocess.CalledProcessError as e:
    print(e)
print(subprocess.check_output(["/bin/echo", "out"]))
print(subprocess.check_output("printf 'a\\nb\\n'", shell=True, text=True).splitlines())
print(subprocess.check_output(["/bin/cat"], input=b"fed"))
print(subprocess.check_output(["/bin/cat"], input=None))
try:
    subprocess.check_output(["/bin/sh", "-c", "echo partial; exit 1"])
except subprocess.CalledProcessError as e:
    print(e.returncode, e.output)
try:
    subprocess.check_output(["/bin/true"], stdout=subprocess.PIPE)
except ValueError as e:
    print("ValueError:", e)
print(subprocess.getoutput("echo hello; echo again"))
print(subprocess.getstatusoutput("echo fail; exit 3"))
print(subprocess.getstatusoutput("/bin/sh -c 'echo to stderr >&2'"))
print(subprocess.getoutput("exit 0") == "")

# sys.executable names this interpreter: it runs Python code.
out = subprocess.check_output([sys.executable, "-c", "print(6 * 7)"])
print(out)
r = subprocess.run([sys.executable, "-c", "import sys; sys.exit(sys.stdin.read().upper())"],
                   input=b"bye", capture_output=True)
print(r.returncode, r.stdout, r.stderr)
