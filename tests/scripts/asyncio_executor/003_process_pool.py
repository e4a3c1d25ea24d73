# run_in_executor with a ProcessPoolExecutor: real processes, results and
# exceptions come back through the loop.
import asyncio
import concurrent.futures
import os


def square(x):
    return x * x, os.getpid() != PARENT


def bad(x):
    raise ValueError(f"bad {x}")


PARENT = os.getpid()


async def main():
    loop = asyncio.get_running_loop()
    with concurrent.futures.ProcessPoolExecutor(max_workers=2) as pool:
        results = await asyncio.gather(*(loop.run_in_executor(pool, square, i) for i in range(5)))
        print(results)
        try:
            await loop.run_in_executor(pool, bad, 7)
        except ValueError as e:
            print("ValueError:", e)


if __name__ == "__main__":
    asyncio.run(main())
