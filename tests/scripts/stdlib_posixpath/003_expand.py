# expanduser and expandvars follow os.environ (including later changes).
import os
import os.path as pp

os.environ["HOME"] = "/home/tester/"
for p in ["~", "~/", "~/a/b", "x~", "", "~~", b"~/q", b"~"]:
    print("expanduser", repr(p), repr(pp.expanduser(p)))
os.environ["HOME"] = "/"
print(pp.expanduser("~"), pp.expanduser("~/a"))
print(pp.expanduser("~root/x"), pp.expanduser(b"~root"))
print(pp.expanduser("~no_such_user_here/x"), pp.expanduser(b"~no_such_user_here"))

os.environ["GV_A"] = "alpha"
os.environ["GV_B"] = "$GV_A"
os.environ.pop("GV_NONE", None)
for p in ["$GV_A", "${GV_A}", "x$GV_A.y", "$GV_Ab", "${GV_A}b", "$GV_B", "$GV_NONE",
          "${GV_NONE}", "$", "$$", "$$GV_A", "${}", "${GV_A", "${GV_A $GV_A",
          "$é$GV_A", "a/$GV_A/${GV_A}/$GV_NONE/c", "no dollar", "$1", "${GV_A}${GV_A",
          b"$GV_A/x", b"${GV_A}", b"$GV_NONE"]:
    print("expandvars", repr(p), repr(pp.expandvars(p)))
