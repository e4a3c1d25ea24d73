# fork() while another thread is in the middle of an import: only the
# forking thread lives on in the child, and the import lock that the
# vanished thread held must not stop the child from importing other
# modules, from the main thread and from a new thread, by the statement
# and by importlib. Both directions: the main thread forks while a worker
# imports, and a worker forks while the main thread imports. Events order
# everything; the parent waits for the child before it lets the import end.
import os
import sys
import threading

IMPORT_STATE = {}


def child_imports(tag):
    import mod_fork_fresh_014
    print(tag, "child:", mod_fork_fresh_014.VALUE)
    import fractions
    print(tag, "child: stdlib", fractions.Fraction(1, 3) + fractions.Fraction(1, 6))
    import importlib
    json = importlib.import_module("json")
    print(tag, "child: importlib", json.dumps({"a": 1}))
    box = []

    def in_thread():
        import mod_fork_thread_014
        box.append(mod_fork_thread_014.VALUE)

    t = threading.Thread(target=in_thread)
    t.start()
    t.join()
    print(tag, "child:", box)
    print(tag, "child: half-imported module present:", "mod_fork_slow_014" in sys.modules)
    sys.stdout.flush()


def fork_and_wait(tag):
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        try:
            child_imports(tag)
        except BaseException as e:
            print(tag, "child failed:", type(e).__name__, e)
            sys.stdout.flush()
            os._exit(1)
        os._exit(0)
    _, status = os.waitpid(pid, 0)
    print(tag, "child exit status:", os.waitstatus_to_exitcode(status))


def forget_slow_module():
    for name in ["mod_fork_slow_014", "mod_fork_fresh_014", "mod_fork_thread_014"]:
        sys.modules.pop(name, None)


# 1. A worker imports; the main thread forks.
IMPORT_STATE.update(started=threading.Event(), release=threading.Event())
result = []


def importer():
    import mod_fork_slow_014
    result.append(mod_fork_slow_014.VALUE)


worker = threading.Thread(target=importer)
worker.start()
IMPORT_STATE["started"].wait()
fork_and_wait("main forks:")
IMPORT_STATE["release"].set()
worker.join()
print("main forks: parent's import:", result)

# 2. The main thread imports; a worker forks from inside that window.
forget_slow_module()
IMPORT_STATE.update(started=threading.Event(), release=threading.Event())


def forker():
    IMPORT_STATE["started"].wait()
    fork_and_wait("worker forks:")
    IMPORT_STATE["release"].set()


worker = threading.Thread(target=forker)
worker.start()
import mod_fork_slow_014

worker.join()
print("worker forks: parent's import:", mod_fork_slow_014.VALUE)
