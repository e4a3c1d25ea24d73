# The module-level API the asyncio issue lists.
import asyncio
import concurrent.futures
import threading


async def value(x, delay=0):
    await asyncio.sleep(delay)
    return x


async def fail(exc, delay=0):
    await asyncio.sleep(delay)
    raise exc


async def forever():
    await asyncio.Event().wait()


def blocking(x):
    return x * 10


async def main():
    print("gather", await asyncio.gather(value(1), value(2, 0.01), value(3)))
    print("gather exc", await asyncio.gather(value(1), fail(ValueError("v")), return_exceptions=True))
    rest = asyncio.create_task(value("late", 0.05))
    try:
        await asyncio.gather(fail(KeyError("k")), rest)
    except KeyError as e:
        print("gather raised", repr(e), rest.done())
    print("rest", await rest)
    g = asyncio.gather(forever(), forever())
    await asyncio.sleep(0)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled", g.cancelled())

    inner = asyncio.create_task(value("shielded", 0.02))
    outer = asyncio.shield(inner)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("shield outer cancelled", inner.cancelled())
    print(await inner)

    print("wait_for", await asyncio.wait_for(value("quick"), 1))
    try:
        await asyncio.wait_for(forever(), 0.01)
    except asyncio.TimeoutError as e:
        print("wait_for timeout", type(e).__name__, asyncio.TimeoutError is TimeoutError)

    tasks = [asyncio.create_task(value(i, 0.1 * (2 - i))) for i in range(3)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("FIRST_COMPLETED", sorted(t.result() for t in done), len(pending))
    done, pending = await asyncio.wait(tasks)
    print("ALL_COMPLETED", sorted(t.result() for t in done), len(pending))
    t_err = [asyncio.create_task(fail(OSError("o"), 0.01)), asyncio.create_task(forever())]
    done, pending = await asyncio.wait(t_err, return_when=asyncio.FIRST_EXCEPTION)
    print("FIRST_EXCEPTION", len(done), len(pending))
    for t in pending:
        t.cancel()
    done, pending = await asyncio.wait([asyncio.create_task(forever())], timeout=0.01)
    print("wait timeout", len(done), len(pending))
    for t in pending:
        t.cancel()

    order = []
    for f in asyncio.as_completed([value("c", 0.2), value("a", 0), value("b", 0.1)]):
        order.append(await f)
    print("as_completed", order)
    never = asyncio.create_task(forever())
    try:
        for f in asyncio.as_completed([never], timeout=0.01):
            await f
    except asyncio.TimeoutError:
        print("as_completed timeout", never.done())
    never.cancel()

    async with asyncio.timeout(1) as cm:
        await value(0)
    print("timeout ok", cm.expired(), cm.when() is not None)
    try:
        async with asyncio.timeout(0.01) as cm:
            await forever()
    except TimeoutError:
        print("timeout expired", cm.expired())
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout_at(loop.time() + 0.01):
            await forever()
    except TimeoutError:
        print("timeout_at expired")
    async with asyncio.timeout(None) as cm:
        cm.reschedule(loop.time() + 5)
        print("rescheduled", cm.when() > loop.time())

    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(value("A"))
        b = tg.create_task(value("B", 0.01))
    print("TaskGroup", a.result(), b.result())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(ValueError("one")))
            tg.create_task(fail(TypeError("two")))
            tg.create_task(forever())
    except* ValueError as eg:
        print("except* ValueError", [str(e) for e in eg.exceptions])
    except* TypeError as eg:
        print("except* TypeError", [str(e) for e in eg.exceptions])

    print("to_thread", await asyncio.to_thread(blocking, 4))
    with concurrent.futures.ThreadPoolExecutor(1) as ex:
        cf = ex.submit(blocking, 5)
        print("wrap_future", await asyncio.wrap_future(cf))

    results = []

    def in_thread():
        cf = asyncio.run_coroutine_threadsafe(value("from thread", 0.01), loop)
        results.append((type(cf).__name__, cf.result(5)))

    th = threading.Thread(target=in_thread)
    th.start()
    await asyncio.to_thread(th.join)
    print("run_coroutine_threadsafe", results)

    c = value(1)
    print("iscoroutine", asyncio.iscoroutine(c), asyncio.iscoroutine(value))
    c.close()
    print("iscoroutinefunction", asyncio.iscoroutinefunction(value),
          asyncio.iscoroutinefunction(blocking))

    fut = loop.create_future()
    got = []
    fut.add_done_callback(lambda f: got.append(f.result()))
    fut.set_result("fut")
    print("callback not yet run", got)
    await asyncio.sleep(0)
    print("callback ran", got)
    try:
        fut.set_result(2)
    except asyncio.InvalidStateError as e:
        print("InvalidStateError", e)
    print(issubclass(asyncio.CancelledError, BaseException),
          issubclass(asyncio.CancelledError, Exception))
    print(asyncio.InvalidStateError.__mro__[1].__name__)
    print("sleep result", await asyncio.sleep(0.001, result="r"))


asyncio.run(main())
