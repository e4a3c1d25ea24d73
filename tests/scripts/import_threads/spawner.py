# Starts threads while its own body runs: one imports this module (it must
# wait for the body to finish), one imports another module (it must not
# wait) and is joined before the body ends.
import threading

results = []


def import_self():
    import spawner
    results.append(("self", hasattr(spawner, "complete")))


def import_other():
    import spawn_other
    results.append(("other", spawn_other.value))


waiter = threading.Thread(target=import_self)
waiter.start()
other = threading.Thread(target=import_other)
other.start()
other.join()
complete = True
