# Every event-loop method the asyncio issue lists, on a fresh loop.
import asyncio
import concurrent.futures
import socket
import threading

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print("running", loop.is_running(), "closed", loop.is_closed())
print("get_event_loop is loop", asyncio.get_event_loop() is loop)
log = []
h = loop.call_soon(log.append, "soon")
print(type(h).__name__, h.cancelled())
h2 = loop.call_soon(log.append, "cancelled")
h2.cancel()
print("h2", h2.cancelled())
t0 = loop.time()
th = loop.call_later(0.01, log.append, "later")
print(type(th).__name__, th.when() >= t0 + 0.01)
loop.call_at(loop.time() + 0.02, log.append, "at")
loop.call_at(loop.time() + 0.03, loop.stop)
loop.run_forever()
print(log)
print("running after stop", loop.is_running())


async def coro(x):
    await asyncio.sleep(0)
    print("in coro, running loop is loop:", asyncio.get_running_loop() is loop)
    print("get_event_loop in coro:", asyncio.get_event_loop() is loop)
    print("is_running inside:", loop.is_running())
    return x * 2


print("run_until_complete", loop.run_until_complete(coro(21)))

fut = loop.create_future()
print(type(fut).__name__, fut.get_loop() is loop)
loop.call_soon(fut.set_result, "fut done")
print(loop.run_until_complete(fut))

task = loop.create_task(coro(5), name="named")
print(task.get_name(), loop.run_until_complete(task))


def worker(a, b):
    return a + b


async def executors():
    r1 = await loop.run_in_executor(None, worker, 1, 2)
    with concurrent.futures.ThreadPoolExecutor(2) as ex:
        r2 = await loop.run_in_executor(ex, worker, "x", "y")
    print("executor", r1, r2)
    done = threading.Event()

    def from_thread():
        loop.call_soon_threadsafe(log.append, "threadsafe")
        done.set()

    t = threading.Thread(target=from_thread)
    t.start()
    t.join()
    await asyncio.sleep(0)
    print("threadsafe logged", log[-1], done.is_set())


loop.run_until_complete(executors())
loop.run_until_complete(loop.shutdown_default_executor())
print("shutdown_default_executor ok")


async def sockets():
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen()
    srv.setblocking(False)
    cli = socket.socket()
    cli.setblocking(False)
    accept = loop.create_task(loop.sock_accept(srv))
    await loop.sock_connect(cli, srv.getsockname())
    conn, addr = await accept
    conn.setblocking(False)
    print("accepted from", addr[0])
    await loop.sock_sendall(cli, b"hello")
    data = await loop.sock_recv(conn, 100)
    print("sock_recv", data)

    got = loop.create_future()
    loop.add_reader(conn, lambda: got.set_result(conn.recv(10)))
    cli.send(b"rd")
    print("add_reader", await got)
    print("remove_reader", loop.remove_reader(conn), loop.remove_reader(conn))
    wr = loop.create_future()
    loop.add_writer(cli, lambda: wr.done() or wr.set_result("writable"))
    print("add_writer", await wr)
    print("remove_writer", loop.remove_writer(cli), loop.remove_writer(cli))
    for s in (cli, conn, srv):
        s.close()


loop.run_until_complete(sockets())

seen = []


def handler(lp, context):
    seen.append((lp is loop, sorted(context), type(context.get("exception")).__name__))


print("default handler", loop.get_exception_handler())
loop.set_exception_handler(handler)
print("handler set", loop.get_exception_handler() is handler)


def boom():
    raise ValueError("bad callback")


loop.call_soon(boom)
loop.call_soon(loop.stop)
loop.run_forever()
print(seen)
loop.call_exception_handler({"message": "custom"})
print(seen[-1])
loop.set_exception_handler(None)
print("default_exception_handler is method", callable(loop.default_exception_handler))
loop.close()
print("closed", loop.is_closed())
try:
    loop.call_soon(print, "x")
except RuntimeError as e:
    print("RuntimeError", e)
c = coro(1)
try:
    loop.run_until_complete(c)
except RuntimeError as e:
    print("RuntimeError", e)
c.close()
asyncio.set_event_loop(None)
