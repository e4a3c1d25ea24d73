# A lone surrogate printed to stdout (UTF-8, strict) raises UnicodeEncodeError;
# what was printed before it still appears.
import sys

print("before")
try:
    print("x\ud800y")
except UnicodeEncodeError as e:
    print("caught:", type(e).__name__, e)
try:
    sys.stdout.write("\udcff")
except UnicodeEncodeError as e:
    print("caught:", e.start, e.end, e.reason)
print("after", ascii("\ud800"), repr("\udc80")[1:-1] == "\\udc80")
sys.stdout.flush()
print("\udc00 at the end")
