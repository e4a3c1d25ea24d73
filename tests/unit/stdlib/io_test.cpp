// Tests for open() and the io module (stdlib/file*.cpp, memory_io.cpp,
// io.cpp). Rows: program, CPython 3.11's output (check_tables.py re-checks
// them); file rows run in a fresh temporary directory.
#include <gtest/gtest.h>

#include "stdlib/file.hpp"
#include "stdlib/io.hpp"
#include "stdlib/sys.hpp"
#include "tests/unit/stdlib/script_test_util.hpp"

namespace gilt {
namespace {

using testing::ScriptCase;
using testing::ScriptTest;

constexpr ScriptCase kFileCases[] = {
    {R"~(with open("t.txt", "w") as f:
    print(f.write("one\ntwo\n"), f.closed, f.mode, f.name, f.encoding)
print(f.closed)
with open("t.txt") as f:
    print(repr(f.read()))
with open("t.txt") as f:
    print(repr(f.readline()), f.readlines())
with open("t.txt") as f:
    print([line for line in f])
)~",
     R"~(8 False w t.txt UTF-8
True
'one\ntwo\n'
'one\n' ['two\n']
['one\n', 'two\n']
)~"},
    {R"~(with open("t.txt", "w") as f:
    f.write("a\r\nb\rc\n")
with open("t.txt") as f:
    print(repr(f.read()))
with open("t.txt", newline="") as f:
    print(f.readlines())
with open("t.txt", "rb") as f:
    print(f.read())
)~",
     R"~('a\nb\nc\n'
['a\r\n', 'b\r', 'c\n']
b'a\r\nb\rc\n'
)~"},
    {R"~(with open("t.txt", "w", encoding="utf-8") as f:
    f.write("h\u00e9llo \u20ac\n")
with open("t.txt") as f:
    print(f.read(2), f.read(3), repr(f.read()))
with open("t.txt", "rb") as f:
    print(f.read(3), f.tell(), f.read())
)~",
     R"~(hé llo ' €\n'
b'h\xc3\xa9' 3 b'llo \xe2\x82\xac\n'
)~"},
    {R"~(with open("t.txt", "w") as f:
    f.write("abcdef")
with open("t.txt", "r+") as f:
    print(f.read(2), f.tell())
    f.seek(0)
    f.write("XY")
    f.seek(0, 2)
    f.write("!")
    f.seek(0)
    print(f.read())
)~",
     R"~(ab 2
XYcdef!
)~"},
    {R"~(with open("t.txt", "w") as f:
    f.write("1\n")
with open("t.txt", "a") as f:
    print(f.tell())
    f.writelines(["2\n", "3\n"])
print(open("t.txt").read().split())
with open("t.txt", "wb") as f:
    print(f.write(b"\x00\x01"), type(f).__name__, f.mode)
with open("t.txt", "rb+") as f:
    print(type(f).__name__, f.read())
)~",
     R"~(2
['1', '2', '3']
2 BufferedWriter wb
BufferedRandom b'\x00\x01'
)~"},
    {R"~(open("t.txt", "w").close()
open("t.txt", "x")
)~",
     R"~(FileExistsError: [Errno 17] File exists: 't.txt'
)~"},
    {R"~(open("no_such_file.txt")
)~",
     R"~(FileNotFoundError: [Errno 2] No such file or directory: 'no_such_file.txt'
)~"},
    {R"~(open("t.txt", "rw")
)~",
     R"~(ValueError: must have exactly one of create/read/write/append mode
)~"},
    {R"~(open("t.txt", "z")
)~",
     R"~(ValueError: invalid mode: 'z'
)~"},
    {R"~(open("t.txt", "wb", encoding="utf-8")
)~",
     R"~(ValueError: binary mode doesn't take an encoding argument
)~"},
    {R"~(open(".")
)~",
     R"~(IsADirectoryError: [Errno 21] Is a directory: '.'
)~"},
    {R"~(f = open("t.txt", "w")
f.close()
f.write("x")
)~",
     R"~(ValueError: I/O operation on closed file.
)~"},
    {R"~(f = open("t.txt", "w")
f.read()
)~",
     R"~(io.UnsupportedOperation: not readable
)~"},
    {R"~(open("t.txt", "w").close()
f = open("t.txt")
f.write("x")
)~",
     R"~(io.UnsupportedOperation: not writable
)~"},
    {R"~(f = open("t.txt", "w")
f.write(b"x")
)~",
     R"~(TypeError: write() argument must be str, not bytes
)~"},
    {R"~(f = open("t.txt", "wb")
f.write("x")
)~",
     R"~(TypeError: a bytes-like object is required, not 'str'
)~"},
    {R"~(with open("t.txt", "w") as f:
    f.write("abc")
f = open("t.txt")
print(f.seek(1), f.read())
f.seek(1, 1)
)~",
     R"~(1 bc
io.UnsupportedOperation: can't do nonzero cur-relative seeks
)~"},
    {R"~(with open("t.txt", "w") as f:
    f.write("hello world")
with open("t.txt", "r+") as f:
    print(f.truncate(5))
print(open("t.txt").read())
)~",
     R"~(5
hello
)~"},
};

constexpr ScriptCase kMemoryIoCases[] = {
    {R"~(import io
s = io.StringIO()
print(s.write("hello "), s.write("w\u00f6rld\n"), s.tell())
print(repr(s.getvalue()))
s.seek(0)
print(repr(s.read(5)), repr(s.readline()), repr(s.read()))
)~",
     R"~(6 6 12
'hello wörld\n'
'hello' ' wörld\n' ''
)~"},
    {R"~(import io
s = io.StringIO("a\nb\nc")
print(s.readlines())
s.seek(0)
print([l for l in s], s.seek(1), s.write("X"), s.getvalue())
print(s.seek(10), s.write("z"), repr(s.getvalue()), s.truncate(2), repr(s.getvalue()))
)~",
     R"~(['a\n', 'b\n', 'c']
['a\n', 'b\n', 'c'] 1 1 aXb
c
10 1 'aXb\nc\x00\x00\x00\x00\x00z' 2 'aX'
)~"},
    {R"~(import io
s = io.StringIO()
s.write(1)
)~",
     R"~(TypeError: string argument expected, got 'int'
)~"},
    {R"~(import io
s = io.StringIO("ab")
s.seek(-1)
)~",
     R"~(ValueError: Negative seek position -1
)~"},
    {R"~(import io
s = io.StringIO("ab")
s.close()
print(s.closed)
s.read()
)~",
     R"~(True
ValueError: I/O operation on closed file
)~"},
    {R"~(import io
with io.StringIO() as s:
    s.write("x")
print(s.closed)
s.getvalue()
)~",
     R"~(True
ValueError: I/O operation on closed file
)~"},
    {R"~(import io
b = io.BytesIO(b"abc")
print(b.read(1), b.tell(), b.read(), b.getvalue())
b.seek(0, 2)
print(b.write(b"de"), b.getvalue(), b.seek(-1, 2), b.read())
b.write("x")
)~",
     R"~(b'a' 1 b'bc' b'abc'
2 b'abcde' 4 b'e'
TypeError: a bytes-like object is required, not 'str'
)~"},
    {R"~(import io
b = io.BytesIO()
b.write(b"line1\nline2\n")
b.seek(0)
print(b.readline(), b.readlines(), list(io.BytesIO(b"x\ny")))
)~",
     R"~(b'line1\n' [b'line2\n'] [b'x\n', b'y']
)~"},
    {R"~(import io, sys
old = sys.stdout
sys.stdout = buf = io.StringIO()
print("captured", 1)
sys.stdout = old
print(repr(buf.getvalue()))
)~",
     R"~('captured 1\n'
)~"},
    {R"~(import io
print(io.SEEK_END, io.StringIO.__name__, type(io.BytesIO()).__name__, issubclass(io.UnsupportedOperation, OSError))
)~",
     R"~(2 StringIO BytesIO True
)~"},
};

class IoTest : public ScriptTest {
protected:
    testing::TempDir dir;
};

TEST_F(IoTest, Files) {
    check(kFileCases);
}
TEST_F(IoTest, StringIOAndBytesIO) {
    check(kMemoryIoCases);
}

TEST_F(IoTest, StdoutIsBufferedUntilFlush) {
    Ref stream(make_std_stream(ts, 1));
    ASSERT_TRUE(stream);
    FileObject* f = file_obj(*stream);
    out.clear();
    ASSERT_TRUE(file_write_text(ts, f, "partial"));
    if (!f->line_buffering && !f->write_through) {
        EXPECT_EQ(out, "");
    }
    ASSERT_TRUE(file_flush(ts, f));
    EXPECT_EQ(out, "partial");
}

TEST_F(IoTest, ReadLinesAcrossChunkBoundaries) {
    std::string program =
        "with open('big.txt', 'w') as f:\n"
        "    for i in range(3000):\n"
        "        f.write('line %d\\r\\n' % i)\n"
        "n = 0\n"
        "with open('big.txt') as f:\n"
        "    for line in f:\n"
        "        assert line == 'line %d\\n' % n, (n, line)\n"
        "        n += 1\n"
        "print(n)\n";
    EXPECT_EQ(run(program), "3000\n");
}

}  // namespace
}  // namespace gilt
