import os
print(type(os.getpid()).__name__, os.getpid() > 0)
print(isinstance(os.cpu_count(), int), os.cpu_count() >= 1)
os.environ["GILT_TEST_VAR"] = "value42"
print(os.environ["GILT_TEST_VAR"], os.environ.get("GILT_TEST_VAR"), os.getenv("GILT_TEST_VAR"))
print(os.environ.get("GILT_SURELY_UNSET_VAR"), os.getenv("GILT_SURELY_UNSET_VAR", "dflt"), "GILT_TEST_VAR" in os.environ)
del os.environ["GILT_TEST_VAR"]
print("GILT_TEST_VAR" in os.environ)
cwd = os.getcwd()
print(type(cwd).__name__, os.path.isabs(cwd), os.path.basename(cwd))
print(os.sep, os.linesep == "\n", os.name)
print("007_os.py" in os.listdir("."))
os.mkdir("tmp_os_dir")
print(os.path.isdir("tmp_os_dir"))
os.rmdir("tmp_os_dir")
print(os.path.exists("tmp_os_dir"))
