# Misuse of Process objects raises what CPython raises.
import multiprocessing as mp


def nothing():
    pass


def block(event):
    event.wait()


if __name__ == "__main__":
    p = mp.Process(target=nothing)
    for action in (p.join, p.terminate):
        try:
            action()
        except (AssertionError, AttributeError, ValueError) as e:
            print(action.__name__, type(e).__name__, e)
    try:
        p.sentinel
    except ValueError as e:
        print("sentinel:", e)
    p.start()
    try:
        p.start()
    except AssertionError as e:
        print("start twice:", e)
    p.join()
    try:
        p.daemon = True
    except AssertionError as e:
        print("daemon after start:", e)
    try:
        mp.Process(target=nothing, group="g")
    except AssertionError as e:
        print("group:", e)

    ev = mp.Event()
    r = mp.Process(target=block, args=(ev,))
    r.start()
    try:
        r.close()
    except ValueError as e:
        print("close running:", e)
    ev.set()
    r.join()
    r.close()
    r.close()
    for name in ("join", "is_alive", "terminate", "kill"):
        try:
            getattr(r, name)()
        except ValueError as e:
            print(name, "after close:", e)
    try:
        r.exitcode
    except ValueError as e:
        print("exitcode after close:", e)
    print(repr(r).split()[0], "closed" in repr(r))
