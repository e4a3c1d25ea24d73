import threading

fired = []
t = threading.Timer(0.01, fired.append, args=["fired"])
t.start()
t.join()
print(fired)
t2 = threading.Timer(10, fired.append, args=["never"])
t2.start()
t2.cancel()
t2.join()
print(fired)

print(threading.active_count())
stop = threading.Event()
started = threading.Event()


def idle():
    started.set()
    stop.wait()


w = threading.Thread(target=idle, name="idler")
w.start()
started.wait()
print(threading.active_count(), sorted(th.name for th in threading.enumerate()))
print(threading.current_thread().name)
stop.set()
w.join()
print(threading.active_count(), w.is_alive())
w2 = threading.Thread(target=lambda: None, daemon=True)
print(w2.daemon)
threading.settrace(None)
threading.setprofile(None)
print("ok")
