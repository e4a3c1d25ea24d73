// resource: the process's resource limits and usage (getrlimit, setrlimit,
// getrusage, getpagesize and the RLIMIT_* / RUSAGE_* constants), as
// CPython's resource module on Linux. RLIM_INFINITY is -1, as there.
// Scripts use it to provoke resource exhaustion deterministically (a low
// RLIMIT_NOFILE makes the next open() fail with EMFILE).
#include <sys/resource.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/errors.hpp"
#include "runtime/float.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/list.hpp"
#include "runtime/module.hpp"
#include "runtime/module_state.hpp"
#include "runtime/tuple.hpp"
#include "stdlib/modules.hpp"
#include "stdlib/structseq.hpp"

namespace gilt {

namespace {

Value resource_getrlimit(ThreadState& ts, Args args);
Value resource_setrlimit(ThreadState& ts, Args args);
Value resource_getrusage(ThreadState& ts, Args args);
Value resource_getpagesize(ThreadState& ts, Args args);

constexpr MethodDef kResourceFunctions[] = {
    {"getrlimit", resource_getrlimit},
    {"setrlimit", resource_setrlimit},
    {"getrusage", resource_getrusage},
    {"getpagesize", resource_getpagesize},
};

struct Constant {
    const char* name;
    long value;
};

constexpr Constant kConstants[] = {
    {"RLIMIT_CPU", RLIMIT_CPU},       {"RLIMIT_FSIZE", RLIMIT_FSIZE},
    {"RLIMIT_DATA", RLIMIT_DATA},     {"RLIMIT_STACK", RLIMIT_STACK},
    {"RLIMIT_CORE", RLIMIT_CORE},     {"RLIMIT_RSS", RLIMIT_RSS},
    {"RLIMIT_NPROC", RLIMIT_NPROC},   {"RLIMIT_NOFILE", RLIMIT_NOFILE},
    {"RLIMIT_OFILE", RLIMIT_NOFILE},  {"RLIMIT_MEMLOCK", RLIMIT_MEMLOCK},
    {"RLIMIT_AS", RLIMIT_AS},         {"RLIMIT_MSGQUEUE", RLIMIT_MSGQUEUE},
    {"RLIMIT_NICE", RLIMIT_NICE},     {"RLIMIT_RTPRIO", RLIMIT_RTPRIO},
    {"RLIMIT_RTTIME", RLIMIT_RTTIME}, {"RLIMIT_SIGPENDING", RLIMIT_SIGPENDING},
    {"RUSAGE_SELF", RUSAGE_SELF},     {"RUSAGE_CHILDREN", RUSAGE_CHILDREN},
    {"RUSAGE_THREAD", RUSAGE_THREAD}, {"RLIM_INFINITY", -1},
};

// The resource number argument; ValueError for one the kernel does not know.
bool resource_arg(ThreadState& ts, Value v, int* out) {
    int64_t n;
    if (!obj_index(ts, v, &n)) return false;
    if (n < 0 || n >= RLIM_NLIMITS) {
        raise(ts, ts.exc_types().ValueError, "invalid resource specified");
        return false;
    }
    *out = static_cast<int>(n);
    return true;
}

Value limit_value(ThreadState& ts, rlim_t v) {
    return v == RLIM_INFINITY ? make_int(ts, -1) : make_int_u64(ts, v);
}

// getrlimit(resource) -> (soft, hard)
Value resource_getrlimit(ThreadState& ts, Args args) {
    int which;
    if (!check_nargs(ts, args, "getrlimit", 1, 1) || !no_kwargs(ts, args, "getrlimit") ||
        !resource_arg(ts, args[0], &which))
        return Value();
    struct rlimit lim;
    if (::getrlimit(static_cast<__rlimit_resource_t>(which), &lim) < 0)
        return raise_os_error(ts, errno);
    Ref soft(limit_value(ts, lim.rlim_cur)), hard(limit_value(ts, lim.rlim_max));
    if (!soft || !hard) return Value();
    return tuple_pack(ts, {*soft, *hard});
}

// One limit of setrlimit's pair: -1 (RLIM_INFINITY) or a non-negative int.
bool limit_arg(ThreadState& ts, Value v, rlim_t* out) {
    int64_t n;
    if (is_int(v) ? !int_as_int64(ts, v, &n) : !obj_index(ts, v, &n)) return false;
    *out = n < 0 ? RLIM_INFINITY : static_cast<rlim_t>(n);
    return true;
}

// setrlimit(resource, (soft, hard)); raising a hard limit without the
// privilege, or a soft limit above the hard one, is ValueError.
Value resource_setrlimit(ThreadState& ts, Args args) {
    int which;
    if (!check_nargs(ts, args, "setrlimit", 2, 2) || !no_kwargs(ts, args, "setrlimit") ||
        !resource_arg(ts, args[0], &which))
        return Value();
    Value limits = args[1];
    Ref pair(is_tuple(ts, limits) ? new_ref(limits)
                                  : obj_call(ts, val(ts.types().tuple), Args{&limits, 1, nullptr}));
    if (!pair) return Value();
    if (tuple_size(*pair) != 2)
        return raise(ts, ts.exc_types().ValueError, "expected a tuple of 2 integers");
    struct rlimit lim;
    if (!limit_arg(ts, tuple_item(*pair, 0), &lim.rlim_cur) ||
        !limit_arg(ts, tuple_item(*pair, 1), &lim.rlim_max))
        return Value();
    if (::setrlimit(static_cast<__rlimit_resource_t>(which), &lim) < 0) {
        if (errno == EINVAL)
            return raise(ts, ts.exc_types().ValueError, "current limit exceeds maximum limit");
        if (errno == EPERM)
            return raise(ts, ts.exc_types().ValueError, "not allowed to raise maximum limit");
        return raise_os_error(ts, errno);
    }
    return Value::none();
}

TypeObject* rusage_type(Interpreter& interp) {
    static constexpr const char* kFields[] = {
        "ru_utime",  "ru_stime",    "ru_maxrss", "ru_ixrss",   "ru_idrss",   "ru_isrss",
        "ru_minflt", "ru_majflt",   "ru_nswap",  "ru_inblock", "ru_oublock", "ru_msgsnd",
        "ru_msgrcv", "ru_nsignals", "ru_nvcsw",  "ru_nivcsw"};
    return module_state<TypeObject*>(interp, "resource.struct_rusage", [&](TypeObject*& t) {
        t = make_structseq_type(interp, "resource", "struct_rusage", kFields);
    });
}

double seconds(const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) * 1e-6;
}

// getrusage(who) -> struct_rusage
Value resource_getrusage(ThreadState& ts, Args args) {
    int64_t who;
    if (!check_nargs(ts, args, "getrusage", 1, 1) || !no_kwargs(ts, args, "getrusage") ||
        !obj_index(ts, args[0], &who))
        return Value();
    struct rusage u;
    if (::getrusage(static_cast<int>(who), &u) < 0) {
        if (errno == EINVAL) return raise(ts, ts.exc_types().ValueError, "invalid who parameter");
        return raise_os_error(ts, errno);
    }
    return structseq_new_steal(
        ts, rusage_type(ts.interp()),
        {make_float(ts, seconds(u.ru_utime)), make_float(ts, seconds(u.ru_stime)),
         make_int(ts, u.ru_maxrss), make_int(ts, u.ru_ixrss), make_int(ts, u.ru_idrss),
         make_int(ts, u.ru_isrss), make_int(ts, u.ru_minflt), make_int(ts, u.ru_majflt),
         make_int(ts, u.ru_nswap), make_int(ts, u.ru_inblock), make_int(ts, u.ru_oublock),
         make_int(ts, u.ru_msgsnd), make_int(ts, u.ru_msgrcv), make_int(ts, u.ru_nsignals),
         make_int(ts, u.ru_nvcsw), make_int(ts, u.ru_nivcsw)});
}

Value resource_getpagesize(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "getpagesize", 0, 0)) return Value();
    return make_int(ts, ::sysconf(_SC_PAGESIZE));
}

}  // namespace

Value init_resource_module(ThreadState& ts) {
    Ref m(module_new(ts, "resource"));
    if (!m || !module_add_functions(ts, *m, kResourceFunctions)) return Value();
    for (const Constant& c : kConstants) {
        Ref v(make_int(ts, c.value));
        if (!v || !module_add_value(ts, *m, c.name, *v)) return Value();
    }
    TypeObject* rusage = rusage_type(ts.interp());
    if (!module_add_value(ts, *m, "struct_rusage", val(rusage)) ||
        !module_add_value(ts, *m, "error", val(ts.exc_types().OSError)))
        return Value();
    return m.release();
}

}  // namespace gilt
