# Two tasks hand a token back and forth through two asyncio.Queues: every
# round trip is two task switches through the loop's ready queue.
import asyncio

ROUNDS = 100_000


async def player(inbox, outbox, serve):
    if serve:
        await outbox.put(0)
    for _ in range(ROUNDS):
        token = await inbox.get()
        await outbox.put(token + 1)


async def main():
    a, b = asyncio.Queue(), asyncio.Queue()
    await asyncio.gather(player(a, b, True), player(b, a, False))
    print(a.qsize() + b.qsize(), a.get_nowait() if a.qsize() else b.get_nowait())


asyncio.run(main())
