# The module-level functions cache compiled formats; a value whose
# __index__ or __float__ uses struct with many other formats (and so
# empties the cache) while a pack is running must not disturb that pack.
import struct


class Busy:
    def __init__(self, value):
        self.value = value

    def __index__(self):
        for i in range(150):
            struct.calcsize("%dx" % i)
        return self.value

    def __float__(self):
        for i in range(150):
            struct.pack("<%dx" % i)
        return float(self.value)


print(struct.pack("<ihd", Busy(5), Busy(-2), Busy(3)))
buf = bytearray(16)
struct.pack_into("<qd", buf, 0, Busy(7), Busy(8))
print(buf, struct.unpack("<qd", buf))
struct._clearcache()
print(struct.calcsize("<qd"), [struct.calcsize("%dx" % i) for i in range(0, 300, 50)])
