# Protocol 5: PickleBuffer in band and out of band.
import pickle

data = bytearray(b"mutable")
frozen = b"readonly"
print(pickle.dumps(pickle.PickleBuffer(data), 5))
print(pickle.dumps(pickle.PickleBuffer(frozen), 5))
print(pickle.loads(pickle.dumps([pickle.PickleBuffer(data), pickle.PickleBuffer(frozen)], 5)))

buffers = []
blob = pickle.dumps([pickle.PickleBuffer(data), "x", pickle.PickleBuffer(frozen)], 5,
                    buffer_callback=buffers.append)
print(blob, len(buffers))
back = pickle.loads(blob, buffers=[b.raw() for b in buffers])
print(back[1], bytes(back[0]), bytes(back[2]))
kept = []
print(pickle.dumps(pickle.PickleBuffer(frozen), 5, buffer_callback=lambda b: True))
try:
    pickle.loads(blob)
except pickle.UnpicklingError as e:
    print("UnpicklingError", e)
try:
    pickle.dumps(pickle.PickleBuffer(frozen), 4)
except pickle.PicklingError as e:
    print("PicklingError", e)
try:
    pickle.dumps(1, 4, buffer_callback=print)
except ValueError as e:
    print("ValueError", e)
