# Run by async_host.cpp: service.lookup is an async C++ function.
import asyncio
import service


async def describe(city, thousands):
    await asyncio.sleep(0)
    return f"{city}: {thousands}k people"


async def ticker(events):
    for i in range(3):
        events.append(f"tick {i}")
        await asyncio.sleep(0.005)


async def main():
    events = []
    answers = await asyncio.gather(
        service.lookup("oslo", describe),
        service.lookup("lyon", describe),
        ticker(events),
    )
    print(answers[:2])
    print("ticks while waiting:", len(events))
    try:
        await service.lookup("atlantis", describe)
    except KeyError as e:
        print("unknown city", e)
    try:
        await asyncio.wait_for(service.lookup("oslo", describe), timeout=0.001)
    except asyncio.TimeoutError:
        print("timed out")


asyncio.run(main())
