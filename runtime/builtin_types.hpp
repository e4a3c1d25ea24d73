// The builtin types of one interpreter.
//
// X(field, "python name") lists every builtin type object the runtime creates
// at start-up. Each one is a TypeObject owned by the Interpreter; the
// define_<field>_type function of the file that implements the type fills its
// slots and methods (e.g. define_list_type in runtime/list.cpp).
#pragma once

#include "runtime/exception_types.hpp"
#include "runtime/type.hpp"

#define GILT_BUILTIN_TYPES(X)                         \
    X(object, "object")                               \
    X(type, "type")                                   \
    X(int_, "int")                                    \
    X(bool_, "bool")                                  \
    X(float_, "float")                                \
    X(complex, "complex")                             \
    X(str, "str")                                     \
    X(bytes, "bytes")                                 \
    X(bytearray, "bytearray")                         \
    X(memoryview, "memoryview")                       \
    X(list, "list")                                   \
    X(tuple, "tuple")                                 \
    X(dict, "dict")                                   \
    X(set, "set")                                     \
    X(frozenset, "frozenset")                         \
    X(range, "range")                                 \
    X(slice, "slice")                                 \
    X(none_type, "NoneType")                          \
    X(not_implemented_type, "NotImplementedType")     \
    X(ellipsis_type, "ellipsis")                      \
    X(function, "function")                           \
    X(builtin_function, "builtin_function_or_method") \
    X(method, "method")                               \
    X(code, "code")                                   \
    X(cell, "cell")                                   \
    X(module, "module")                               \
    X(generator, "generator")                         \
    X(coroutine, "coroutine")                         \
    X(async_generator, "async_generator")             \
    X(property, "property")                           \
    X(classmethod, "classmethod")                     \
    X(staticmethod, "staticmethod")                   \
    X(super, "super")                                 \
    X(traceback, "traceback")                         \
    X(frame, "frame")                                 \
    X(dict_keys, "dict_keys")                         \
    X(dict_values, "dict_values")                     \
    X(dict_items, "dict_items")                       \
    X(dict_keyiterator, "dict_keyiterator")           \
    X(dict_valueiterator, "dict_valueiterator")       \
    X(dict_itemiterator, "dict_itemiterator")         \
    X(list_iterator, "list_iterator")                 \
    X(list_reverseiterator, "list_reverseiterator")   \
    X(tuple_iterator, "tuple_iterator")               \
    X(str_iterator, "str_ascii_iterator")             \
    X(bytes_iterator, "bytes_iterator")               \
    X(set_iterator, "set_iterator")                   \
    X(range_iterator, "range_iterator")               \
    X(seq_iterator, "iterator")                       \
    X(callable_iterator, "callable_iterator")         \
    X(enumerate, "enumerate")                         \
    X(zip, "zip")                                     \
    X(map, "map")                                     \
    X(filter, "filter")                               \
    X(reversed, "reversed")                           \
    X(coroutine_wrapper, "coroutine_wrapper")         \
    X(async_gen_asend, "async_generator_asend")       \
    X(method_wrapper, "method-wrapper")               \
    X(getset_descriptor, "getset_descriptor")         \
    X(member_descriptor, "member_descriptor")         \
    X(wrapper_descriptor, "wrapper_descriptor")       \
    X(generic_alias, "GenericAlias")                  \
    X(union_type, "UnionType")

namespace gilt {

struct BuiltinTypes {
#define GILT_DECLARE_TYPE_FIELD(field, pyname) TypeObject* field = nullptr;
    GILT_BUILTIN_TYPES(GILT_DECLARE_TYPE_FIELD)
#undef GILT_DECLARE_TYPE_FIELD
};

struct ExceptionTypes {
#define GILT_DECLARE_EXC_FIELD(name, base) TypeObject* name = nullptr;
    GILT_EXCEPTION_TYPES(GILT_DECLARE_EXC_FIELD)
#undef GILT_DECLARE_EXC_FIELD
};

}  // namespace gilt
