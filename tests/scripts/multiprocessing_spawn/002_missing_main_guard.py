# A script that starts a process at module level, without the
# `if __name__ == "__main__":` guard: under spawn the child imports the
# script again and fails while bootstrapping, with CPython's RuntimeError.
import multiprocessing as mp
import os
import sys


def work():
    pass


ctx = mp.get_context("spawn")
if mp.parent_process() is None and __name__ == "__main__":
    # Catch the child's stderr in a file to look at it here.
    log_r, log_w = os.pipe()
    saved = os.dup(2)
    os.dup2(log_w, 2)
    os.close(log_w)
p = ctx.Process(target=work)
p.start()
p.join()
if __name__ == "__main__":
    os.dup2(saved, 2)
    text = os.read(log_r, 65536).decode()
    print("exit code:", p.exitcode)
    print("RuntimeError" in text)
    print("An attempt has been made to start a new process before the" in text)
    print("current process has finished its bootstrapping phase." in text)
