import threading

caught = []


def hook(args):
    caught.append((args.exc_type.__name__, str(args.exc_value), args.thread.name,
                   args.exc_traceback is not None))


threading.excepthook = hook


def bad():
    raise ValueError("boom")


t = threading.Thread(target=bad, name="bad-thread")
t.start()
t.join()
print(caught)
print("main still running")


def quits():
    raise SystemExit(3)


threading.excepthook = threading.__excepthook__
t = threading.Thread(target=quits)
t.start()
t.join()
print("SystemExit in a thread is silent")
