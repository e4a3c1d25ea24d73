# asyncio.run drives a coroutine; sleep orders wake-ups by deadline.
import asyncio


async def say(word, delay, out):
    await asyncio.sleep(delay)
    out.append(word)
    return word.upper()


async def main():
    out = []
    t1 = asyncio.create_task(say("late", 0.05, out))
    t2 = asyncio.create_task(say("early", 0.01, out))
    t3 = asyncio.create_task(say("middle", 0.03, out))
    print(await t1, await t2, await t3)
    print(out)
    print(await asyncio.sleep(0, result="zero"))
    print(await asyncio.sleep(0.001, result=[1, 2]))
    return 42


print(asyncio.run(main()))
print(asyncio.run(say("x", 0, [])))
