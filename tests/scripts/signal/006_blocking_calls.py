# PEP 475: a blocking call interrupted by a signal whose handler returns goes
# on; one whose handler raises raises. waitpid and subprocess waits too.
import os
import signal
import subprocess
import sys
import time

ticks = []
signal.signal(signal.SIGALRM, lambda s, f: ticks.append(s))
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    time.sleep(0.3)
    os._exit(6)
signal.setitimer(signal.ITIMER_REAL, 0.05)
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]), ticks)

signal.setitimer(signal.ITIMER_REAL, 0.05)
print(subprocess.run(["/bin/sh", "-c", "sleep 0.3; exit 2"]).returncode, len(ticks))


class Stop(Exception):
    pass


def stop(signum, frame):
    raise Stop("stopped by SIGALRM")


signal.signal(signal.SIGALRM, stop)
p = subprocess.Popen(["/bin/sleep", "30"])
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    p.wait()
except Stop as e:
    print("wait:", e, p.returncode)
p.kill()
print(p.wait())

signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    subprocess.run(["/bin/sleep", "30"])
except Stop as e:
    print("run:", e)

# The child got the signal dispositions back: a handled signal is not
# inherited by the program it runs (exec resets it to the default).
signal.signal(signal.SIGUSR1, lambda s, f: None)
r = subprocess.run(["/bin/sh", "-c", "kill -USR1 $$; echo survived"], capture_output=True)
print(r.returncode, r.stdout)
signal.signal(signal.SIGUSR1, signal.SIG_DFL)
