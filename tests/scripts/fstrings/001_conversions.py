name = "Ann"
v = [1, "two"]
print(f"{name}", f"{name!r}", f"{name!s}", f"{'é'!a}")
print(f"{v}", f"{v!r}", f"{None}", f"{True!r}")
print(f"{{braces}} {name}")
print(f"{1 + 2} {name.upper()} {len(v)} {v[1]}")
print(f"{'nested quotes'}", f'{"double"}')
x = 10
print(f"{x=}", f"{x * 2 = }", f"{name=!s}")
print(f"multi {x} "
      f"line {x + 1}")
d = {"key": "val"}
print(f"{d['key']}", f"{(lambda y: y * 2)(4)}")
print(F"upper F {x}", rf"raw \n {x}", fr"\t{x}")
