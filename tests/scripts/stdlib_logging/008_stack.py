# traceback's stack functions, which logging's stack_info and handleError use.
import traceback, io, sys
def a():
    b()
def b():
    s = io.StringIO()
    traceback.print_stack(file=s)
    print(s.getvalue().replace(__file__, "F"))
    print([(f.name, f.lineno) for f in traceback.extract_stack()])
    print([(f.name) for f in traceback.extract_stack(limit=2)])
    print(len(traceback.format_stack()))
a()
