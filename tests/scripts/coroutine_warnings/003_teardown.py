async def f(): pass
c = f()
def g():
    return f()
keep = g()
print("end")
