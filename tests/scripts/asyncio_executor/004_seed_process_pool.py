# The seed program samples/seeds/asyncio_process_pool.py, with less work:
# CPU-bound work in a process pool, awaited from the event loop.
import asyncio
import concurrent.futures

def cpu_heavy(data):
    # simulate heavy processing
    return sum(i*i for i in range(data))

async def main():
    loop = asyncio.get_running_loop()
    with concurrent.futures.ProcessPoolExecutor() as pool:
        # Run CPU work in process pool without blocking event loop
        result = await loop.run_in_executor(pool, cpu_heavy, 100_000)
        print(f"CPU result: {result}")
    # Continue with async I/O tasks...

asyncio.run(main())
