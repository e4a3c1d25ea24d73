# A Process whose target raises exits with status 1 and prints
# "Process <name>:" and the traceback on its stderr.
import multiprocessing as mp
import os


class ScriptError(Exception):
    pass


def broken(n):
    raise ScriptError(f"broken {n}")


if __name__ == "__main__":
    for method in ("fork", "spawn"):
        ctx = mp.get_context(method)
        log_r, log_w = os.pipe()
        saved = os.dup(2)
        os.dup2(log_w, 2)
        os.close(log_w)
        try:
            p = ctx.Process(target=broken, args=(3,), name="Breaker")
            p.start()
            p.join()
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        lines = os.read(log_r, 65536).decode().splitlines()
        os.close(log_r)
        print(method, p.exitcode)
        print(lines[0])
        print(lines[1])
        print(lines[-1])
        print(any("in broken" in line for line in lines))
