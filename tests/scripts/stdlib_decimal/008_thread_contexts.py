# Each thread starts with a fresh copy of DefaultContext; a change of
# precision in one thread is not seen by another.
import threading
import decimal
from decimal import Decimal, getcontext, localcontext

getcontext().prec = 5
results = {}
ready = threading.Event()


def worker(name, prec):
    ctx = getcontext()
    results[name, "initial"] = (ctx.prec, ctx.rounding, dict(ctx.flags) == dict(decimal.DefaultContext.flags))
    ctx.prec = prec
    results[name, "third"] = str(Decimal(1) / 3)
    with localcontext(prec=2):
        results[name, "local"] = str(Decimal(2) / 3)
    results[name, "after"] = getcontext().prec


threads = [threading.Thread(target=worker, args=(f"t{i}", 10 + i)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for key in sorted(results):
    print(key, results[key])
print(getcontext().prec, Decimal(1) / 3)
