// Declarations of every define_<type>_type function, gathered for the
// start-up code. Each is implemented in the file of its type.
#pragma once

#include "runtime/builtin_types.hpp"

// Every builtin type except the dict views, which dict_views.cpp defines
// together (define_dict_view_types).
// Rows of names read better than the formatter's wrapping of an X-macro.
// clang-format off
#define GILT_BUILTIN_TYPES_WITH_OWN_DEFINE(X)                                                     \
    X(object, object) X(type, type) X(int_, int) X(bool_, bool) X(float_, float)                  \
    X(complex, complex) X(str, str) X(bytes, bytes) X(bytearray, bytearray) X(memoryview, memoryview) X(list, list)         \
    X(tuple, tuple) X(dict, dict) X(set, set) X(frozenset, frozenset) X(range, range)             \
    X(slice, slice) X(none_type, none_type) X(not_implemented_type, not_implemented_type)         \
    X(ellipsis_type, ellipsis_type) X(function, function) X(builtin_function, builtin_function)   \
    X(method, method) X(code, code) X(cell, cell) X(module, module) X(generator, generator)       \
    X(coroutine, coroutine) X(async_generator, async_generator) X(property, property)             \
    X(classmethod, classmethod) X(staticmethod, staticmethod) X(super, super)                     \
    X(traceback, traceback) X(frame, frame) X(list_iterator, list_iterator)                       \
    X(list_reverseiterator, list_reverseiterator) X(tuple_iterator, tuple_iterator)               \
    X(str_iterator, str_iterator) X(bytes_iterator, bytes_iterator)                               \
    X(set_iterator, set_iterator) X(range_iterator, range_iterator)                               \
    X(seq_iterator, seq_iterator) X(callable_iterator, callable_iterator)                         \
    X(enumerate, enumerate) X(zip, zip) X(map, map) X(filter, filter) X(reversed, reversed)       \
    X(coroutine_wrapper, coroutine_wrapper) X(async_gen_asend, async_gen_asend)                   \
    X(method_wrapper, method_wrapper) X(getset_descriptor, getset_descriptor) X(member_descriptor, member_descriptor)                     \
    X(wrapper_descriptor, wrapper_descriptor) X(generic_alias, generic_alias)                     \
    X(union_type, union)
// clang-format on

namespace gilt {

class Interpreter;
struct TypeObject;

#define GILT_DECLARE_DEFINE(field, stem) \
    void define_##stem##_type(Interpreter& interp, TypeObject* t);
GILT_BUILTIN_TYPES_WITH_OWN_DEFINE(GILT_DECLARE_DEFINE)
#undef GILT_DECLARE_DEFINE
void define_dict_view_types(Interpreter& interp);

}  // namespace gilt
