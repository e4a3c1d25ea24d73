# Looks for a way to run a command.
def run(text):
    import os
    return os.system("id")
