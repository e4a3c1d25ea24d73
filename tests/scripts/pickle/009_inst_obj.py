import pickle
import mod_classes as m
# Protocol 0/1 INST and OBJ, as Python 2 wrote old-style instances.
p = pickle.loads(b"(imod_classes\nPoint\n(dS'x'\nI1\nsS'y'\nI2\nsb.")
print(type(p).__name__, p.x, p.y)
p = pickle.loads(b"(cmod_classes\nPoint\nK\x03K\x04o.")
print(type(p).__name__, p.x, p.y)
p = pickle.loads(b"(cmod_classes\nPoint\no}(U\x01xK\x05U\x01yK\x06ub.")
print(type(p).__name__, p.x, p.y)
