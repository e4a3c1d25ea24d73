def add(a, b):
    return a + b
def name():
    return __name__
