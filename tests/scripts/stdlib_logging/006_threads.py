# Several threads log through one handler (whole lines, never interleaved);
# threadName in the records; QueueHandler and QueueListener; MemoryHandler.
import io
import logging
import logging.handlers
import queue
import threading

log = logging.getLogger("threads")
log.propagate = False
log.setLevel(logging.DEBUG)
out = io.StringIO()
handler = logging.StreamHandler(out)
handler.setFormatter(logging.Formatter("%(threadName)s %(message)s"))
log.addHandler(handler)


def work(n):
    for i in range(50):
        log.info("item %d of worker %d", i, n)


threads = [threading.Thread(target=work, args=(n,), name="worker-%d" % n) for n in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
lines = out.getvalue().splitlines()
print(len(lines), all(line.startswith("worker-") for line in lines))
ok = all(line.split()[0] == "worker-" + line.split()[-1] for line in lines)
print("thread names match:", ok)
print(sorted(set(line.split()[0] for line in lines)))
log.removeHandler(handler)

q = queue.Queue()
qh = logging.handlers.QueueHandler(q)
log.addHandler(qh)
target_out = io.StringIO()
target = logging.StreamHandler(target_out)
target.setFormatter(logging.Formatter("%(levelname)s:%(message)s"))
target.setLevel(logging.WARNING)
listener = logging.handlers.QueueListener(q, target, respect_handler_level=True)
listener.start()
log.info("info %s", "goes through the queue")
log.warning("warn %d", 1)
try:
    raise KeyError("k")
except KeyError:
    log.exception("with traceback")
listener.stop()
log.removeHandler(qh)
text = target_out.getvalue()
print(text.splitlines()[0], text.splitlines()[1], "KeyError: 'k'" in text)

q2 = queue.Queue()
qh2 = logging.handlers.QueueHandler(q2)
record = logging.makeLogRecord({"msg": "hello %s", "args": ("you",), "levelno": 20,
                                "levelname": "INFO", "name": "n"})
qh2.handle(record)
queued = q2.get_nowait()
print(queued.msg, queued.args, queued.exc_info, queued is record)

mem_out = io.StringIO()
mem_target = logging.StreamHandler(mem_out)
memory = logging.handlers.MemoryHandler(3, flushLevel=logging.ERROR, target=mem_target)
log.addHandler(memory)
log.info("a")
log.info("b")
print(repr(mem_out.getvalue()), len(memory.buffer))
log.error("c flushes")
print(repr(mem_out.getvalue()), len(memory.buffer))
log.info("d")
memory.close()
log.removeHandler(memory)
print(repr(mem_out.getvalue()))
