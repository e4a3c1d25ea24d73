// _multiprocessing: the native module under the multiprocessing package
// (SemLock in mp_semlock.cpp, SharedArray in mp_shared_array.cpp).
//
// Beside CPython's names (SemLock, sem_unlink, flags) it exports
// SEM_VALUE_MAX at module level, SharedArray, gilt's stand-in for the
// ctypes objects multiprocessing.Value and Array are made of, and the
// framed message I/O of connection.Connection (mp_connection.cpp).
#include "runtime/dict.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/module.hpp"
#include "stdlib/modules.hpp"
#include "stdlib/mp_native.hpp"

namespace gilt {

namespace {

constexpr MethodDef kMultiprocessingFunctions[] = {
    {"sem_unlink", mp_sem_unlink}, {"send_frame", mp_send_frame},   {"send_frames", mp_send_frames},
    {"recv_frame", mp_recv_frame}, {"send_object", mp_send_object}, {"recv_object", mp_recv_object},
};

// What CPython's build found: named semaphores with timed waits.
Value make_flags(ThreadState& ts) {
    Ref flags(dict_new(ts));
    if (!flags || !dict_set_cstr(ts, *flags, "HAVE_SEM_OPEN", Value::small_int(1)) ||
        !dict_set_cstr(ts, *flags, "HAVE_SEM_TIMEDWAIT", Value::small_int(1)))
        return Value();
    return flags.release();
}

}  // namespace

Value init_mp_module(ThreadState& ts) {
    Interpreter& interp = ts.interp();
    TypeObject* semlock = semlock_type(interp);
    Ref m(module_new(ts, "_multiprocessing"));
    if (!m || !module_add_functions(ts, *m, kMultiprocessingFunctions) ||
        !module_add_value(ts, *m, "SemLock", val(semlock)) ||
        !module_add_value(ts, *m, "SharedArray", val(shared_array_type(interp))) ||
        !module_add_steal(ts, *m, "flags", make_flags(ts)))
        return Value();
    Value max = type_lookup_cstr(ts, semlock, "SEM_VALUE_MAX");  // borrowed
    if (!module_add_value(ts, *m, "SEM_VALUE_MAX", max)) return Value();
    return m.release();
}

}  // namespace gilt
