import threading
import time


def late():
    time.sleep(0.1)
    print("non-daemon thread finished")


threading.Thread(target=late).start()
print("main body done")
