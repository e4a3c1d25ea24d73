"""A helper module imported by the imports tests."""
print("mod_helper: executing module body")
CONSTANT = 42
_private = "hidden"
def greet(name):
    return f"hello {name} from {__name__}"
class Thing:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"Thing({self.v})"
counter = 0
def bump():
    global counter
    counter += 1
    return counter
