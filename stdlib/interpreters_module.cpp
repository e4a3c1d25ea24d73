// _interpreters: the native half of concurrent.interpreters (PEP 734,
// CPython 3.14), over the sub-interpreters and queues of
// stdlib/interpreters_shared.hpp. The Python package
// stdlib/lib/concurrent/interpreters/ builds the public API on it.
//
//     create() -> id                    a new interpreter with its own GIL
//     destroy(id)                       finalize and destroy it
//     list_all() -> [id, ...]           0 (the group's root) first
//     get_current() -> id, get_main() -> 0
//     is_running(id) -> bool
//     run(id, function, arg) -> reply   _crossinterp.<function>(arg) there
//     is_shareable(obj) -> bool
//     queue_create(maxsize) -> qid, queue_put(qid, obj, timeout) -> bool,
//     queue_get(qid, timeout) -> (bool, obj), queue_size(qid), queue_maxsize(qid)
//
// Arguments and replies of run(), and queue items, must be shareable (the
// Python layer pickles anything else into bytes first).
#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/exception.hpp"
#include "runtime/float.hpp"
#include "runtime/int.hpp"
#include "runtime/list.hpp"
#include "runtime/module.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "stdlib/interpreters_shared.hpp"
#include "stdlib/modules.hpp"

namespace gilt {

namespace {

TypeObject* error_class(ThreadState& ts, const char* name) {
    Value m = dict_get_cstr(ts, ts.interp().modules, "_interpreters");
    Value cls = m.is_null() ? Value() : dict_get_cstr(ts, module_dict(m), name);
    if (cls.is_null() || !is_exception_type(ts, cls)) return ts.exc_types().RuntimeError;
    return as<TypeObject>(cls);
}

[[nodiscard]] bool id_arg(ThreadState& ts, Args args, const char* fname, std::int64_t* id) {
    return check_nargs(ts, args, fname, 1, 1) && int_as_int64(ts, args[0], id);
}

// Seconds from a timeout argument: None or absent waits forever (-1).
[[nodiscard]] bool timeout_arg(ThreadState& ts, Value v, double* out) {
    *out = -1;
    if (v.is_null() || v.is_none()) return true;
    if (!obj_as_double(ts, v, out)) return false;
    if (*out < 0) *out = 0;
    return true;
}

// The sub-interpreter `id`, or null with InterpreterNotFoundError (or
// InterpreterError for the root, which always runs its __main__).
std::shared_ptr<SubInterpreter> lookup(ThreadState& ts, std::int64_t id) {
    if (id == 0) {
        raise(ts, error_class(ts, "InterpreterError"), "interpreter already running");
        return nullptr;
    }
    std::shared_ptr<SubInterpreter> sub = interpreter_link(ts).group->find(id);
    if (!sub)
        raise_fmt(ts, error_class(ts, "InterpreterNotFoundError"), "unrecognized interpreter ID {}",
                  id);
    return sub;
}

std::shared_ptr<SharedQueue> lookup_queue(ThreadState& ts, Value v) {
    std::int64_t qid;
    if (!int_as_int64(ts, v, &qid)) return nullptr;
    std::shared_ptr<SharedQueue> q = interpreter_link(ts).group->find_queue(qid);
    if (!q) raise_fmt(ts, error_class(ts, "InterpreterError"), "queue {} not found", qid);
    return q;
}

Value interp_create(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "create", 0, 0)) return Value();
    std::int64_t id = interpreter_link(ts).group->create(ts);
    return id < 0 ? Value() : make_int(ts, id);
}

Value interp_destroy(ThreadState& ts, Args args) {
    std::int64_t id;
    if (!id_arg(ts, args, "destroy", &id)) return Value();
    InterpreterLink& link = interpreter_link(ts);
    if (id == link.id)
        return raise(ts, error_class(ts, "InterpreterError"),
                     "cannot destroy the current interpreter");
    if (id == 0) return raise(ts, error_class(ts, "InterpreterError"), "interpreter running");
    std::shared_ptr<SubInterpreter> sub = lookup(ts, id);
    if (!sub) return Value();
    if (!sub->close(&ts))
        return raise(ts, error_class(ts, "InterpreterError"), "interpreter running");
    link.group->forget(id);
    return Value::none();
}

Value interp_list_all(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "list_all", 0, 0)) return Value();
    Ref list(list_new(ts, 0));
    if (!list || !list_append(ts, *list, Value::small_int(0))) return Value();
    for (std::int64_t id : interpreter_link(ts).group->ids()) {
        Ref n(make_int(ts, id));
        if (!n || !list_append(ts, *list, *n)) return Value();
    }
    return list.release();
}

Value interp_get_current(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "get_current", 0, 0)) return Value();
    return make_int(ts, interpreter_link(ts).id);
}

Value interp_get_main(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "get_main", 0, 0)) return Value();
    return Value::small_int(0);
}

Value interp_is_running(ThreadState& ts, Args args) {
    std::int64_t id;
    if (!id_arg(ts, args, "is_running", &id)) return Value();
    if (id == 0 || id == interpreter_link(ts).id) return Value::true_();
    std::shared_ptr<SubInterpreter> sub = lookup(ts, id);
    if (!sub) return Value();
    return sub->is_running() ? Value::true_() : Value::false_();
}

Value interp_run(ThreadState& ts, Args args) {
    Value id_value, function, arg;
    std::int64_t id;
    if (!parse_args(ts, args, "run", {"id", "function", "arg"}, {&id_value, &function, &arg}) ||
        !int_as_int64(ts, id_value, &id))
        return Value();
    if (!is_str(ts, function)) return raise(ts, ts.exc_types().TypeError, "function must be a str");
    if (id == interpreter_link(ts).id)
        return raise(ts, error_class(ts, "InterpreterError"), "interpreter already running");
    std::shared_ptr<SubInterpreter> sub = lookup(ts, id);
    SharedValue shared;
    if (!sub || !to_shared(ts, arg, &shared)) return Value();
    SharedValue reply;
    switch (sub->run(ts, std::string(str_view(function)), std::move(shared), &reply)) {
        case SubInterpreter::RunStatus::Ok:
            return from_shared(ts, reply);
        case SubInterpreter::RunStatus::Busy:
            return raise(ts, error_class(ts, "InterpreterError"), "interpreter already running");
        case SubInterpreter::RunStatus::Closed:
            break;
    }
    return raise_fmt(ts, error_class(ts, "InterpreterNotFoundError"),
                     "unrecognized interpreter ID {}", id);
}

Value interp_is_shareable(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "is_shareable", 1, 1)) return Value();
    return is_shareable(ts, args[0]) ? Value::true_() : Value::false_();
}

Value queue_create(ThreadState& ts, Args args) {
    std::int64_t maxsize;
    if (!id_arg(ts, args, "queue_create", &maxsize)) return Value();
    return make_int(ts, interpreter_link(ts).group->create_queue(maxsize));
}

Value queue_put(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "queue_put", 3, 3)) return Value();
    std::shared_ptr<SharedQueue> q = lookup_queue(ts, args[0]);
    double timeout;
    SharedValue item;
    if (!q || !timeout_arg(ts, args[2], &timeout) || !to_shared(ts, args[1], &item)) return Value();
    bool ok = q->put(ts, std::move(item), timeout) == SharedQueue::Status::Ok;
    return ok ? Value::true_() : Value::false_();
}

Value queue_get(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "queue_get", 2, 2)) return Value();
    std::shared_ptr<SharedQueue> q = lookup_queue(ts, args[0]);
    double timeout;
    if (!q || !timeout_arg(ts, args[1], &timeout)) return Value();
    SharedValue item;
    if (q->get(ts, &item, timeout) != SharedQueue::Status::Ok)
        return tuple_pack(ts, {Value::false_(), Value::none()});
    Ref obj(from_shared(ts, item));
    return obj ? tuple_pack(ts, {Value::true_(), *obj}) : Value();
}

Value queue_size(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "queue_size", 1, 1)) return Value();
    std::shared_ptr<SharedQueue> q = lookup_queue(ts, args[0]);
    return q ? make_int(ts, static_cast<std::int64_t>(q->size())) : Value();
}

Value queue_maxsize(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "queue_maxsize", 1, 1)) return Value();
    std::shared_ptr<SharedQueue> q = lookup_queue(ts, args[0]);
    return q ? make_int(ts, q->maxsize()) : Value();
}

constexpr MethodDef kInterpretersFunctions[] = {
    {"create", interp_create},
    {"destroy", interp_destroy},
    {"list_all", interp_list_all},
    {"get_current", interp_get_current},
    {"get_main", interp_get_main},
    {"is_running", interp_is_running},
    {"run", interp_run},
    {"is_shareable", interp_is_shareable},
    {"queue_create", queue_create},
    {"queue_put", queue_put},
    {"queue_get", queue_get},
    {"queue_size", queue_size},
    {"queue_maxsize", queue_maxsize},
};

[[nodiscard]] bool add_error_classes(ThreadState& ts, Value m) {
    Ref base(make_exception_class(ts, "concurrent.interpreters", "InterpreterError",
                                  val(ts.exc_types().Exception)));
    Ref not_found(base ? make_exception_class(ts, "concurrent.interpreters",
                                              "InterpreterNotFoundError", *base)
                       : Value());
    Ref not_shareable(not_found
                          ? make_exception_class(ts, "concurrent.interpreters", "NotShareableError",
                                                 val(ts.exc_types().TypeError))
                          : Value());
    return not_shareable && module_add_value(ts, m, "InterpreterError", *base) &&
           module_add_value(ts, m, "InterpreterNotFoundError", *not_found) &&
           module_add_value(ts, m, "NotShareableError", *not_shareable);
}

}  // namespace

Value init_interpreters_module(ThreadState& ts) {
    Ref m(module_new(ts, "_interpreters"));
    if (!m || !module_add_functions(ts, *m, kInterpretersFunctions) || !add_error_classes(ts, *m))
        return Value();
    return m.release();
}

}  // namespace gilt
