# Details CPython pins and the rewritten multiprocessing modules must keep:
# reprs, error messages and which classes are generic.
import multiprocessing as mp
from multiprocessing import util
from multiprocessing.managers import Token
from multiprocessing.queues import Queue, SimpleQueue, JoinableQueue
import multiprocessing.dummy as dummy


def addr(text):
    # "<Event at 0x7f... set>" without the address
    words = text.split()
    return " ".join(word if not word.startswith("0x") else "0x..." for word in words)


if __name__ == "__main__":
    ctx = mp.get_context("fork")
    event = ctx.Event()
    print(addr(repr(event)))
    event.set()
    print(addr(repr(event)), event.is_set())
    print(ctx.Lock(), ctx.RLock(), ctx.Semaphore(2), ctx.BoundedSemaphore(3))
    print(ctx.Condition())

    # Of the queues only SimpleQueue is generic.
    for cls in (Queue, SimpleQueue, JoinableQueue):
        try:
            print(cls[int])
        except TypeError as exc:
            print(exc)

    for args in ((None, print), (None, print, (), None, "x")):
        try:
            util.Finalize(*args)
        except (TypeError, ValueError) as exc:
            print(type(exc).__name__, exc)

    print(Token("list", "/tmp/x", "7f"))
    print(dummy.Manager() is dummy, dummy.Manager().dict(a=1))
    print(repr(dummy.Namespace(b=2, a=1, _hidden=3)))

    for name in ("fork", "spawn", "forkserver"):
        chosen = mp.get_context(name)
        print(name, type(chosen).__name__, chosen.Process.__name__, chosen.get_start_method())
    try:
        mp.get_context("nope")
    except ValueError as exc:
        print(exc)
    try:
        ctx.set_start_method("spawn")
    except ValueError as exc:
        print(exc)

    reader, writer = ctx.Pipe(duplex=False)
    for bad in ((-1,), (9,), (0, -1), (2, 9)):
        try:
            writer.send_bytes(b"hello", *bad)
        except ValueError as exc:
            print(exc)
    writer.send_bytes(b"hello", 1, 3)
    print(reader.recv_bytes())
    try:
        reader.send(1)
    except OSError as exc:
        print(exc)
