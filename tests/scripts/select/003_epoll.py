# select.epoll objects.
import select
import socket

a, b = socket.socketpair()
fa = a.fileno()
with select.epoll() as ep:
    print(ep.closed, isinstance(ep.fileno(), int))
    ep.register(a, select.EPOLLIN)
    ep.register(b.fileno(), select.EPOLLOUT)
    print(sorted((fd == fa, ev) for fd, ev in ep.poll(0)))
    b.send(b"x")
    print(sorted((fd == fa, ev) for fd, ev in ep.poll(1)))
    print(len(ep.poll(1, 1)))
    try:
        ep.register(a)
    except FileExistsError as e:
        print("FileExistsError", e)
    ep.modify(b, 0)
    ep.unregister(a)
    print(ep.poll(0.05))
    try:
        ep.unregister(a)
    except FileNotFoundError as e:
        print("FileNotFoundError", e)
    # Edge-triggered: reported once per arrival.
    ep.register(a, select.EPOLLIN | select.EPOLLET)
    print([(fd == fa, ev) for fd, ev in ep.poll(1)])
    print(ep.poll(0))
    b.send(b"y")
    print([(fd == fa, ev) for fd, ev in ep.poll(1)])
    try:
        ep.poll(1, 0)
    except ValueError as e:
        print("ValueError", e)
print(ep.closed)
for call in (ep.fileno, lambda: ep.poll(0), lambda: ep.register(a)):
    try:
        call()
    except ValueError as e:
        print("ValueError", e)
ep.close()
a.close()
b.close()
print(select.EPOLLIN, select.EPOLLOUT, select.EPOLLERR, select.EPOLLHUP, select.EPOLLET)
