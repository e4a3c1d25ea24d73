// Tests for bytes and bytearray (runtime/bytes*.cpp, runtime/bytearray.cpp).
//
// Table rows {Python expression, expected repr or "Error: message"} run
// through MiniEval (mini_eval.hpp) and are re-checked against python3 by
// tests/unit/runtime/eval_tables.py; the mutating bytearray operations,
// which need statements, are tested through the C++ API.
#include <gtest/gtest.h>

#include <span>
#include <string>

#include "runtime/abstract.hpp"
#include "runtime/bytes.hpp"
#include "runtime/errors.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/range.hpp"
#include "runtime/str.hpp"
#include "tests/unit/runtime/mini_eval.hpp"

namespace gilt {
namespace {

struct Case {
    const char* expr;
    const char* expected;
};

constexpr Case kBytesCases[] = {
    {R"~(bytes())~", R"~(b'')~"},
    {R"~(bytes(3))~", R"~(b'\x00\x00\x00')~"},
    {R"~(bytes([1, 2, 255]))~", R"~(b'\x01\x02\xff')~"},
    {R"~(bytes(range(3)))~", R"~(b'\x00\x01\x02')~"},
    {R"~(bytes('é', 'utf-8'))~", R"~(b'\xc3\xa9')~"},
    {R"~(bytes('a'))~", R"~(TypeError: string argument without an encoding)~"},
    {R"~(bytes([256]))~", R"~(ValueError: bytes must be in range(0, 256))~"},
    {R"~(bytes(-1))~", R"~(ValueError: negative count)~"},
    {R"~(bytes(1.5))~", R"~(TypeError: cannot convert 'float' object to bytes)~"},
    {R"~(bytes(None))~", R"~(TypeError: cannot convert 'NoneType' object to bytes)~"},
    {R"~(bytes(1, 'utf-8'))~", R"~(TypeError: encoding without a string argument)~"},
    {R"~(bytes(['a']))~", R"~(TypeError: 'str' object cannot be interpreted as an integer)~"},
    {R"~(bytes(bytearray(b'ab')))~", R"~(b'ab')~"},
    {R"~(bytearray(3))~", R"~(bytearray(b'\x00\x00\x00'))~"},
    {R"~(bytearray([256]))~", R"~(ValueError: byte must be in range(0, 256))~"},
    {R"~(bytearray('a'))~", R"~(TypeError: string argument without an encoding)~"},
    {R"~(bytearray('é', 'utf-8'))~", R"~(bytearray(b'\xc3\xa9'))~"},
    {R"~(b'\x00\t\n\r\\\'"\x7f\x80\xff')~", R"~(b'\x00\t\n\r\\\'"\x7f\x80\xff')~"},
    {R"~(b"'")~", R"~(b"'")~"},
    {R"~(b'\'"')~", R"~(b'\'"')~"},
    {R"~(bytearray(b"'"))~", R"~(bytearray(b"\'"))~"},
    {R"~(bytearray(b'a"b'))~", R"~(bytearray(b'a"b'))~"},
    {R"~(repr(bytearray()))~", R"~("bytearray(b'')")~"},
    {R"~(b'abc'[1])~", R"~(98)~"},
    {R"~(b'abc'[-1])~", R"~(99)~"},
    {R"~(b'abc'[5])~", R"~(IndexError: index out of range)~"},
    {R"~(b'abc'[::-1])~", R"~(b'cba')~"},
    {R"~(b'abc'[1.5])~", R"~(TypeError: byte indices must be integers or slices, not float)~"},
    {R"~(bytearray(b'abc')[1:])~", R"~(bytearray(b'bc'))~"},
    {R"~(bytearray(b'abc')[5])~", R"~(IndexError: bytearray index out of range)~"},
    {R"~(bytearray(b'x')['a'])~",
     R"~(TypeError: bytearray indices must be integers or slices, not str)~"},
    {R"~(list(b'ab'))~", R"~([97, 98])~"},
    {R"~(list(bytearray(b'ab')))~", R"~([97, 98])~"},
    {R"~(len(b'abc'))~", R"~(3)~"},
    {R"~(b'a' + b'b')~", R"~(b'ab')~"},
    {R"~(b'a' + bytearray(b'b'))~", R"~(b'ab')~"},
    {R"~(bytearray(b'a') + b'b')~", R"~(bytearray(b'ab'))~"},
    {R"~(b'a' + 'a')~", R"~(TypeError: can't concat str to bytes)~"},
    {R"~(bytearray(b'a') + 'x')~", R"~(TypeError: can't concat str to bytearray)~"},
    {R"~(b'ab' * 3)~", R"~(b'ababab')~"},
    {R"~(2 * bytearray(b'x'))~", R"~(bytearray(b'xx'))~"},
    {R"~(b'a' * 1.5)~", R"~(TypeError: can't multiply sequence by non-int of type 'float')~"},
    {R"~(b'a' * 10**20)~", R"~(OverflowError: cannot fit 'int' into an index-sized integer)~"},
    {R"~(bytearray(b'a') * -1)~", R"~(bytearray(b''))~"},
    {R"~(b'abc'[10**20])~", R"~(IndexError: cannot fit 'int' into an index-sized integer)~"},
    {R"~(98 in b'abc')~", R"~(True)~"},
    {R"~(b'bc' in b'abc')~", R"~(True)~"},
    {R"~(300 in b'abc')~", R"~(ValueError: byte must be in range(0, 256))~"},
    {R"~('a' in b'abc')~", R"~(TypeError: a bytes-like object is required, not 'str')~"},
    {R"~(b'a' < b'b')~", R"~(True)~"},
    {R"~(b'a' == bytearray(b'a'))~", R"~(True)~"},
    {R"~(b'a' == 'a')~", R"~(False)~"},
    {R"~(b'ab' >= b'a')~", R"~(True)~"},
    {R"~(b'a' < 'a')~", R"~(TypeError: '<' not supported between instances of 'bytes' and 'str')~"},
    {R"~(hash(b'ab') == hash('ab'))~", R"~(True)~"},
    {R"~(hash(bytearray()))~", R"~(TypeError: unhashable type: 'bytearray')~"},
    {R"~(b'abc'.hex())~", R"~('616263')~"},
    {R"~(b'abc'.hex(':'))~", R"~('61:62:63')~"},
    {R"~(b'abcde'.hex(':', -2))~", R"~('6162:6364:65')~"},
    {R"~(b'abcde'.hex('-', 2))~", R"~('61-6263-6465')~"},
    {R"~(b'ab'.hex('::'))~", R"~(ValueError: sep must be length 1.)~"},
    {R"~(bytes.fromhex('61 62'))~", R"~(b'ab')~"},
    {R"~(bytearray.fromhex('6162'))~", R"~(bytearray(b'ab'))~"},
    {R"~(bytes.fromhex('6'))~",
     R"~(ValueError: non-hexadecimal number found in fromhex() arg at position 1)~"},
    {R"~(bytes.fromhex(' 61 6 2'))~",
     R"~(ValueError: non-hexadecimal number found in fromhex() arg at position 5)~"},
    {R"~(bytes.fromhex(1))~", R"~(TypeError: fromhex() argument must be str, not int)~"},
    {R"~(b'a b'.split())~", R"~([b'a', b'b'])~"},
    {R"~(b' a  b '.split(None, 1))~", R"~([b'a', b'b '])~"},
    {R"~(b'a,b'.split(b','))~", R"~([b'a', b'b'])~"},
    {R"~(b'aXbXc'.rsplit(b'X', 1))~", R"~([b'aXb', b'c'])~"},
    {R"~(bytearray(b'a,b').split(b','))~", R"~([bytearray(b'a'), bytearray(b'b')])~"},
    {R"~(b'a'.split('a'))~", R"~(TypeError: a bytes-like object is required, not 'str')~"},
    {R"~(b'a'.split(b''))~", R"~(ValueError: empty separator)~"},
    {R"~(b'  a '.strip())~", R"~(b'a')~"},
    {R"~(b'xxaxx'.strip(b'x'))~", R"~(b'a')~"},
    {R"~(b'a'.strip('a'))~", R"~(TypeError: a bytes-like object is required, not 'str')~"},
    {R"~(b'aaa'.replace(b'a', b'b', 2))~", R"~(b'bba')~"},
    {R"~(b'ab'.replace(b'', b'-'))~", R"~(b'-a-b-')~"},
    {R"~(b'abc'.find(b'c'))~", R"~(2)~"},
    {R"~(b'abc'.find(98))~", R"~(1)~"},
    {R"~(b'abc'.find('a'))~",
     R"~(TypeError: argument should be integer or bytes-like object, not 'str')~"},
    {R"~(b'abc'.find(300))~", R"~(ValueError: byte must be in range(0, 256))~"},
    {R"~(b'abc'.find(b'c', 1, 2))~", R"~(-1)~"},
    {R"~(b'abc'.rfind(b''))~", R"~(3)~"},
    {R"~(b'abc'.index(b'z'))~", R"~(ValueError: subsection not found)~"},
    {R"~(b'aaa'.count(b'a'))~", R"~(3)~"},
    {R"~(b'abc'.count(97))~", R"~(1)~"},
    {R"~(b'abc'.startswith((b'x', b'a')))~", R"~(True)~"},
    {R"~(b'abc'.endswith(b'bc', 0, 2))~", R"~(False)~"},
    {R"~(b'a'.startswith('a'))~",
     R"~(TypeError: startswith first arg must be bytes or a tuple of bytes, not str)~"},
    {R"~(b','.join([b'a', bytearray(b'b')]))~", R"~(b'a,b')~"},
    {R"~(bytearray(b'-').join([b'x', b'y']))~", R"~(bytearray(b'x-y'))~"},
    {R"~(b'a'.join(['a']))~",
     R"~(TypeError: sequence item 0: expected a bytes-like object, str found)~"},
    {R"~(b'abC dE'.upper())~", R"~(b'ABC DE')~"},
    {R"~(b'ABC'.lower())~", R"~(b'abc')~"},
    {R"~(b'hello world'.title())~", R"~(b'Hello World')~"},
    {R"~(b'HELLO'.capitalize())~", R"~(b'Hello')~"},
    {R"~(b'AbC'.swapcase())~", R"~(b'aBc')~"},
    {R"~(b'\xe9'.upper())~", R"~(b'\xe9')~"},
    {R"~(b'12'.isdigit())~", R"~(True)~"},
    {R"~(b''.isdigit())~", R"~(False)~"},
    {R"~(b'ab'.isalpha())~", R"~(True)~"},
    {R"~(b' \t'.isspace())~", R"~(True)~"},
    {R"~(b'Ab'.istitle())~", R"~(True)~"},
    {R"~(b'a,b,c'.partition(b','))~", R"~((b'a', b',', b'b,c'))~"},
    {R"~(b'abc'.rpartition(b'x'))~", R"~((b'', b'', b'abc'))~"},
    {R"~(b'a'.center(3))~", R"~(b' a ')~"},
    {R"~(b'a'.center(3, 'x'))~",
     R"~(TypeError: center() argument 2 must be a byte string of length 1, not str)~"},
    {R"~(b'-1'.zfill(4))~", R"~(b'-001')~"},
    {R"~(b'a\r\nb\rc'.splitlines(True))~", R"~([b'a\r\n', b'b\r', b'c'])~"},
    {R"~(b'a\tb'.expandtabs(4))~", R"~(b'a   b')~"},
    {R"~(b'abc'.translate(None, b'b'))~", R"~(b'ac')~"},
    {R"~(b'a'.translate(b'x'))~", R"~(ValueError: translation table must be 256 characters long)~"},
    {R"~(bytes.maketrans(b'a', b'bc'))~",
     R"~(ValueError: maketrans arguments must have same length)~"},
    {R"~(b'h\xc3\xa9'.decode())~", R"~('hé')~"},
    {R"~(b'h\xe9'.decode('latin-1'))~", R"~('hé')~"},
    {R"~(b'\xff\xfe'.decode())~",
     R"~(UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte)~"},
    {R"~(b'\xff'.decode('utf-8', 'replace'))~", R"~('�')~"},
    {R"~(b'a'.decode(1))~", R"~(TypeError: decode() argument 'encoding' must be str, not int)~"},
    {R"~(bytearray(b'ab').decode())~", R"~('ab')~"},
    {R"~(b'a'.upper(1))~", R"~(TypeError: bytes.upper() takes no arguments (1 given))~"},
    {R"~(bytearray(b'a').upper(1))~",
     R"~(TypeError: bytearray.upper() takes no arguments (1 given))~"},
    {R"~(b'a'.find())~", R"~(TypeError: find() takes at least 1 argument (0 given))~"},
    {R"~(b'%s|%b' % (b'a', bytearray(b'b')))~", R"~(b'a|b')~"},
    {R"~(b'%r %a' % ('é', b'x'))~", R"~(b"'\\xe9' b'x'")~"},
    {R"~(b'%c%c' % (65, b'B'))~", R"~(b'AB')~"},
    {R"~(b'%5s|%-3d|%x|%05.1f' % (b'ab', 7, 255, 2.25))~", R"~(b'   ab|7  |ff|002.2')~"},
    {R"~(bytearray(b'%d') % 5)~", R"~(bytearray(b'5'))~"},
    {R"~(b'%.1s' % b'abc')~", R"~(b'a')~"},
    {R"~(b'%(a)s' % {b'a': b'x'})~", R"~(b'x')~"},
    {R"~(b'%s' % 1)~",
     R"~(TypeError: %b requires a bytes-like object, or an object that implements __bytes__, not 'int')~"},
    {R"~(b'%s' % 'str')~",
     R"~(TypeError: %b requires a bytes-like object, or an object that implements __bytes__, not 'str')~"},
    {R"~(b'%c' % 256)~", R"~(OverflowError: %c arg not in range(256))~"},
    {R"~(b'%c' % b'ab')~", R"~(TypeError: %c requires an integer in range(256) or a single byte)~"},
    {R"~(b'%z' % 1)~", R"~(ValueError: unsupported format character 'z' (0x7a) at index 1)~"},
    {R"~(b'%s %s' % (b'a',))~", R"~(TypeError: not enough arguments for format string)~"},
    {R"~(b'%s' % (b'a', b'b'))~",
     R"~(TypeError: not all arguments converted during bytes formatting)~"},
    {R"~(b'\xff%s' % b'\xfe')~", R"~(b'\xff\xfe')~"},
};

class BytesTest : public ::testing::Test {
protected:
    Interpreter interp;
    ThreadState& ts = interp.main_thread();
    testing::MiniEval eval{ts};

    Ref ba(std::string_view data) { return Ref(make_bytearray(ts, data)); }
    std::string repr(Value v) {
        Ref r(obj_repr(ts, v));
        return r ? std::string(str_view(*r)) : eval.describe_exception();
    }
    std::string error() { return eval.describe_exception(); }
    // obj.name(args...) as "repr" or "Error: message".
    std::string call(Value obj, const char* name, std::initializer_list<Value> args) {
        Ref n(make_str(ts, name));
        Ref r(call_method(ts, obj, *n, args));
        return r ? repr(*r) : error();
    }
    Ref slice(int64_t start, int64_t stop, Value step = Value::none()) {
        return Ref(make_slice(ts, Value::small_int(start), Value::small_int(stop), step));
    }
};

TEST_F(BytesTest, Table) {
    for (const Case& c : kBytesCases)
        EXPECT_EQ(eval.run(c.expr), c.expected) << "expression: " << c.expr;
    EXPECT_FALSE(ts.has_exception());
}

TEST_F(BytesTest, MakeBytesAndHash) {
    Ref b(make_bytes(ts, std::string_view("a\0b", 3)));
    EXPECT_EQ(bytes_view(*b), std::string_view("a\0b", 3));
    EXPECT_EQ(as<BytesObject>(*b)->data[3], '\0');
    EXPECT_EQ(bytes_hash(*b), hash_bytes(std::string_view("a\0b", 3)));
    EXPECT_EQ(bytes_repr(std::string_view("a\0b", 3)), "b'a\\x00b'");
    EXPECT_EQ(bytes_repr(std::string_view("it's\0", 5), true), "b\"it\\'s\\x00\"");
}

TEST_F(BytesTest, BytesLikeView) {
    Ref b(make_bytes(ts, "xy"));
    Ref a = ba("z");
    std::string_view v;
    ASSERT_TRUE(bytes_like_view(ts, *b, &v));
    EXPECT_EQ(v, "xy");
    ASSERT_TRUE(bytes_like_view(ts, *a, &v));
    EXPECT_EQ(v, "z");
    Ref s(make_str(ts, "s"));
    EXPECT_FALSE(bytes_like_view(ts, *s, &v));
    EXPECT_EQ(error(), "TypeError: a bytes-like object is required, not 'str'");
}

TEST_F(BytesTest, ByteArrayItemAssignment) {
    Ref a = ba("abc");
    ASSERT_EQ(obj_setitem(ts, *a, Value::small_int(0), Value::small_int(122)), 0);
    ASSERT_EQ(obj_setitem(ts, *a, Value::small_int(-1), Value::small_int(65)), 0);
    EXPECT_EQ(repr(*a), "bytearray(b'zbA')");
    EXPECT_EQ(obj_setitem(ts, *a, Value::small_int(0), Value::small_int(300)), -1);
    EXPECT_EQ(error(), "ValueError: byte must be in range(0, 256)");
    EXPECT_EQ(obj_setitem(ts, *a, Value::small_int(5), Value::small_int(1)), -1);
    EXPECT_EQ(error(), "IndexError: bytearray index out of range");
    ASSERT_EQ(obj_delitem(ts, *a, Value::small_int(1)), 0);
    EXPECT_EQ(repr(*a), "bytearray(b'zA')");
}

TEST_F(BytesTest, ByteArraySliceAssignment) {
    // b = bytearray(b'abcdef'); b[1:3] = b'XYZW'; b[::2] = b'1234'; del b[::3]
    Ref a = ba("abcdef");
    Ref xyzw(make_bytes(ts, "XYZW"));
    ASSERT_EQ(obj_setitem(ts, *a, *slice(1, 3), *xyzw), 0);
    EXPECT_EQ(repr(*a), "bytearray(b'aXYZWdef')");
    Ref digits(make_bytes(ts, "1234"));
    Ref every2(make_slice(ts, Value::none(), Value::none(), Value::small_int(2)));
    ASSERT_EQ(obj_setitem(ts, *a, *every2, *digits), 0);
    EXPECT_EQ(repr(*a), "bytearray(b'1X2Z3d4f')");
    Ref every3(make_slice(ts, Value::none(), Value::none(), Value::small_int(3)));
    ASSERT_EQ(obj_delitem(ts, *a, *every3), 0);
    EXPECT_EQ(repr(*a), "bytearray(b'X23df')");
    Ref rev(make_slice(ts, Value::none(), Value::none(), Value::small_int(-2)));
    ASSERT_EQ(obj_delitem(ts, *a, *rev), 0);  // deletes f, 3, X
    EXPECT_EQ(repr(*a), "bytearray(b'2d')");
    ASSERT_EQ(obj_setitem(ts, *a, *slice(0, 3, Value::small_int(2)), *xyzw), -1);
    EXPECT_EQ(error(), "ValueError: attempt to assign bytes of size 4 to extended slice of size 1");
    ASSERT_EQ(obj_setitem(ts, *a, *slice(0, 1), Value::small_int(5)), -1);
    EXPECT_EQ(error(),
              "TypeError: can assign only bytes, buffers, or iterables of ints in range(0, 256)");
    ASSERT_EQ(obj_setitem(ts, *a, *slice(3, 3), *a), 0);  // b[3:3] = b
    EXPECT_EQ(repr(*a), "bytearray(b'2d2d')");
    ASSERT_EQ(obj_delitem(ts, *a, *slice(1, 5)), 0);
    EXPECT_EQ(repr(*a), "bytearray(b'2')");
}

TEST_F(BytesTest, ByteArrayMethods) {
    Ref a = ba("ab");
    EXPECT_EQ(call(*a, "append", {Value::small_int(99)}), "None");
    EXPECT_EQ(call(*a, "append", {Value::small_int(256)}),
              "ValueError: byte must be in range(0, 256)");
    Ref more(make_bytes(ts, "de"));
    EXPECT_EQ(call(*a, "extend", {*more}), "None");
    EXPECT_EQ(call(*a, "extend", {Value::small_int(5)}),
              "TypeError: can't extend bytearray with int");
    Ref r(make_range(ts, 102, 104, 1));
    EXPECT_EQ(call(*a, "extend", {*r}), "None");
    EXPECT_EQ(repr(*a), "bytearray(b'abcdefg')");
    EXPECT_EQ(call(*a, "pop", {}), "103");
    EXPECT_EQ(call(*a, "pop", {Value::small_int(0)}), "97");
    EXPECT_EQ(call(*a, "pop", {Value::small_int(10)}), "IndexError: pop index out of range");
    EXPECT_EQ(call(*a, "insert", {Value::small_int(-100), Value::small_int(65)}), "None");
    EXPECT_EQ(call(*a, "insert", {Value::small_int(100), Value::small_int(90)}), "None");
    EXPECT_EQ(repr(*a), "bytearray(b'AbcdefZ')");
    EXPECT_EQ(call(*a, "remove", {Value::small_int(100)}), "None");
    EXPECT_EQ(call(*a, "remove", {Value::small_int(100)}),
              "ValueError: value not found in bytearray");
    EXPECT_EQ(call(*a, "reverse", {}), "None");
    EXPECT_EQ(repr(*a), "bytearray(b'ZfecbA')");
    Ref copy(call_method(ts, *a, Ref(make_str(ts, "copy")).get(), {}));
    ASSERT_TRUE(copy);
    EXPECT_NE(*copy, *a);
    EXPECT_EQ(call(*a, "clear", {}), "None");
    EXPECT_EQ(repr(*a), "bytearray(b'')");
    EXPECT_EQ(call(*a, "pop", {}), "IndexError: pop from empty bytearray");
    EXPECT_EQ(repr(*copy), "bytearray(b'ZfecbA')");
    EXPECT_EQ(call(*copy, "insert", {Value::small_int(0)}),
              "TypeError: insert expected 2 arguments, got 1");
}

TEST_F(BytesTest, ByteArrayInPlaceOperators) {
    Ref a = ba("ab");
    Ref tail(make_bytes(ts, "!"));
    Ref r(inplace_op(ts, BinOp::Add, *a, *tail));
    ASSERT_TRUE(r);
    EXPECT_EQ(*r, *a);  // mutated in place
    EXPECT_EQ(repr(*a), "bytearray(b'ab!')");
    r = Ref(inplace_op(ts, BinOp::Mul, *a, Value::small_int(2)));
    ASSERT_TRUE(r);
    EXPECT_EQ(*r, *a);
    EXPECT_EQ(repr(*a), "bytearray(b'ab!ab!')");
    Ref s(make_str(ts, "x"));
    r = Ref(inplace_op(ts, BinOp::Add, *a, *s));
    EXPECT_TRUE(r.is_null());
    EXPECT_EQ(error(), "TypeError: can't concat str to bytearray");
}

TEST_F(BytesTest, ByteArrayIteratorSeesMutation) {
    Ref a = ba("abc");
    Ref it(obj_iter(ts, *a));
    Ref first(iter_next(ts, *it));
    EXPECT_EQ(*first, Value::small_int(97));
    ASSERT_EQ(obj_delitem(ts, *a, *slice(1, 3)), 0);  // shrink under the iterator
    EXPECT_TRUE(iter_next(ts, *it).is_null());
    EXPECT_FALSE(ts.has_exception());
}

TEST_F(BytesTest, ConstructorKeepsExactBytesIdentity) {
    Ref b(make_bytes(ts, "same"));
    Value args[] = {*b};
    Ref r(obj_call(ts, val(ts.types().bytes), Args{args, 1, nullptr}));
    EXPECT_EQ(*r, *b);
}

}  // namespace
}  // namespace gilt
