# Recurses without end.
def run(text):
    return run(text + "!")
