# Allocates until something gives.
def run(text):
    hoard = []
    while True:
        hoard.append(bytearray(1 << 20))
