// The builtin iterator types that are not tied to one container: the
// sequence iterator behind __getitem__-only iteration, iter(callable,
// sentinel), enumerate, zip, map, filter, reversed.
#pragma once

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"

namespace gilt {

// The `iter` slot (__iter__) of every iterator type: returns self.
Value iter_self(ThreadState& ts, Value self);

// iter(obj) for objects that only support __getitem__ (old sequence protocol).
Value make_seq_iterator(ThreadState& ts, Value seq);
Value make_callable_iterator(ThreadState& ts, Value callable, Value sentinel);
// reversed(seq): seq.__reversed__() if defined, else a reverse iterator over
// __len__/__getitem__; TypeError "'int' object is not reversible".
Value make_reversed(ThreadState& ts, Value seq);

void define_seq_iterator_type(Interpreter& interp, TypeObject* t);
void define_callable_iterator_type(Interpreter& interp, TypeObject* t);
void define_enumerate_type(Interpreter& interp, TypeObject* t);
void define_zip_type(Interpreter& interp, TypeObject* t);
void define_map_type(Interpreter& interp, TypeObject* t);
void define_filter_type(Interpreter& interp, TypeObject* t);
void define_reversed_type(Interpreter& interp, TypeObject* t);

}  // namespace gilt
