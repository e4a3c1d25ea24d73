# Start methods and contexts.
import multiprocessing as mp


if __name__ == "__main__":
    print(mp.get_start_method(allow_none=True))
    print(mp.get_start_method())
    print(sorted(mp.get_all_start_methods()))
    try:
        mp.set_start_method("spawn")
    except RuntimeError as e:
        print("RuntimeError:", e)
    mp.set_start_method("spawn", force=True)
    print(mp.get_start_method())
    mp.set_start_method(None, force=True)
    print(mp.get_start_method(allow_none=True))
    for name in ["fork", "spawn", "forkserver"]:
        ctx = mp.get_context(name)
        print(name, ctx.get_start_method(), type(ctx).__name__, ctx.Process.__name__)
        try:
            ctx.set_start_method("fork")
        except ValueError as e:
            print("ValueError:", e)
    try:
        mp.get_context("nope")
    except ValueError as e:
        print("ValueError:", e)
    print(mp.cpu_count() >= 1, isinstance(mp.cpu_count(), int))
    print(issubclass(mp.TimeoutError, mp.ProcessError), issubclass(mp.AuthenticationError, mp.ProcessError))
    print(mp.current_process().name, mp.current_process().daemon, mp.active_children())
