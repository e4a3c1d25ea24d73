# Two threads hand a token back and forth through a Condition: each round
# trip is two wake-ups of a waiting thread (lock + GIL hand-offs).
import threading

ROUNDS = 20_000
cond = threading.Condition()
turn = [0]  # 0: ping's turn, 1: pong's turn
count = [0]


def player(me, other):
    for _ in range(ROUNDS):
        with cond:
            while turn[0] != me:
                cond.wait()
            if me == 0:
                count[0] += 1
            turn[0] = other
            cond.notify()


a = threading.Thread(target=player, args=(0, 1))
b = threading.Thread(target=player, args=(1, 0))
a.start()
b.start()
a.join()
b.join()
print(count[0])
