# golden-python: 3.14
# concurrent.interpreters (PEP 734) is new in CPython 3.14, so python3 3.11
# cannot produce this expectation: the .out follows CPython 3.14's documented
# behaviour and was checked by hand, line by line.
# Interpreters still open at exit are finalized after the main interpreter's
# atexit handlers (CPython's Py_FinalizeEx: atexit, then the remaining
# sub-interpreters): their threads are joined and their atexit handlers run.
# Every print flushes, so the order does not depend on stream buffering.
import atexit

from concurrent import interpreters

atexit.register(print, "main atexit", flush=True)
left_open = interpreters.create()
left_open.exec("""
import atexit, threading
done = threading.Event()
def last_words():
    print('sub-interpreter atexit, worker finished:', done.is_set(), flush=True)
atexit.register(last_words)
threading.Thread(target=done.set).start()
""")
closed = interpreters.create()
closed.exec("import atexit; atexit.register(print, 'closed explicitly', flush=True)")
closed.close()
print("main done", flush=True)
