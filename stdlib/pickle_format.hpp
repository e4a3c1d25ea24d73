// The pickle wire format, shared by the pickler (pickle_dump.cpp) and the
// unpickler (pickle_load.cpp) of the native `_pickle` module.
//
// A pickle is a program for a small stack machine. Each instruction is one
// opcode byte followed by its argument; the machine has a stack of values,
// a stack of marks (positions in the value stack where a variable-length
// group begins) and a memo (an int-indexed table of values already built,
// which is how shared and recursive references travel). STOP ends the
// program and its result is the top of the stack.
//
// Protocols (the PROTO opcode opens every pickle of protocol 2 and up):
//   0  text: arguments are decimal or repr text ended by '\n' (INT, LONG,
//      FLOAT, UNICODE in raw-unicode-escape, GET/PUT with decimal indices).
//   1  binary arguments: little-endian fixed-width ints (BININT, BINPUT),
//      length-prefixed strings (BINUNICODE), big-endian IEEE doubles.
//   2  NEWOBJ (cls.__new__(cls, *args)), TUPLE1-3, NEWTRUE/NEWFALSE,
//      LONG1/LONG4 (two's complement little-endian bytes).
//   3  BINBYTES / SHORT_BINBYTES: bytes travel as themselves.
//   4  FRAME (an 8-byte length of a block of opcodes, so a reader can fetch
//      the block at once), SHORT_BINUNICODE, BINUNICODE8/BINBYTES8,
//      EMPTY_SET/ADDITEMS/FROZENSET, NEWOBJ_EX, STACK_GLOBAL (module and
//      qualified name taken from the stack) and MEMOIZE (memo index is the
//      memo's size, so no index is written).
//   5  BYTEARRAY8, NEXT_BUFFER / READONLY_BUFFER (out-of-band buffers).
//
// Framing, as CPython writes it: after PROTO a frame is opened; whenever a
// frame holds at least kFrameSizeTarget bytes at an opcode boundary it is
// closed and a new one begins; a frame of fewer than kFrameSizeMin bytes
// loses its FRAME header; a str/bytes payload of kFrameSizeTarget bytes or
// more is written outside any frame.
//
// Objects are rebuilt either by dedicated opcodes (the builtin containers
// and scalars) or by the reduce protocol: a callable and its arguments
// (REDUCE), optionally followed by state (BUILD: __setstate__ or a dict
// update), list items (APPENDS) and dict items (SETITEMS). Classes and
// functions travel by name (GLOBAL / STACK_GLOBAL) and the unpickler's
// find_class() decides what a name may resolve to.
//
// The opcode table below is the single list of opcodes: name, byte, the
// protocol that introduced it, and what its argument is.
#pragma once

#include <cstdint>

namespace gilt::pickle {

inline constexpr int kHighestProtocol = 5;
inline constexpr int kDefaultProtocol = 4;
inline constexpr uint64_t kFrameSizeTarget = 64 * 1024;
inline constexpr uint64_t kFrameSizeMin = 4;
inline constexpr uint64_t kFrameHeaderSize = 9;  // FRAME + 8-byte length
inline constexpr int kBatchSize = 1000;          // items per APPENDS/SETITEMS/ADDITEMS

// X(NAME, byte, protocol, argument)
#define GILT_PICKLE_OPCODES(X)                                             \
    X(MARK, '(', 0, "none: push a mark")                                   \
    X(STOP, '.', 0, "none: end, result is the top of the stack")           \
    X(POP, '0', 0, "none: discard the top of the stack")                   \
    X(POP_MARK, '1', 1, "none: discard up to the topmost mark")            \
    X(DUP, '2', 0, "none: push the top again")                             \
    X(FLOAT, 'F', 0, "decimal text line")                                  \
    X(INT, 'I', 0, "decimal text line; I01/I00 are True/False")            \
    X(BININT, 'J', 1, "4-byte signed")                                     \
    X(BININT1, 'K', 1, "1-byte unsigned")                                  \
    X(LONG, 'L', 0, "decimal text line, optional trailing L")              \
    X(BININT2, 'M', 1, "2-byte unsigned")                                  \
    X(NONE, 'N', 0, "none")                                                \
    X(PERSID, 'P', 0, "text line: persistent id")                          \
    X(BINPERSID, 'Q', 1, "none: persistent id from the stack")             \
    X(REDUCE, 'R', 0, "none: callable(*args)")                             \
    X(STRING, 'S', 0, "quoted repr line of a Python 2 str")                \
    X(BINSTRING, 'T', 1, "4-byte length + Python 2 str")                   \
    X(SHORT_BINSTRING, 'U', 1, "1-byte length + Python 2 str")             \
    X(UNICODE, 'V', 0, "raw-unicode-escape text line")                     \
    X(BINUNICODE, 'X', 1, "4-byte length + UTF-8")                         \
    X(APPEND, 'a', 0, "none: list.append(top)")                            \
    X(BUILD, 'b', 0, "none: __setstate__(state) or dict update")           \
    X(GLOBAL, 'c', 0, "two text lines: module, name")                      \
    X(DICT, 'd', 0, "none: dict from the pairs above the mark")            \
    X(EMPTY_DICT, '}', 1, "none")                                          \
    X(APPENDS, 'e', 1, "none: list.extend(items above the mark)")          \
    X(GET, 'g', 0, "decimal text line: memo index")                        \
    X(BINGET, 'h', 1, "1-byte memo index")                                 \
    X(INST, 'i', 0, "two text lines: module, name; args above the mark")   \
    X(LONG_BINGET, 'j', 1, "4-byte memo index")                            \
    X(LIST, 'l', 0, "none: list of the items above the mark")              \
    X(EMPTY_LIST, ']', 1, "none")                                          \
    X(OBJ, 'o', 1, "none: class and args above the mark")                  \
    X(PUT, 'p', 0, "decimal text line: memo index")                        \
    X(BINPUT, 'q', 1, "1-byte memo index")                                 \
    X(LONG_BINPUT, 'r', 1, "4-byte memo index")                            \
    X(SETITEM, 's', 0, "none: d[key] = value")                             \
    X(TUPLE, 't', 0, "none: tuple of the items above the mark")            \
    X(EMPTY_TUPLE, ')', 1, "none")                                         \
    X(SETITEMS, 'u', 1, "none: key/value pairs above the mark")            \
    X(BINFLOAT, 'G', 1, "8-byte big-endian IEEE double")                   \
    X(PROTO, '\x80', 2, "1-byte protocol number")                          \
    X(NEWOBJ, '\x81', 2, "none: cls.__new__(cls, *args)")                  \
    X(EXT1, '\x82', 2, "1-byte extension code")                            \
    X(EXT2, '\x83', 2, "2-byte extension code")                            \
    X(EXT4, '\x84', 2, "4-byte extension code")                            \
    X(TUPLE1, '\x85', 2, "none")                                           \
    X(TUPLE2, '\x86', 2, "none")                                           \
    X(TUPLE3, '\x87', 2, "none")                                           \
    X(NEWTRUE, '\x88', 2, "none")                                          \
    X(NEWFALSE, '\x89', 2, "none")                                         \
    X(LONG1, '\x8a', 2, "1-byte length + two's complement bytes")          \
    X(LONG4, '\x8b', 2, "4-byte length + two's complement bytes")          \
    X(BINBYTES, 'B', 3, "4-byte length + bytes")                           \
    X(SHORT_BINBYTES, 'C', 3, "1-byte length + bytes")                     \
    X(SHORT_BINUNICODE, '\x8c', 4, "1-byte length + UTF-8")                \
    X(BINUNICODE8, '\x8d', 4, "8-byte length + UTF-8")                     \
    X(BINBYTES8, '\x8e', 4, "8-byte length + bytes")                       \
    X(EMPTY_SET, '\x8f', 4, "none")                                        \
    X(ADDITEMS, '\x90', 4, "none: set.update(items above the mark)")       \
    X(FROZENSET, '\x91', 4, "none: frozenset of the items above the mark") \
    X(NEWOBJ_EX, '\x92', 4, "none: cls.__new__(cls, *args, **kwargs)")     \
    X(STACK_GLOBAL, '\x93', 4, "none: module and name from the stack")     \
    X(MEMOIZE, '\x94', 4, "none: memo[len(memo)] = top")                   \
    X(FRAME, '\x95', 4, "8-byte frame length")                             \
    X(BYTEARRAY8, '\x96', 5, "8-byte length + bytes")                      \
    X(NEXT_BUFFER, '\x97', 5, "none: the next out-of-band buffer")         \
    X(READONLY_BUFFER, '\x98', 5, "none: make the top buffer read-only")

enum class Op : uint8_t {
#define GILT_PICKLE_ENUM(name, byte, proto, arg) name = static_cast<uint8_t>(byte),
    GILT_PICKLE_OPCODES(GILT_PICKLE_ENUM)
#undef GILT_PICKLE_ENUM
};

inline constexpr char op_byte(Op op) noexcept {
    return static_cast<char>(op);
}

}  // namespace gilt::pickle
