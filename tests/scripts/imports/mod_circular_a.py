import mod_circular_b
A_VALUE = "a"
def use_b():
    return mod_circular_b.B_VALUE
