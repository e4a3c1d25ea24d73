# Pool(2) start-up and tear-down with the spawn start method, 5 times.
import multiprocessing as mp


def one(x):
    return x + 1


if __name__ == "__main__":
    ctx = mp.get_context("spawn")
    total = 0
    for _ in range(5):
        with ctx.Pool(2) as pool:
            total += sum(pool.map(one, [1, 2]))
    print(total)
