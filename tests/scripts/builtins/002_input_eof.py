try:
    line = input()
    print("read", repr(line))
except EOFError as e:
    print("EOFError", repr(e))
try:
    input("prompt> ")
except EOFError:
    print("EOFError after prompt")
import sys
print(repr(sys.stdin.read()), repr(sys.stdin.readline()))
