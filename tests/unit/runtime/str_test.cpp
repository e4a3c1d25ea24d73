// Tests for str (runtime/str*.cpp) and the Unicode helpers (runtime/unicode.cpp).
//
// Most cases are rows {Python expression, expected repr or "Error: message"}
// run by the MiniEval helper (mini_eval.hpp) through the real object
// protocol; tests/unit/runtime/eval_tables.py re-checks every row against
// python3 (CPython 3.11 is the reference). The rest test the C++ API
// directly: singletons, hashing, in-place append, decoding errors, the
// iterator, and reference counts.
#include <gtest/gtest.h>

#include <cstring>

#include <span>
#include <string>

#include "runtime/abstract.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "runtime/type.hpp"
#include "runtime/unicode.hpp"
#include "tests/unit/runtime/mini_eval.hpp"

namespace gilt {
namespace {

struct Case {
    const char* expr;
    const char* expected;
};

class StrTest : public ::testing::Test {
protected:
    Interpreter interp;
    ThreadState& ts = interp.main_thread();
    testing::MiniEval eval{ts};

    void check(std::span<const Case> cases) {
        for (const Case& c : cases)
            EXPECT_EQ(eval.run(c.expr), c.expected) << "expression: " << c.expr;
        EXPECT_FALSE(ts.has_exception());
    }
    // A new str owned by the caller's Ref.
    Ref s(std::string_view text) { return Ref(make_str(ts, text)); }
    std::string error() { return eval.describe_exception(); }
};

// --- methods ---

constexpr Case kMethodCases[] = {
    {R"~('  a  b '.split())~", R"~(['a', 'b'])~"},
    {R"~('a,,b'.split(','))~", R"~(['a', '', 'b'])~"},
    {R"~(''.split(','))~", R"~([''])~"},
    {R"~(''.split())~", R"~([])~"},
    {R"~('a b c'.split(None, 1))~", R"~(['a', 'b c'])~"},
    {R"~(' a b '.rsplit(None, 1))~", R"~([' a', 'b'])~"},
    {R"~('a,b,c'.rsplit(',', 1))~", R"~(['a,b', 'c'])~"},
    {R"~('a,b,c'.split(sep=',', maxsplit=1))~", R"~(['a', 'b,c'])~"},
    {R"~('1\x1f2\u3000 3'.split())~", R"~(['1', '2', '3'])~"},
    {R"~('a'.split(''))~", R"~(ValueError: empty separator)~"},
    {R"~('a'.split(1))~", R"~(TypeError: must be str or None, not int)~"},
    {R"~('a\r\nb\rc\n\nd'.splitlines())~", R"~(['a', 'b', 'c', '', 'd'])~"},
    {R"~('a\r\nb\rc\n'.splitlines(True))~", R"~(['a\r\n', 'b\r', 'c\n'])~"},
    {R"~('x\u2028y\x85z'.splitlines())~", R"~(['x', 'y', 'z'])~"},
    {R"~('-'.join(['a', 'b', 'c']))~", R"~('a-b-c')~"},
    {R"~(''.join([]))~", R"~('')~"},
    {R"~(''.join(['a', 1]))~", R"~(TypeError: sequence item 1: expected str instance, int found)~"},
    {R"~(', '.join(('x',)))~", R"~('x')~"},
    {R"~('a'.join(1))~", R"~(TypeError: can only join an iterable)~"},
    {R"~('xxhixx'.strip('x'))~", R"~('hi')~"},
    {R"~('  hi\t\n'.strip())~", R"~('hi')~"},
    {R"~('  hi  '.lstrip())~", R"~('hi  ')~"},
    {R"~('  hi  '.rstrip())~", R"~('  hi')~"},
    {R"~('\u3000hi\xa0'.strip())~", R"~('hi')~"},
    {R"~('héllo'.strip('hoé'))~", R"~('ll')~"},
    {R"~('a'.strip(1))~", R"~(TypeError: strip arg must be None or str)~"},
    {R"~('aaa'.replace('a', 'b', 2))~", R"~('bba')~"},
    {R"~('abc'.replace('', '-'))~", R"~('-a-b-c-')~"},
    {R"~('abc'.replace('', '-', 2))~", R"~('-a-bc')~"},
    {R"~('héllo'.replace('l', 'L'))~", R"~('héLLo')~"},
    {R"~('a'.replace('a', 'b', count=1))~",
     R"~(TypeError: str.replace() takes no keyword arguments)~"},
    {R"~('abcabc'.find('c'))~", R"~(2)~"},
    {R"~('abcabc'.find('c', 3))~", R"~(5)~"},
    {R"~('abcabc'.find('c', -100, 100))~", R"~(2)~"},
    {R"~('abc'.find('', 5))~", R"~(-1)~"},
    {R"~('abc'.find('', 3))~", R"~(3)~"},
    {R"~('abcabc'.rfind('b'))~", R"~(4)~"},
    {R"~('abcabc'.rfind('b', 0, 4))~", R"~(1)~"},
    {R"~('héllo wörld'.find('ö'))~", R"~(7)~"},
    {R"~('héllo wörld'.rfind('l'))~", R"~(9)~"},
    {R"~('héllo wörld'.find('l', 3))~", R"~(3)~"},
    {R"~('abc'.index('z'))~", R"~(ValueError: substring not found)~"},
    {R"~('abc'.rindex('a'))~", R"~(0)~"},
    {R"~('abc'.find(1))~", R"~(TypeError: must be str, not int)~"},
    {R"~('abc'.find())~", R"~(TypeError: find() takes at least 1 argument (0 given))~"},
    {R"~('abc'.find('a', 'x'))~",
     R"~(TypeError: slice indices must be integers or None or have an __index__ method)~"},
    {R"~('aaaa'.count('aa'))~", R"~(2)~"},
    {R"~('abc'.count(''))~", R"~(4)~"},
    {R"~('abc'.count('', 5))~", R"~(0)~"},
    {R"~('héllo'.count('l', 1, -1))~", R"~(2)~"},
    {R"~('hello'.startswith('he'))~", R"~(True)~"},
    {R"~('hello'.startswith(('x', 'h')))~", R"~(True)~"},
    {R"~('hello'.startswith('l', 2))~", R"~(True)~"},
    {R"~('abc'.startswith('', 3))~", R"~(True)~"},
    {R"~('abc'.startswith('', 4))~", R"~(False)~"},
    {R"~('hello'.endswith('llo', 0, 5))~", R"~(True)~"},
    {R"~('hello'.endswith(1))~",
     R"~(TypeError: endswith first arg must be str or a tuple of str, not int)~"},
    {R"~('hello'.startswith((1,)))~",
     R"~(TypeError: tuple for startswith must only contain str, not int)~"},
    {R"~('héllo'.upper())~", R"~('HÉLLO')~"},
    {R"~('ß'.upper())~", R"~('SS')~"},
    {R"~('ÀÉÎ'.lower())~", R"~('àéî')~"},
    {R"~('ΑΣ Σ'.lower())~", R"~('ας σ')~"},
    {R"~('ΣΑΣ'.lower())~", R"~('σας')~"},
    {R"~('İ'.lower())~", R"~('i̇')~"},
    {R"~("they're bill's".title())~", R"~("They'Re Bill'S")~"},
    {R"~('hello WORLD'.title())~", R"~('Hello World')~"},
    {R"~('ǆemal'.title())~", R"~('ǅemal')~"},
    {R"~('ﬁx'.capitalize())~", R"~('Fix')~"},
    {R"~('hELLO'.capitalize())~", R"~('Hello')~"},
    {R"~('aBc Ü'.swapcase())~", R"~('AbC ü')~"},
    {R"~('Straße'.casefold())~", R"~('strasse')~"},
    {R"~('٣4'.isdecimal())~", R"~(True)~"},
    {R"~('²'.isdigit())~", R"~(True)~"},
    {R"~('½'.isnumeric())~", R"~(True)~"},
    {R"~('½'.isdigit())~", R"~(False)~"},
    {R"~('abc'.isalpha())~", R"~(True)~"},
    {R"~('héllo'.isalpha())~", R"~(True)~"},
    {R"~(''.isalpha())~", R"~(False)~"},
    {R"~('a1'.isalnum())~", R"~(True)~"},
    {R"~(' \t\n'.isspace())~", R"~(True)~"},
    {R"~('ABC'.isupper())~", R"~(True)~"},
    {R"~('AbC'.isupper())~", R"~(False)~"},
    {R"~('abc1'.islower())~", R"~(True)~"},
    {R"~('Hello World'.istitle())~", R"~(True)~"},
    {R"~('Hello world'.istitle())~", R"~(False)~"},
    {R"~('ǅ'.istitle())~", R"~(True)~"},
    {R"~('_x1'.isidentifier())~", R"~(True)~"},
    {R"~('1x'.isidentifier())~", R"~(False)~"},
    {R"~('héllo'.isidentifier())~", R"~(True)~"},
    {R"~('abc'.isascii())~", R"~(True)~"},
    {R"~('é'.isascii())~", R"~(False)~"},
    {R"~('a\tb'.isprintable())~", R"~(False)~"},
    {R"~(''.isprintable())~", R"~(True)~"},
    {R"~('42'.zfill(5))~", R"~('00042')~"},
    {R"~('-42'.zfill(5))~", R"~('-0042')~"},
    {R"~('+x'.zfill(4))~", R"~('+00x')~"},
    {R"~('abc'.center(7, '*'))~", R"~('**abc**')~"},
    {R"~('abc'.center(6))~", R"~(' abc  ')~"},
    {R"~('ab'.center(5, 'é'))~", R"~('ééabé')~"},
    {R"~('abc'.ljust(5, '-'))~", R"~('abc--')~"},
    {R"~('abc'.rjust(5))~", R"~('  abc')~"},
    {R"~('abc'.center(5, 'ab'))~",
     R"~(TypeError: The fill character must be exactly one character long)~"},
    {R"~('abc'.center(5, 1))~",
     R"~(TypeError: The fill character must be a unicode character, not int)~"},
    {R"~('a'.center())~", R"~(TypeError: center expected at least 1 argument, got 0)~"},
    {R"~('a,b,c'.partition(','))~", R"~(('a', ',', 'b,c'))~"},
    {R"~('a,b,c'.rpartition(','))~", R"~(('a,b', ',', 'c'))~"},
    {R"~('abc'.partition('x'))~", R"~(('abc', '', ''))~"},
    {R"~('abc'.rpartition('x'))~", R"~(('', '', 'abc'))~"},
    {R"~('a'.partition(''))~", R"~(ValueError: empty separator)~"},
    {R"~('a\tbc\td'.expandtabs())~", R"~('a       bc      d')~"},
    {R"~('a\tbc\td'.expandtabs(4))~", R"~('a   bc  d')~"},
    {R"~('a\nb\tc'.expandtabs(2))~", R"~('a\nb c')~"},
    {R"~('héllo'.encode())~", R"~(b'h\xc3\xa9llo')~"},
    {R"~('héllo'.encode('latin-1'))~", R"~(b'h\xe9llo')~"},
    {R"~('héllo'.encode('ascii'))~",
     R"~(UnicodeEncodeError: 'ascii' codec can't encode character '\xe9' in position 1: ordinal not in range(128))~"},
    {R"~('héllo'.encode('ascii', 'replace'))~", R"~(b'h?llo')~"},
    {R"~('héllo'.encode('ascii', 'ignore'))~", R"~(b'hllo')~"},
    {R"~('h€é'.encode('ascii', 'backslashreplace'))~", R"~(b'h\\u20ac\\xe9')~"},
    {R"~('h€'.encode('ascii', 'xmlcharrefreplace'))~", R"~(b'h&#8364;')~"},
    {R"~('ab€€'.encode('latin-1'))~",
     R"~(UnicodeEncodeError: 'latin-1' codec can't encode characters in position 2-3: ordinal not in range(256))~"},
    {R"~('a'.encode('foo'))~", R"~(LookupError: unknown encoding: foo)~"},
    {R"~('a'.encode(errors='bad'))~", R"~(b'a')~"},
    {R"~('é'.encode('ascii', 'bad'))~", R"~(LookupError: unknown error handler name 'bad')~"},
    {R"~('prefix-x'.removeprefix('prefix-'))~", R"~('x')~"},
    {R"~('x.py'.removesuffix('.py'))~", R"~('x')~"},
    {R"~('x'.removeprefix(1))~", R"~(TypeError: removeprefix() argument must be str, not int)~"},
    {R"~('abc'.translate({97: 'AA', 98: None, 99: 100}))~", R"~('AAd')~"},
    {R"~('abc'.translate(str.maketrans('ab', 'xy', 'c')))~", R"~('xy')~"},
    {R"~(str.maketrans({'a': 1, 98: 'x'}))~", R"~({97: 1, 98: 'x'})~"},
    {R"~(str.maketrans('ab', 'c'))~",
     R"~(ValueError: the first two maketrans arguments must have equal length)~"},
    {R"~(str.maketrans({'ab': 1}))~",
     R"~(ValueError: string keys in translate table must be of length 1)~"},
    {R"~('a'.translate({97: 0x110000}))~",
     R"~(ValueError: character mapping must be in range(0x110000))~"},
    {R"~('a'.upper(1))~", R"~(TypeError: str.upper() takes no arguments (1 given))~"},
    {R"~('a'.zfill())~", R"~(TypeError: str.zfill() takes exactly one argument (0 given))~"},
};

TEST_F(StrTest, Methods) {
    check(kMethodCases);
}

// --- the object: indexing, slicing, operators, repr, constructor ---

constexpr Case kCoreCases[] = {
    {R"~('héllo wörld'[1])~", R"~('é')~"},
    {R"~('héllo wörld'[-4])~", R"~('ö')~"},
    {R"~('héllo wörld'[7:])~", R"~('örld')~"},
    {R"~('héllo wörld'[::-1])~", R"~('dlröw olléh')~"},
    {R"~('héllo wörld'[1:9:3])~", R"~('éoö')~"},
    {R"~('héllo wörld'[-2:2:-2])~", R"~('lö l')~"},
    {R"~(len('héllo wörld'))~", R"~(11)~"},
    {R"~('a😀b'[1])~", R"~('😀')~"},
    {R"~(len('a😀b'))~", R"~(3)~"},
    {R"~('a😀b😀'[::2])~", R"~('ab')~"},
    {R"~('a😀b'[-1:-4:-1])~", R"~('b😀a')~"},
    {R"~('abcdef'[::2])~", R"~('ace')~"},
    {R"~('abcdef'[4:1:-1])~", R"~('edc')~"},
    {R"~('abc'[5])~", R"~(IndexError: string index out of range)~"},
    {R"~('abc'[-4])~", R"~(IndexError: string index out of range)~"},
    {R"~('abc'[1.0])~", R"~(TypeError: string indices must be integers, not 'float')~"},
    {R"~('abc'['x'])~", R"~(TypeError: string indices must be integers, not 'str')~"},
    {R"~('abc'[True])~", R"~('b')~"},
    {R"~('abc'[10:])~", R"~('')~"},
    {R"~('abc'[:-10])~", R"~('')~"},
    {R"~('ab' + 'cd')~", R"~('abcd')~"},
    {R"~('a' + 1)~", R"~(TypeError: can only concatenate str (not "int") to str)~"},
    {R"~('ab' * 3)~", R"~('ababab')~"},
    {R"~(3 * 'ab')~", R"~('ababab')~"},
    {R"~('ab' * -1)~", R"~('')~"},
    {R"~('a' * 1.5)~", R"~(TypeError: can't multiply sequence by non-int of type 'float')~"},
    {R"~('a' * 'b')~", R"~(TypeError: can't multiply sequence by non-int of type 'str')~"},
    {R"~('a' * 10**20)~", R"~(OverflowError: cannot fit 'int' into an index-sized integer)~"},
    {R"~('abc'[10**20])~", R"~(IndexError: cannot fit 'int' into an index-sized integer)~"},
    {R"~('abc'[-1:10**20])~", R"~('c')~"},
    {R"~('bc' in 'abc')~", R"~(True)~"},
    {R"~('' in 'abc')~", R"~(True)~"},
    {R"~('😀' in 'a😀b')~", R"~(True)~"},
    {R"~(5 in 'abc')~", R"~(TypeError: 'in <string>' requires string as left operand, not int)~"},
    {R"~('abc' < 'abd')~", R"~(True)~"},
    {R"~('é' > 'z')~", R"~(True)~"},
    {R"~('a' == 'a')~", R"~(True)~"},
    {R"~('a' != 'b')~", R"~(True)~"},
    {R"~('abc' <= 'ab')~", R"~(False)~"},
    {R"~('a' < 1)~", R"~(TypeError: '<' not supported between instances of 'str' and 'int')~"},
    {R"~(repr('it\'s'))~", R"~('"it\'s"')~"},
    {R"~(repr("say \"hi\""))~", R"~('\'say "hi"\'')~"},
    {R"~(repr('both \' and "'))~", R"~('\'both \\\' and "\'')~"},
    {R"~(repr('tab\there\nnl\r\\'))~", R"~("'tab\\there\\nnl\\r\\\\'")~"},
    {R"~(repr('\x00\x1f\x7f'))~", R"~("'\\x00\\x1f\\x7f'")~"},
    {R"~(repr('é😀'))~", R"~("'é😀'")~"},
    {R"~(repr('\x85\xa0\u200b\U0001f600\ue000'))~", R"~("'\\x85\\xa0\\u200b😀\\ue000'")~"},
    {R"~(repr('\U000e0001'))~", R"~("'\\U000e0001'")~"},
    {R"~(ascii('é😀x'))~", R"~("'\\xe9\\U0001f600x'")~"},
    {R"~(str())~", R"~('')~"},
    {R"~(str(42))~", R"~('42')~"},
    {R"~(str(b'abc'))~", R"~("b'abc'")~"},
    {R"~(str(b'h\xc3\xa9', 'utf-8'))~", R"~('hé')~"},
    {R"~(str(b'h\xe9', 'latin-1'))~", R"~('hé')~"},
    {R"~(str(b'\xff', 'utf-8'))~",
     R"~(UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte)~"},
    {R"~(str(b'a\xe2\x82', 'utf-8'))~",
     R"~(UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 1-2: unexpected end of data)~"},
    {R"~(str(b'\xed\xa0\x80', 'utf-8'))~",
     R"~(UnicodeDecodeError: 'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte)~"},
    {R"~(str(b'\xc0\x80', 'utf-8'))~",
     R"~(UnicodeDecodeError: 'utf-8' codec can't decode byte 0xc0 in position 0: invalid start byte)~"},
    {R"~(str(b'a\xffb', 'utf-8', 'replace'))~", R"~('a�b')~"},
    {R"~(str(b'a\xffb', 'utf-8', 'ignore'))~", R"~('ab')~"},
    {R"~(str(b'a\xffb', 'utf-8', 'backslashreplace'))~", R"~('a\\xffb')~"},
    {R"~(str(b'\xe9', 'ascii'))~",
     R"~(UnicodeDecodeError: 'ascii' codec can't decode byte 0xe9 in position 0: ordinal not in range(128))~"},
    {R"~(str(b'a', 'foo'))~", R"~(LookupError: unknown encoding: foo)~"},
    {R"~(str('a', 'utf-8'))~", R"~(TypeError: decoding str is not supported)~"},
    {R"~(str(1, 'utf-8'))~",
     R"~(TypeError: decoding to str: need a bytes-like object, int found)~"},
    {R"~(b'\xe2\x82\xac'.decode())~", R"~('€')~"},
    {R"~(list('a😀b'))~", R"~(['a', '😀', 'b'])~"},
    {R"~(hash('abc') == hash('abc'))~", R"~(True)~"},
    {R"~(hash('') == hash(''))~", R"~(True)~"},
    {R"~('abc'.__getnewargs__())~", R"~(('abc',))~"},
};

TEST_F(StrTest, IndexingSlicingOperatorsReprConstructor) {
    check(kCoreCases);
}

// --- printf-style formatting ---

constexpr Case kPercentCases[] = {
    {R"~('%s and %r' % ('x', 'y'))~", R"~("x and 'y'")~"},
    {R"~('%d' % 42)~", R"~('42')~"},
    {R"~('%5d|%-5d|' % (3, 3))~", R"~('    3|3    |')~"},
    {R"~('%05d' % -42)~", R"~('-0042')~"},
    {R"~('%+d % d' % (5, 5))~", R"~('+5  5')~"},
    {R"~('%x %X %o' % (255, 255, 8))~", R"~('ff FF 10')~"},
    {R"~('%#x %#X %#o' % (255, 255, 8))~", R"~('0xff 0XFF 0o10')~"},
    {R"~('%#05x' % 255)~", R"~('0x0ff')~"},
    {R"~('%.3d' % -5)~", R"~('-005')~"},
    {R"~('%x' % -255)~", R"~('-ff')~"},
    {R"~('%d' % 2**70)~", R"~('1180591620717411303424')~"},
    {R"~('%x' % 2**70)~", R"~('400000000000000000')~"},
    {R"~('%d' % 3.9)~", R"~('3')~"},
    {R"~('%i' % True)~", R"~('1')~"},
    {R"~('%f' % 3.14159)~", R"~('3.141590')~"},
    {R"~('%.2f' % 2.675)~", R"~('2.67')~"},
    {R"~('%10.4f|' % -3.14159)~", R"~('   -3.1416|')~"},
    {R"~('%e' % 12345.678)~", R"~('1.234568e+04')~"},
    {R"~('%.0e' % 12345)~", R"~('1e+04')~"},
    {R"~('%E' % 0.000123)~", R"~('1.230000E-04')~"},
    {R"~('%g %g %g' % (1e20, 1e-5, 123.456))~", R"~('1e+20 1e-05 123.456')~"},
    {R"~('%#g' % 1.0)~", R"~('1.00000')~"},
    {R"~('%G' % 1e-20)~", R"~('1E-20')~"},
    {R"~('%F' % float('nan'))~", R"~('NAN')~"},
    {R"~('%05f' % float('inf'))~", R"~('00inf')~"},
    {R"~('%-+8.3e|' % 12.5)~", R"~('+1.250e+01|')~"},
    {R"~('%c%c' % (65, 'é'))~", R"~('Aé')~"},
    {R"~('%5c|' % 'x')~", R"~('    x|')~"},
    {R"~('%.2s' % 'abc')~", R"~('ab')~"},
    {R"~('%5.2s|%-5s|' % ('abc', 'ab'))~", R"~('   ab|ab   |')~"},
    {R"~('%a' % 'é')~", R"~("'\\xe9'")~"},
    {R"~('%*d|%-*d|' % (4, 1, 4, 2))~", R"~('   1|2   |')~"},
    {R"~('%.*f' % (2, 3.14159))~", R"~('3.14')~"},
    {R"~('%(a)s-%(b)d' % {'a': 'x', 'b': 2})~", R"~('x-2')~"},
    {R"~('%(a)s %%' % {'a': 1})~", R"~('1 %')~"},
    {R"~('%s' % [1, 2])~", R"~('[1, 2]')~"},
    {R"~('abc' % [1])~", R"~('abc')~"},
    {R"~('%s' % ((1, 2),))~", R"~('(1, 2)')~"},
    {R"~('100%%' % ())~", R"~('100%')~"},
    {R"~('%ld' % 5)~", R"~('5')~"},
    {R"~('%s %s' % (1,))~", R"~(TypeError: not enough arguments for format string)~"},
    {R"~('%s' % (1, 2))~", R"~(TypeError: not all arguments converted during string formatting)~"},
    {R"~('abc' % 5)~", R"~(TypeError: not all arguments converted during string formatting)~"},
    {R"~('%(a)s' % (1,))~", R"~(TypeError: format requires a mapping)~"},
    {R"~('%d' % 'x')~", R"~(TypeError: %d format: a real number is required, not str)~"},
    {R"~('%x' % 1.5)~", R"~(TypeError: %x format: an integer is required, not float)~"},
    {R"~('%f' % 'x')~", R"~(TypeError: must be real number, not str)~"},
    {R"~('%c' % 'ab')~", R"~(TypeError: %c requires int or char)~"},
    {R"~('%c' % 1114112)~", R"~(OverflowError: %c arg not in range(0x110000))~"},
    {R"~('%z' % 1)~", R"~(ValueError: unsupported format character 'z' (0x7a) at index 1)~"},
    {R"~('%' % ())~", R"~(ValueError: incomplete format)~"},
    {R"~('%(a' % {'a': 1})~", R"~(ValueError: incomplete format key)~"},
    {R"~('%*d' % ('x', 1))~", R"~(TypeError: * wants int)~"},
    {R"~('%5%' % (1,))~", R"~(ValueError: unsupported format character '%' (0x25) at index 2)~"},
};

TEST_F(StrTest, PercentFormatting) {
    check(kPercentCases);
}

// --- str.format and format(str, spec) ---

constexpr Case kFormatCases[] = {
    {R"~('{} {}'.format(1, 'a'))~", R"~('1 a')~"},
    {R"~('{1}{0}{1}'.format('a', 'b'))~", R"~('bab')~"},
    {R"~('{x}-{y}'.format(x=1, y=2))~", R"~('1-2')~"},
    {R"~('{0.real}'.format(5))~", R"~('5')~"},
    {R"~('{0[1]}{0[0]}'.format('ab'))~", R"~('ba')~"},
    {R"~('{d[k]}'.format(d={'k': 'v'}))~", R"~('v')~"},
    {R"~('{!r}'.format('a'))~", R"~("'a'")~"},
    {R"~('{!s}'.format(1.5))~", R"~('1.5')~"},
    {R"~('{!a}'.format('é'))~", R"~("'\\xe9'")~"},
    {R"~('{:>5}|{:<5}|{:^5}'.format('a', 'b', 'c'))~", R"~('    a|b    |  c  ')~"},
    {R"~('{:*^9}'.format('mid'))~", R"~('***mid***')~"},
    {R"~('{:.2}'.format('abcdef'))~", R"~('ab')~"},
    {R"~('{:{w}.{p}}'.format('abcdef', w=6, p=3))~", R"~('abc   ')~"},
    {R"~('{0:{1}}'.format('x', 4))~", R"~('x   ')~"},
    {R"~('{{}} {{{}}}'.format(1))~", R"~('{} {1}')~"},
    {R"~('{:5d}|{:<6.2f}|{:x}'.format(42, 3.14159, 255))~", R"~('   42|3.14  |ff')~"},
    {R"~('{:,}'.format(1234567))~", R"~('1,234,567')~"},
    {R"~('{0}{0}'.format('é'))~", R"~('éé')~"},
    {R"~('{:é^5}'.format('x'))~", R"~('ééxéé')~"},
    {R"~('{a}{b}'.format_map({'a': 1, 'b': 2}))~", R"~('12')~"},
    {R"~('{1}'.format(1))~",
     R"~(IndexError: Replacement index 1 out of range for positional args tuple)~"},
    {R"~('{a}'.format(1))~", R"~(KeyError: 'a')~"},
    {R"~('{0}{}'.format(1, 2))~",
     R"~(ValueError: cannot switch from manual field specification to automatic field numbering)~"},
    {R"~('{}{0}'.format(1, 2))~",
     R"~(ValueError: cannot switch from automatic field numbering to manual field specification)~"},
    {R"~('{'.format())~", R"~(ValueError: Single '{' encountered in format string)~"},
    {R"~('}'.format())~", R"~(ValueError: Single '}' encountered in format string)~"},
    {R"~('{0!x}'.format(1))~", R"~(ValueError: Unknown conversion specifier x)~"},
    {R"~('{:d}'.format('x'))~",
     R"~(ValueError: Unknown format code 'd' for object of type 'str')~"},
    {R"~('{0.nope}'.format(1))~", R"~(AttributeError: 'int' object has no attribute 'nope')~"},
    {R"~('{0[a]}'.format({}))~", R"~(KeyError: 'a')~"},
    {R"~('{0'.format(1))~", R"~(ValueError: expected '}' before end of string)~"},
    {R"~('{0!}'.format(1))~", R"~(ValueError: unmatched '{' in format spec)~"},
    {R"~('{0:{1:{2}}}'.format(1, 2, 3))~", R"~(ValueError: Max string recursion exceeded)~"},
    {R"~(format('abc', '>10'))~", R"~('       abc')~"},
    {R"~(format('abc', '.1'))~", R"~('a')~"},
    {R"~(format('abc', '010'))~", R"~('abc0000000')~"},
    {R"~(format('abc', '=5'))~",
     R"~(ValueError: '=' alignment not allowed in string format specifier)~"},
    {R"~(format('abc', '+'))~", R"~(ValueError: Sign not allowed in string format specifier)~"},
    {R"~(format('abc', ' '))~", R"~(ValueError: Space not allowed in string format specifier)~"},
    {R"~(format('abc', ','))~", R"~(ValueError: Cannot specify ',' with 's'.)~"},
    {R"~(format('abc', '#'))~",
     R"~(ValueError: Alternate form (#) not allowed in string format specifier)~"},
    {R"~(format('abc', 'z'))~",
     R"~(ValueError: Negative zero coercion (z) not allowed in string format specifier)~"},
    {R"~(format('abc', 'c'))~",
     R"~(ValueError: Unknown format code 'c' for object of type 'str')~"},
    {R"~(format('abc', ''))~", R"~('abc')~"},
};

TEST_F(StrTest, FormatMethodAndSpec) {
    check(kFormatCases);
}

// --- the C++ API ---

TEST_F(StrTest, MakeStrCountsCodePointsAndFlagsAscii) {
    Ref a = s("hello");
    EXPECT_EQ(str_len(*a), 5u);
    EXPECT_TRUE(str_is_ascii(*a));
    Ref b = s("h\xc3\xa9llo \xf0\x9f\x98\x80");  // "héllo 😀"
    EXPECT_EQ(str_len(*b), 7u);
    EXPECT_EQ(str_obj(*b)->byte_len, 11u);
    EXPECT_FALSE(str_is_ascii(*b));
    EXPECT_EQ(str_obj(*b)->data[11], '\0');
}

TEST_F(StrTest, EmptyAndOneCharStringsAreSingletons) {
    Ref e1 = s(""), e2 = s("");
    EXPECT_EQ(*e1, *e2);
    EXPECT_EQ(*e1, interp.empty_str);
    Ref x = s("x");
    EXPECT_EQ(*x, interp.one_char_strs['x']);
    Ref abc = s("abc");
    Ref c(str_getchar(ts, *abc, 2));
    EXPECT_EQ(*c, interp.one_char_strs['c']);
    Ref sl(str_slice(ts, *abc, 1, 2, 1));
    EXPECT_EQ(*sl, interp.one_char_strs['b']);
    Ref cp(str_from_codepoint(ts, 'q'));
    EXPECT_EQ(*cp, interp.one_char_strs['q']);
}

TEST_F(StrTest, HashIsCachedConsistentAndNeverMinusOne) {
    Ref a = s("spam"), b = s("spam"), c = s("eggs");
    EXPECT_EQ(str_obj(*a)->hash, -1);
    int64_t h = str_hash(*a);
    EXPECT_NE(h, -1);
    EXPECT_EQ(str_obj(*a)->hash, h);
    EXPECT_EQ(str_hash(*b), h);
    EXPECT_NE(str_hash(*c), h);
    EXPECT_EQ(hash_bytes("spam"), h);  // bytes hash the same way
    for (int i = 0; i < 1000; ++i) EXPECT_NE(hash_bytes(std::to_string(i)), -1);
}

TEST_F(StrTest, HashOfShortTailsIsStable) {
    // The tail of 1 to 7 bytes is assembled without memcpy; these values are
    // the ones the memcpy version gave, so dict and set orders do not move.
    EXPECT_EQ(hash_bytes("a"), 8486461483831537131);
    EXPECT_EQ(hash_bytes("ab"), -8866119254695463152);
    EXPECT_EQ(hash_bytes("abc"), -2149940379307879188);
    EXPECT_EQ(hash_bytes("abcd"), 6741023095340274514);
    EXPECT_EQ(hash_bytes("abcde"), 6588826220197197974);
    EXPECT_EQ(hash_bytes("abcdef"), -3302153424655817333);
    EXPECT_EQ(hash_bytes("abcdefg"), -7146785969706770537);
    EXPECT_EQ(hash_bytes("abcdefghi"), -4547469160020307205);
}

TEST_F(StrTest, CopyStrBytesMatchesMemcpyForEveryShortLength) {
    std::string src;
    for (int i = 0; i < 40; ++i) src.push_back(static_cast<char>('A' + i));
    for (size_t n = 0; n <= 33; ++n) {
        std::string want(40, '.'), got(40, '.');
        std::memcpy(want.data() + 3, src.data() + 1, n);
        copy_str_bytes(got.data() + 3, src.data() + 1, n);
        EXPECT_EQ(got, want) << "n=" << n;
    }
}

TEST_F(StrTest, EqualityUsesContentNotIdentity) {
    Ref a = s("h\xc3\xa9"), b = s("h\xc3\xa9"), c = s("he");
    EXPECT_NE(*a, *b);
    EXPECT_TRUE(str_eq(*a, *b));
    EXPECT_FALSE(str_eq(*a, *c));
    str_hash(*a);
    str_hash(*c);
    EXPECT_FALSE(str_eq(*a, *c));
}

TEST_F(StrTest, WholeSliceOfExactStrIsTheSameObject) {
    Ref a = s("abcdef");
    uint32_t before = a.get().as_object()->refcnt;
    Ref same(str_slice(ts, *a, 0, 6, 1));
    EXPECT_EQ(*same, *a);
    EXPECT_EQ(a.get().as_object()->refcnt, before + 1);
}

TEST_F(StrTest, AppendInPlaceReusesAnUnsharedString) {
    Value v = make_str(ts, "ab");
    Ref tail = s("c\xc3\xa9");
    ASSERT_TRUE(str_append_inplace(ts, &v, *tail));
    EXPECT_EQ(str_view(v), "abc\xc3\xa9");
    EXPECT_EQ(str_len(v), 4u);
    EXPECT_FALSE(str_is_ascii(v));
    ASSERT_TRUE(str_append_inplace(ts, &v, v));  // s += s
    EXPECT_EQ(str_view(v),
              "abc\xc3\xa9"
              "abc\xc3\xa9");
    EXPECT_EQ(str_len(v), 8u);
    Ref keep = Ref::borrow(v);  // shared now: the append must copy
    ASSERT_TRUE(str_append_inplace(ts, &v, *tail));
    EXPECT_NE(v, *keep);
    EXPECT_EQ(str_view(*keep),
              "abc\xc3\xa9"
              "abc\xc3\xa9");
    EXPECT_EQ(str_len(v), 10u);
    decref(v);
}

TEST_F(StrTest, RepeatRefusesHugeResults) {
    // As in CPython: a size that fits in sys.maxsize but cannot be
    // allocated is a MemoryError; one past sys.maxsize an OverflowError.
    Ref a = s("ab");
    Ref r(str_repeat(ts, *a, int64_t(1) << 60));
    EXPECT_TRUE(r.is_null());
    EXPECT_EQ(error().substr(0, 11), "MemoryError");
    Ref r2(str_repeat(ts, *a, int64_t(1) << 62));
    EXPECT_TRUE(r2.is_null());
    EXPECT_EQ(error(), "OverflowError: repeated string is too long");
}

TEST_F(StrTest, IteratorYieldsCodePointsAndLengthHint) {
    Ref a = s("a\xc3\xa9\xf0\x9f\x98\x80");  // "aé😀"
    Ref it(obj_iter(ts, *a));
    ASSERT_TRUE(it);
    const char* expected[] = {"a", "\xc3\xa9", "\xf0\x9f\x98\x80"};
    for (const char* e : expected) {
        Ref c(iter_next(ts, *it));
        ASSERT_TRUE(c);
        EXPECT_EQ(str_view(*c), e);
        EXPECT_EQ(str_len(*c), 1u);
    }
    EXPECT_TRUE(iter_next(ts, *it).is_null());
    EXPECT_FALSE(ts.has_exception());
    EXPECT_TRUE(iter_next(ts, *it).is_null());  // stays exhausted
}

TEST_F(StrTest, ReprAndAsciiEscape) {
    EXPECT_EQ(str_repr("it's"), "\"it's\"");
    EXPECT_EQ(str_repr("a\x01"
                       "b"),
              "'a\\x01b'");
    EXPECT_EQ(str_repr("\xe2\x80\xa8"), "'\\u2028'");  // LINE SEPARATOR is not printable
    EXPECT_EQ(ascii_escape("x\xc3\xa9\xf0\x9f\x98\x80"), "x\\xe9\\U0001f600");
}

TEST_F(StrTest, DecodeReportsCPythonRanges) {
    Ref r(str_decode(ts, "ab\xe2\x28\xa1", "utf-8", "strict"));
    EXPECT_TRUE(r.is_null());
    EXPECT_EQ(error(),
              "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe2 in position 2: invalid "
              "continuation byte");
    r = Ref(str_decode(ts, "\xe2\x82\x28", "UTF-8", "strict"));
    EXPECT_EQ(error(),
              "UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 0-1: invalid "
              "continuation byte");
    r = Ref(str_decode(ts, "\xf4\x90\x80\x80", "utf8", "strict"));  // above U+10FFFF
    EXPECT_EQ(error(),
              "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xf4 in position 0: invalid "
              "continuation byte");
    r = Ref(str_decode(ts, "a\xe2\x82\x28z\xff", "utf-8", "replace"));
    ASSERT_TRUE(r);
    EXPECT_EQ(str_view(*r), "a\xef\xbf\xbd(z\xef\xbf\xbd");
    EXPECT_EQ(str_len(*r), 5u);
    r = Ref(str_decode(ts, "caf\xe9", "Latin_1", "strict"));
    ASSERT_TRUE(r);
    EXPECT_EQ(str_view(*r), "caf\xc3\xa9");
}

TEST_F(StrTest, Utf8Helpers) {
    std::string_view v = "a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80";  // a é € 😀
    EXPECT_EQ(utf8_count(v), 4u);
    EXPECT_EQ(utf8_offset(v, 4, 0), 0u);
    EXPECT_EQ(utf8_offset(v, 4, 2), 3u);
    EXPECT_EQ(utf8_offset(v, 4, 3), 6u);
    EXPECT_EQ(utf8_offset(v, 4, 4), 10u);
    uint32_t cp;
    EXPECT_EQ(utf8_decode_back(v.data(), v.data() + v.size(), &cp), 4);
    EXPECT_EQ(cp, 0x1F600u);
    EXPECT_TRUE(utf8_valid(v));
    EXPECT_FALSE(utf8_valid("\xc0\x80"));
    EXPECT_FALSE(utf8_valid("\xed\xa0\x80"));  // a surrogate
    char buf[4];
    EXPECT_EQ(utf8_encode(0x20AC, buf), 3);
    EXPECT_EQ(std::string_view(buf, 3), "\xe2\x82\xac");
}

TEST_F(StrTest, UnicodeProperties) {
    EXPECT_TRUE(uc_isalpha(0x3B1));  // α
    EXPECT_TRUE(uc_isupper(0x391));  // Α
    EXPECT_EQ(uc_to_lower(0x391), 0x3B1u);
    EXPECT_TRUE(uc_isspace(0x3000));
    EXPECT_FALSE(uc_isprintable(0x200B));  // ZERO WIDTH SPACE
    EXPECT_TRUE(uc_isprintable(0x1F600));
    EXPECT_EQ(uc_decimal_value(0x663), 3);  // ARABIC-INDIC DIGIT THREE
    EXPECT_EQ(uc_decimal_value(0xB2), -1);  // SUPERSCRIPT TWO: a digit, not decimal
    uint32_t out[3];
    ASSERT_EQ(uc_upper_full(0xDF, out), 2);  // ß -> SS
    EXPECT_EQ(out[0], uint32_t('S'));
    EXPECT_TRUE(uc_is_xid_start('_'));
    EXPECT_FALSE(uc_is_xid_start('1'));
    EXPECT_TRUE(uc_is_xid_continue('1'));
}

// split() and strip() test ASCII bytes with ascii_isspace(), not the table.
TEST_F(StrTest, AsciiIsspaceAgreesWithTable) {
    for (uint32_t c = 0; c < 256; ++c) {
        bool want = c < 128 && uc_isspace(c);
        EXPECT_EQ(ascii_isspace(static_cast<unsigned char>(c)), want) << c;
    }
}

TEST_F(StrTest, FormatSpecDirect) {
    Ref a = s("h\xc3\xa9llo");
    Ref r(str_format_spec(ts, *a, "*^9.3"));
    ASSERT_TRUE(r);
    EXPECT_EQ(str_view(*r), "***h\xc3\xa9l***");
    Ref same(str_format_spec(ts, *a, ""));
    EXPECT_EQ(*same, *a);
}

TEST_F(StrTest, MethodsLeaveNoExceptionAndKeepRefcounts) {
    Ref a = s("a,b");
    uint32_t before = a.get().as_object()->refcnt;
    EXPECT_EQ(eval.run("'a,b'.split(',')"), "['a', 'b']");
    Ref sep = s(",");
    Ref parts(call_method(ts, *a, Ref(make_str(ts, "split")).get(), {*sep}));
    ASSERT_TRUE(parts);
    parts.reset();
    EXPECT_EQ(a.get().as_object()->refcnt, before);
    EXPECT_FALSE(ts.has_exception());
}

TEST_F(StrTest, SubclassInstancesBehaveAsStr) {
    // class S(str): pass
    Ref name = s("S");
    Ref bases(tuple_pack(ts, {val(ts.types().str)}));
    Ref dict(dict_new(ts));
    Ref cls(type_new_class(ts, ts.types().type, *name, *bases, *dict));
    ASSERT_TRUE(cls);
    Ref text = s("h\xc3\xa9");
    Value argv[] = {*text};
    Ref inst(obj_call(ts, *cls, Args{argv, 1, nullptr}));
    ASSERT_TRUE(inst);
    EXPECT_EQ(type_of(ts, *inst), as<TypeObject>(*cls));
    EXPECT_TRUE(is_str(ts, *inst));
    EXPECT_FALSE(is_exact_str(ts, *inst));
    EXPECT_EQ(str_len(*inst), 2u);
    Ref upper(call_method(ts, *inst, Ref(make_str(ts, "upper")).get(), {}));
    ASSERT_TRUE(upper);
    EXPECT_TRUE(is_exact_str(ts, *upper));
    EXPECT_EQ(str_view(*upper), "H\xc3\x89");
    Ref plain(obj_str(ts, *inst));
    ASSERT_TRUE(plain);
    EXPECT_TRUE(is_exact_str(ts, *plain));
    EXPECT_EQ(obj_eq(ts, *inst, *text), 1);
    int64_t h1, h2;
    ASSERT_TRUE(obj_hash(ts, *inst, &h1));
    ASSERT_TRUE(obj_hash(ts, *text, &h2));
    EXPECT_EQ(h1, h2);
    Ref whole(str_slice(ts, *inst, 0, 2, 1));  // never the subclass instance itself
    EXPECT_TRUE(is_exact_str(ts, *whole));
    Ref r(obj_repr(ts, *inst));
    ASSERT_TRUE(r);
    EXPECT_EQ(str_view(*r), "'h\xc3\xa9'");
}

}  // namespace
}  // namespace gilt
