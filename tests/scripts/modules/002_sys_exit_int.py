import sys
print("before exit")
sys.stdout.flush()
try:
    sys.exit(3)
except SystemExit as e:
    print("caught SystemExit", e.code)
def cleanup():
    try:
        sys.exit(4)
    finally:
        print("finally runs on exit")
cleanup()
print("never printed")
