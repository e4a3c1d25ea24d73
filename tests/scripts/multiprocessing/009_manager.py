# A Manager's server process, reached through proxies from several processes.
import multiprocessing as mp


def append_items(shared, lock, start):
    for i in range(start, start + 5):
        with lock:
            shared.append(i)


def fill_dict(d, ns, key):
    d[key] = key * 2
    ns.count = ns.count + 1 if hasattr(ns, "count") else 1


if __name__ == "__main__":
    with mp.Manager() as m:
        l = m.list([1, 2])
        d = m.dict(a=1)
        print(type(l).__name__, str(l), len(l), l[0], list(l), 2 in l)
        l.append(3)
        l += [4]
        print(l[:], l[-1], l.index(3), l.count(1))
        print(type(d).__name__, d.keys(), d.items(), d.values(), d.get("a"), dict(d), list(d))
        d.update(b=2)
        print(sorted(d.keys()), d.pop("b"), len(d))
        ns = m.Namespace(x=1)
        ns.y = 2
        print(ns, ns.x, ns.y)
        try:
            ns.z
        except AttributeError as e:
            print("AttributeError:", e)
        v = m.Value("i", 5)
        print(v, v.value)
        v.value += 1
        print(v.value, v.get())
        a = m.Array("i", [1, 2, 3])
        print(a, len(a), a[1], list(a))
        q = m.Queue()
        q.put(1)
        print(q.get(), q.empty(), type(q).__name__)
        lk = m.Lock()
        print(lk.acquire(), lk.release(), type(lk).__name__)
        e = m.Event()
        e.set()
        print(e.is_set(), e.wait(0.1))
        try:
            l[10]
        except IndexError as ex:
            print("IndexError:", ex)
        try:
            d["zz"]
        except KeyError as ex:
            print("KeyError:", ex)
        print(l._getvalue(), type(l._getvalue()).__name__)

        shared = m.list()
        lock = m.Lock()
        procs = [mp.Process(target=append_items, args=(shared, lock, k * 10)) for k in range(3)]
        for p in procs:
            p.start()
        for p in procs:
            p.join()
        print(sorted(shared))
        dd = m.dict()
        counter = m.Namespace(count=0)
        procs = [mp.Process(target=fill_dict, args=(dd, counter, k)) for k in range(3)]
        for p in procs:
            p.start()
            p.join()
        print(sorted(dd.items()), counter.count)
    print("manager closed")
