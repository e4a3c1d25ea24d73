# An exception raised at a check point (here KeyboardInterrupt from a pending
# SIGINT) belongs to the instruction being run there: at a loop's back edge
# that is inside the loop, so the try around the loop sees it even when the
# loop is the try's first statement.
import _thread
import sys
import traceback


def caught():
    try:
        while True:
            _thread.interrupt_main()
    except KeyboardInterrupt:
        print("caught by except")


def finally_runs():
    try:
        try:
            while True:
                _thread.interrupt_main()
        finally:
            print("finally ran")
    except KeyboardInterrupt:
        print("then caught outside")


class Manager:
    def __enter__(self):
        return self

    def __exit__(self, kind, value, tb):
        print("__exit__ saw", kind.__name__)
        return True


def with_exit():
    with Manager():
        while True:
            _thread.interrupt_main()
    print("suppressed by __exit__")


def for_loop():
    try:
        for i in range(10**9):
            _thread.interrupt_main()
    except KeyboardInterrupt:
        print("for loop caught at", i)


def line_of_interrupt():
    try:
        while True:
            _thread.interrupt_main()
    except KeyboardInterrupt as e:
        tb = e.__traceback__
        while tb.tb_next:
            tb = tb.tb_next
        print("line offset", tb.tb_lineno - line_of_interrupt.__code__.co_firstlineno)


caught()
finally_runs()
with_exit()
for_loop()
line_of_interrupt()
print("done")
