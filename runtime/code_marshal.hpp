// Code objects written to bytes and read back (CPython's marshal, for code
// only): how the stdlib compiled at build time travels inside the binary, so
// that no process parses and compiles the embedded modules again
// (interp/vm/frozen.hpp).
//
// The format is private to one build of gilt: the bytes are made by the
// build's own compiler (tools/freeze_stdlib.cpp) and read by the same
// binary, so it carries no version beyond a leading tag byte and is never
// read from outside. Every field of a CodeObject is written, so a loaded
// code object is the one the compiler made (the frozen_stdlib test checks
// every embedded module: compile, write, read, write again, same bytes).
//
// Layout, all integers LEB128 varints (signed ones zigzag-encoded):
//   code    'C' argcount posonlyargcount kwonlyargcount nlocals stacksize
//           flags firstlineno localsplus
//           n word*n              (instruction words, 4 little-endian bytes each)
//           values consts, names, varnames, cellvars, freevars
//           n int*n               (cell2arg)
//           n (start end target depth)*n   (exception table)
//           n (start line)*n      (line table)
//           ncaches value(name) value(qualname) value(filename)
//   values  n value*n
//   value   'N' None | 'T' True | 'F' False | 'E' Ellipsis
//           | 'i' small int | 'I' decimal text of a big int
//           | 'f' 8 bytes of a double | 'x' 16 bytes (real, imag)
//           | 's' str | 'S' interned str | 'b' bytes   (n, then n bytes)
//           | 't' n value*n (tuple) | code
#pragma once

#include <string>
#include <string_view>

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"

namespace gilt {

// Appends `code` (a code object) to *out. false when a constant is of a
// kind the format does not hold (the compiler makes none such); nothing
// is raised.
[[nodiscard]] bool code_marshal_dump(ThreadState& ts, Value code, std::string* out);

// The code object written at the start of `data` (a new reference), or
// null with ValueError "bad marshal data" pending if the bytes are not one.
Value code_marshal_load(ThreadState& ts, std::string_view data);

}  // namespace gilt
