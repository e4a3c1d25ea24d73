import os.path
import os
print(os.path.join("a", "b", "c.txt"), os.path.join("/usr", "x"), os.path.join("a", "/abs"), os.path.join("a", ""))
print(os.path.basename("/x/y/z.tar.gz"), os.path.dirname("/x/y/z.tar.gz"), os.path.basename("/x/y/"))
print(os.path.splitext("file.tar.gz"), os.path.splitext("noext"), os.path.splitext(".hidden"), os.path.split("/a/b"))
print(os.path.exists("008_os_path.py"), os.path.isfile("008_os_path.py"), os.path.isdir("008_os_path.py"))
print(os.path.exists("nope.txt"), os.path.isdir("."), os.path.isfile("."))
print(os.path.normpath("a/./b/../c"), os.path.isabs("/a"), os.path.isabs("a"))
print(os.path.abspath("f.txt") == os.path.join(os.getcwd(), "f.txt"))
print(os.path.getsize("008_os_path.py") > 0)
