# Never returns, and swallows what stops it.
def run(text):
    while True:
        try:
            while True:
                pass
        except BaseException:
            pass
