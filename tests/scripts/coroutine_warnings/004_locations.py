import warnings
class C:
    async def m(self): pass
    def call(self):
        self.m()
C().call()
warnings.filterwarnings("ignore", message="coroutine 'f'")
async def f(): pass
f()
async def g(): pass
def outer():
    def inner():
        g()
    inner()
outer()
print("done")
