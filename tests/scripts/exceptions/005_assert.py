assert True
assert 1 == 1, "never shown"
try:
    assert 1 == 2
except AssertionError as e:
    print("AssertionError", repr(e), e.args)
try:
    assert False, "with message"
except AssertionError as e:
    print("AssertionError:", e)
try:
    x = [1]
    assert len(x) > 3, f"len was {len(x)}"
except AssertionError as e:
    print(e)
def check(v):
    assert isinstance(v, int), ("not int", v)
    return v
try:
    check("s")
except AssertionError as e:
    print(e.args)
