# Spawned and forked pool workers import and run stdlib modules (each
# spawned worker is a fresh interpreter that loads them anew); results and
# exceptions raised inside stdlib code come back to the parent.
import multiprocessing as mp


def work(n):
    import collections
    import fractions
    import json
    import statistics

    data = list(range(n))
    return (
        str(fractions.Fraction(n, 6)),
        statistics.mean(data) if data else None,
        json.dumps(collections.Counter("ab" * n)),
    )


def bad(text):
    import fractions

    return fractions.Fraction(text)


if __name__ == "__main__":
    for method in ("spawn", "fork"):
        ctx = mp.get_context(method)
        with ctx.Pool(2) as pool:
            print(method, pool.map(work, [0, 3, 4]))
            try:
                pool.apply(bad, ("x/y",))
            except ValueError as e:
                print(method, "ValueError:", e)
