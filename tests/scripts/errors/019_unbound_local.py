x = 10
def f():
    try:
        print(x)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    x = 5
f()
def g():
    del_me = 1
    del del_me
    return del_me
try:
    g()
except NameError as e:
    print(type(e).__name__ + ":", e)
def h():
    print(y)
try:
    h()
except NameError as e:
    print("NameError:", e)
