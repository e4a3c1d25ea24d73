# Pool(2) start-up and tear-down with the fork start method, 20 times.
import multiprocessing as mp


def one(x):
    return x + 1


if __name__ == "__main__":
    ctx = mp.get_context("fork")
    total = 0
    for _ in range(20):
        with ctx.Pool(2) as pool:
            total += sum(pool.map(one, [1, 2]))
    print(total)
