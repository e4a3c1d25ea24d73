// Raising and inspecting Python exceptions from C++.
//
// Runtime functions report failure by returning the null Value (or -1 / false)
// after setting the pending exception on the ThreadState, never by throwing
// a C++ exception: Python raises often, and a C++ exception must never unwind
// through the eval loop or across a fiber switch. Every raise helper returns
// the null Value so that `return raise_type_error(ts, ...);` reads naturally.
//
// Message wording follows CPython's; the shared phrasings are the functions
// at the bottom of this file so they are spelled in one place.
#pragma once

#include <fmt/format.h>

#include <string>
#include <string_view>

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"

namespace gilt {

// Sets `exc` (an exception instance, a new reference that is consumed) as
// the pending exception, chaining the currently handled exception as its
// __context__. Returns null.
Value raise_instance(ThreadState& ts, Value exc);
// Raises `type(msg)`.
Value raise(ThreadState& ts, TypeObject* type, std::string_view msg);
template <class... A>
Value raise_fmt(ThreadState& ts, TypeObject* type, fmt::format_string<A...> f, A&&... a) {
    return raise(ts, type, fmt::format(f, std::forward<A>(a)...));
}
// Raises `type(*args)` for an exception type or instance given as a Value
// (the `raise X` statement): calls the class when given one. Returns null.
Value raise_object(ThreadState& ts, Value type_or_instance);
// KeyError(key), preserving the key object (KeyError's str shows its repr).
Value raise_key_error(ThreadState& ts, Value key);
// StopIteration(value) carrying a generator's return value.
Value raise_stop_iteration(ThreadState& ts, Value value);
// Never fails: falls back to a preallocated instance when even the
// exception object cannot be allocated.
Value raise_memory_error(ThreadState& ts);
// Before building a buffer whose size comes from the script (a width, a
// count, a length): true when the allocator can provide `bytes` bytes;
// otherwise MemoryError is pending. CPython raises MemoryError at once when
// malloc refuses such a size; a std::string or std::vector asked for it
// would throw std::bad_alloc instead, which must never leave a builtin (see
// alloc_size_possible in runtime/heap.hpp for how the size is tried).
[[nodiscard]] bool check_alloc_size(ThreadState& ts, uint64_t bytes);
// Makes room in `out` for `extra` more bytes, for a result that grows piece
// by piece to a size the script drives (re.sub's text, strftime's buffer):
// the new capacity is tried with check_alloc_size, and a std::bad_alloc from
// the reserve itself stops here. False with MemoryError pending when it
// cannot grow; `out` is then unchanged.
[[nodiscard]] bool reserve_more(ThreadState& ts, std::string& out, uint64_t extra);
// reserve_more, then the append.
[[nodiscard]] bool append_checked(ThreadState& ts, std::string& out, std::string_view piece);
// "maximum recursion depth exceeded" + `where` (CPython appends e.g.
// " while calling a Python object" or " in comparison").
Value raise_recursion_error(ThreadState& ts, std::string_view where = {});
// A frame could not be pushed (py_depth already counts it): MemoryError
// when the frame stack's memory was refused (a heap cap), else
// RecursionError. Returns null.
Value raise_frame_push_error(ThreadState& ts);
// OSError subclass chosen from errno (FileNotFoundError for ENOENT, ...),
// with CPython's "[Errno 2] No such file or directory: 'x'" message.
Value raise_os_error(ThreadState& ts, int err, Value filename = Value());

// A new exception class `module`.`name` deriving from `base` (a new
// reference, or null with an exception pending), made by calling type() as
// a class statement would: CPython's PyErr_NewException, for the error
// classes of native modules (zlib.error, binascii.Error, ...).
Value make_exception_class(ThreadState& ts, std::string_view module, std::string_view name,
                           Value base);

// True when the pending exception is an instance of `type` (or a subclass).
bool exception_matches(ThreadState& ts, TypeObject* type);
// True when `exc` (an instance) matches `spec`: a type or tuple of types
// (the `except` clause test). -1 on a bad spec (TypeError pending).
int exception_matches_spec(ThreadState& ts, Value exc, Value spec);
// Takes the pending exception (a new reference); the indicator is cleared.
Value fetch_exception(ThreadState& ts);
// Makes `exc` (consumed) the pending exception again, without chaining.
void restore_exception(ThreadState& ts, Value exc);
void clear_exception(ThreadState& ts);

// Shared phrasings (CPython's wording).
std::string_view type_name(ThreadState& ts, Value v);  // type(v).__name__
Value raise_type_error_unsupported(ThreadState& ts, std::string_view op, Value a, Value b);
Value raise_attribute_error(ThreadState& ts, Value obj, Value name);
Value raise_not_callable(ThreadState& ts, Value obj);
Value raise_not_iterable(ThreadState& ts, Value obj);
Value raise_unhashable(ThreadState& ts, Value obj);
Value raise_zero_division(ThreadState& ts, std::string_view msg);
// NameError "name 'x' is not defined", with its `name` attribute set (the
// traceback printer's "Did you mean" suggestion needs it).
Value raise_name_error(ThreadState& ts, Value name);
// If the pending exception is an AttributeError whose `name` and `obj` are
// unset, sets them (CPython's set_attribute_error_context, done by
// PyObject_GetAttr so that any AttributeError escaping an attribute lookup,
// including one raised by a user __getattr__, can offer suggestions).
void set_attribute_error_context(ThreadState& ts, Value obj, Value name);

// Start-up (init_exception_types): allocates the MemoryError instance that
// raise_memory_error falls back to when nothing can be allocated.
void preallocate_memory_error(Interpreter& interp);

}  // namespace gilt
