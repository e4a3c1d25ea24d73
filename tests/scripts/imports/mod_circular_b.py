import mod_circular_a
B_VALUE = "b"
def use_a():
    return mod_circular_a.A_VALUE
