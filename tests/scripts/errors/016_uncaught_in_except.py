def handler():
    try:
        [1, 2][5]
    except IndexError as e:
        print("handling", type(e).__name__, e)
        undefined_function()

handler()
