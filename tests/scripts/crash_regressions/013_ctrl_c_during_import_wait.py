# Ctrl-C while the main thread waits for another thread's import of the
# same module: the wait for the module's import lock is interruptible, so
# KeyboardInterrupt is raised at the import statement (before, the main
# thread slept until the other import finished, and the interrupt came
# later, outside the try). A helper thread sends SIGINT until the main
# thread reports it caught; the handler raises only while armed, so a late
# signal does nothing.
import os
import signal
import sys
import threading

IMPORT_STATE = {"started": threading.Event(), "release": threading.Event()}
armed = True
caught = threading.Event()


def on_sigint(signum, frame):
    if armed:
        raise KeyboardInterrupt


signal.signal(signal.SIGINT, on_sigint)


def importer():
    import mod_slow_import_013
    box.append(mod_slow_import_013.VALUE)


def interrupter():
    # Sends SIGINT until the main thread has caught one (or gives up after
    # about 20 s; then the import finishes and the test fails).
    for _ in range(400):
        if caught.wait(0.05):
            return
        os.kill(os.getpid(), signal.SIGINT)
    IMPORT_STATE["release"].set()


box = []
t = threading.Thread(target=importer)
t.start()
IMPORT_STATE["started"].wait()
k = threading.Thread(target=interrupter)
k.start()
try:
    import mod_slow_import_013
    print("import finished first:", mod_slow_import_013.VALUE)
except KeyboardInterrupt:
    print("KeyboardInterrupt while waiting for the import")
    print("module finished meanwhile:", bool(box))
armed = False
caught.set()
k.join()
IMPORT_STATE["release"].set()
t.join()
print("worker:", box)
import mod_slow_import_013

print("after:", mod_slow_import_013.VALUE, "mod_slow_import_013" in sys.modules)
