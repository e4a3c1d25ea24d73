# Ctrl-C (SIGINT to the process group) while a Pool works: the program
# exits with KeyboardInterrupt's status and leaves no worker behind.
import os
import signal
import subprocess
import sys
import time

PROGRAM = r'''
import multiprocessing as mp, sys, time

def slow(x):
    time.sleep(30)
    return x

if __name__ == "__main__":
    with mp.Pool(2) as pool:
        result = pool.map_async(slow, range(4))
        print("working", flush=True)
        result.get()
'''


def session_members(sid):
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if os.getsid(int(entry)) == sid:
                    found.append(int(entry))
            except OSError:
                pass
    return found


if __name__ == "__main__":
    child = subprocess.Popen([sys.executable, "-c", PROGRAM], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, start_new_session=True)
    print(child.stdout.readline().decode().strip())
    os.killpg(child.pid, signal.SIGINT)
    try:
        out, err = child.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGKILL)
        out, err = child.communicate()
        print("parent hung")
    print("interrupted:", child.returncode in (1, -signal.SIGINT))
    print("KeyboardInterrupt" in err.decode())
    deadline = time.monotonic() + 10
    while session_members(child.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    print("left behind:", session_members(child.pid))
