# golden-no-sanitizer: it sets RLIMIT_AS, and a sanitizer's shadow memory alone exceeds the limit
# Every allocation whose size comes from the script goes through one checked
# size: under a low address-space limit (RLIMIT_AS, 512 MB) each operation
# below raises MemoryError (or OverflowError where CPython does), never dies
# of a signal or an abort, and the process goes on; the same in a worker
# thread. The operations run one after another in a child process started
# with the limit already set, which must live through all of them. Results
# that grow piece by piece (re.sub's text, strftime's buffer) are checked at
# each growth, not only when first sized. (Not yet listed: a re.sub result
# growing in many mid-sized steps, 'x' * 2**20 per match over 1024 matches,
# can still abort, and so can strftime's growing buffer after earlier
# operations have fragmented the heap: the allocator behind std::string
# fails a reallocation that its own probe allowed.)
import resource
import subprocess
import sys

LIMIT = 512 * 2**20
N = 2**31  # far beyond the limit, small enough for CPython to try

OPERATIONS = [
    "'x' * N", "[0] * N", "b'x' * N", "(0,) * N", "bytearray(b'xy') * N", "[1, 2] * N",
    "'ab' * N", "bytes(N)", "bytearray(N)", "' '.join(['x' * 2**16] * 2**14)",
    "b''.join([b'x' * 2**16] * 2**14)", "'a'.center(N)", "'a'.ljust(N)", "'a'.rjust(N, '-')",
    "b'a'.center(N)", "bytearray(b'a').ljust(N)", "'1'.zfill(N)", "b'1'.zfill(N)",
    "'\\t'.expandtabs(N)", "format(1, '%dd' % N)", "'{:%d}'.format(1)" % N,
    "'%%%dd' %% 1" % N, "b'%%%dd' %% 1" % N, "f'{1:>{N}}'", "(1).to_bytes(N, 'big')",
    "1 << (N * 16)",
    "'x'.replace('', 'y' * 2**20) * 2**10", "'ab'.replace('a', 'x' * 2**29)",
    "bytes.fromhex('00' * (N // 4))", "list(range(N))", "tuple(range(N))",
    "__import__('array').array('d', [0]) * N", "__import__('array').array('b', bytes(N))",
    "__import__('struct').pack('%dx' % N)", "__import__('struct').pack('%ds' % N, b'')",
    "memoryview(b'x' * 2**20).tobytes() * 2**12", "[None] * (N // 8) + [None] * (N // 8)",
    "'x' * 2**20 + 'y' * N",
    "__import__('json').dumps([0] * 2**26)", "__import__('json').dumps('x' * 2**29)",
    "__import__('pickle').loads(b'\\x80\\x04\\x8e' + (2**40).to_bytes(8, 'little'))",
    "__import__('zlib').decompress(__import__('zlib').compress(bytes(2**29)))",
    "__import__('base64').b64encode(bytes(2**28))",
    "__import__('binascii').hexlify(bytes(2**28))",
    "bytearray().join([b'x' * 2**20] * 2**10)",
    "('x' * 2**20).encode('utf-16') * 2**9",
    "__import__('re').sub('a', 'x' * 2**24, 'a' * 64)",
    "__import__('re').sub(b'a', b'x' * 2**24, b'a' * 64)",
    "__import__('re').sub('a', lambda m: 'x' * 2**24, 'a' * 64)",
    "(b'\\xff' * 2**28).hex()",
]

CHILD = r'''
import sys, threading
N = 2**31
OPERATIONS = %r

def attempt(src):
    try:
        eval(src)
        return "no error"
    except (MemoryError, OverflowError, ValueError) as e:
        return type(e).__name__

def run_all(where):
    for src in OPERATIONS:
        print(where, src[:60], "->", attempt(src), flush=True)

if sys.argv[1] == "thread":
    t = threading.Thread(target=run_all, args=("thread",))
    t.start()
    t.join()
else:
    run_all("main")
after = [1] * 1000  # the interpreter still works
print("still running:", len(after))
''' % (OPERATIONS,)


def limit():
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT, LIMIT))


for where in ["main", "thread"]:
    proc = subprocess.run([sys.executable, "-c", CHILD, where], capture_output=True, text=True,
                          preexec_fn=limit, timeout=300)
    print(proc.stdout, end="")
    if proc.returncode < 0:
        print(where, "killed by signal", -proc.returncode)
    elif proc.returncode != 0:
        print(where, "exit", proc.returncode, proc.stderr.strip().splitlines()[-1:])
