# Tries to read a file of the host.
def run(text):
    with open("/etc/passwd") as f:
        return f.read()
