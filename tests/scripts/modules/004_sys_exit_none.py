import sys
print("exit with None is success")
sys.exit()
print("not reached")
