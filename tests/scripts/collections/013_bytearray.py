ba = bytearray(b"hello")
ba[0] = ord("J")
print(ba, len(ba))
ba.append(33)
ba.extend(b"??")
print(ba)
print(ba.pop(), ba)
ba[1:3] = b"EE"
print(ba, bytes(ba), ba.decode())
del ba[0]
print(ba)
ba.insert(0, 74)
ba.reverse()
print(ba, ba.find(b"E"), ba.upper())
print(bytearray(3), bytearray([1, 2]), bytearray("é", "utf-8"))
z = bytearray()
for i in range(5):
    z += bytes([i + 48])
print(z, z == b"01234", z.hex())
try:
    ba[0] = 300
except ValueError as e:
    print("ValueError:", e)
print(list(bytearray(b"ab")), bytearray(b"x") * 3, type(bytearray(b"a") + b"b").__name__)
