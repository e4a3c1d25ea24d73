# Timeouts, signals and exit codes of killed children.
import signal
import subprocess
import time

p = subprocess.Popen(["/bin/sleep", "30"])
try:
    p.wait(timeout=0.1)
except subprocess.TimeoutExpired as e:
    print(type(e).__name__, e, e.timeout, e.cmd)
print(p.poll())
p.terminate()
print(p.wait(), p.returncode == -signal.SIGTERM)

p = subprocess.Popen(["/bin/sleep", "30"])
p.kill()
print(p.wait())
p.kill()  # already waited for: nothing happens
p.send_signal(signal.SIGTERM)

p = subprocess.Popen(["/bin/sh", "-c", "echo early; exec sleep 30"], stdout=subprocess.PIPE)
try:
    p.communicate(timeout=0.2)
except subprocess.TimeoutExpired as e:
    print("communicate timed out:", e)
p.kill()
out, err = p.communicate()
print(out, err, p.returncode)

try:
    subprocess.run(["/bin/sleep", "30"], timeout=0.1)
except subprocess.TimeoutExpired as e:
    print("run timed out:", e.cmd, e.stdout)
try:
    subprocess.check_output(["/bin/sh", "-c", "kill -9 $$"])
except subprocess.CalledProcessError as e:
    print(e)
try:
    subprocess.check_call(["/bin/sh", "-c", "kill -TERM $$"])
except subprocess.CalledProcessError as e:
    print(e)
try:
    subprocess.call(["/bin/sleep", "30"], timeout=0.1)
except subprocess.TimeoutExpired as e:
    print("call:", e)

# start_new_session puts the child in its own session.
out = subprocess.check_output(["/bin/sh", "-c", "ps -o sid= -p $$ | tr -d ' '; echo $$"],
                              start_new_session=True).split()
print(out[0] == out[1])
