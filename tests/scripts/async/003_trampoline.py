from collections import deque
class Yield:
    def __await__(self):
        yield "switch"
async def worker(name, n, log):
    for i in range(n):
        log.append(f"{name}{i}")
        await Yield()
    return f"{name} done"
def run_all(coros):
    ready = deque((c, None) for c in coros)
    results = {}
    while ready:
        coro, val = ready.popleft()
        try:
            coro.send(val)
        except StopIteration as e:
            results[coro.__name__ + str(len(results))] = e.value
            continue
        ready.append((coro, None))
    return results
log = []
res = run_all([worker("a", 3, log), worker("b", 2, log), worker("c", 4, log)])
print(log)
print(sorted(res.values()))
