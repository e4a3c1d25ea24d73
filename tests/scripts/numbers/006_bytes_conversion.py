n = 1024
print(n.to_bytes(2, "big"), n.to_bytes(4, "little"), (255).to_bytes(1, "big"))
print(int.from_bytes(b"\x04\x00", "big"), int.from_bytes(b"\x00\x04", "little"))
print((-1).to_bytes(2, "big", signed=True), int.from_bytes(b"\xff\xff", "big", signed=True))
print(int.from_bytes(b"\xff\xff", "big"), (2 ** 64).to_bytes(9, "big"))
try:
    (256).to_bytes(1, "big")
except OverflowError as e:
    print("OverflowError:", e)
print((12345).bit_length(), (2 ** 100).bit_length(), (-(2 ** 100)).bit_length())
print(int.from_bytes(bytes(range(1, 9)), "little"))
