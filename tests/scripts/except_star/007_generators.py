# except* inside generators, coroutines and nested functions.
def gen():
    try:
        yield 1
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        yield repr(e)
    except* TypeError as e:
        yield repr(e)


print(list(gen()))


async def co():
    result = []
    try:
        raise ExceptionGroup("c", [ValueError(1), KeyError(2)])
    except* ValueError as e:
        result.append(repr(e))
    except* KeyError as e:
        result.append(repr(e))
    return result


c = co()
try:
    c.send(None)
except StopIteration as stop:
    print(stop.value)


def outer():
    try:
        raise ExceptionGroup("o", [ValueError(1)])
    except* ValueError:
        def helper():
            return "helper ran"
        print(helper())
        for i in range(5):
            if i == 2:
                break
        print("loop stopped at", i)


outer()
