# Threads started by a module body while it is being imported.
import spawner

spawner.waiter.join()
print(sorted(spawner.results))
