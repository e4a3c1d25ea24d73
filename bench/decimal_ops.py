# Decimal money arithmetic: compound growth quantized to cents, and
# divisions that round at the context precision.
from decimal import Decimal, getcontext
total = Decimal(0)
rate = Decimal("1.0005")
x = Decimal("100.00")
for i in range(100000):
    x = (x * rate).quantize(Decimal("0.01"))
    total += x / 7
print(x, total)
