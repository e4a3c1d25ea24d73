// User-defined SQL functions and aggregates (Connection.create_function,
// create_aggregate). SQLite calls them from inside sqlite3_step or
// sqlite3_exec, which run with the GIL released: each callback takes the
// GIL of the thread that is running the statement (SqliteDatabase::running)
// for the Python call and drops it before it returns to SQLite.
//
// An exception in the Python code is not propagated: as in CPython, the
// statement fails with "user-defined function raised exception" (or the
// aggregate's "'step' method raised error" wording) and the exception is
// discarded.
#include <string>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/bytes.hpp"
#include "runtime/errors.hpp"
#include "runtime/float.hpp"
#include "runtime/gil.hpp"
#include "runtime/int.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "stdlib/sqlite3_module.hpp"

namespace gilt {

namespace {

// What SQLite keeps as a function's user data: the Python callable (a
// function, or the aggregate's class) and the connection it belongs to.
struct Callback {
    Value callable;  // owned
    SqliteDatabase* db;
};

// Runs when the function is replaced or the connection is closed; both
// happen with the GIL held (Database.close, dealloc, create_function).
void callback_destroy(void* p) {
    Callback* cb = static_cast<Callback*>(p);
    decref(cb->callable);
    delete cb;
}

// Holds the GIL for a callback's lifetime, given back to SQLite at the end.
class GilTaken {
public:
    explicit GilTaken(ThreadState& ts) : m_ts(ts) { ts.interp().gil.take(ts.gil_thread); }
    ~GilTaken() { m_ts.interp().gil.drop(m_ts.gil_thread); }
    GilTaken(const GilTaken&) = delete;
    GilTaken& operator=(const GilTaken&) = delete;

private:
    ThreadState& m_ts;
};

// The SQL arguments as a Python tuple; null with an exception pending.
Value args_tuple(ThreadState& ts, int argc, sqlite3_value** argv) {
    Ref t(tuple_new(ts, argc));
    if (!t) return Value();
    for (int i = 0; i < argc; ++i) {
        Value v = sqlite_to_python(ts, argv[i], false);
        if (v.is_null()) return Value();
        tuple_obj(*t)->items[i] = v;
    }
    return t.release();
}

// Hands a Python result to SQLite; false when its type has no SQL
// counterpart (the error is set on ctx).
bool set_result(ThreadState& ts, sqlite3_context* ctx, Value v) {
    if (v.is_none()) {
        sqlite3_result_null(ctx);
    } else if (is_int(v)) {
        int64_t n;
        if (!int_to_int64(v, &n)) {
            sqlite3_result_error(ctx, "Python int too large to convert to SQLite INTEGER", -1);
            return false;
        }
        sqlite3_result_int64(ctx, n);
    } else if (is_float(v)) {
        sqlite3_result_double(ctx, float_value(v));
    } else if (is_str(ts, v)) {
        std::string_view s = str_view(v);
        sqlite3_result_text64(ctx, s.data(), s.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    } else if (is_bytes(v) || is_bytearray(v)) {
        std::string_view b = is_bytes(v) ? bytes_view(v) : bytearray_view(v);
        sqlite3_result_blob64(ctx, b.data(), b.size(), SQLITE_TRANSIENT);
    } else {
        return false;
    }
    return true;
}

// Calls `f(*args)`; on failure reports `error` to SQLite and drops the
// Python exception. A new reference or null.
Value call_reporting(ThreadState& ts, sqlite3_context* ctx, Value f, Value args,
                     const char* error) {
    Value r =
        obj_call(ts, f, Args{tuple_obj(args)->items, static_cast<uint32_t>(tuple_size(args))});
    if (r.is_null()) {
        clear_exception(ts);
        sqlite3_result_error(ctx, error, -1);
    }
    return r;
}

void function_call(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    Callback* cb = static_cast<Callback*>(sqlite3_user_data(ctx));
    ThreadState& ts = *cb->db->running;
    GilTaken held(ts);
    Ref args(args_tuple(ts, argc, argv));
    if (!args) {
        clear_exception(ts);
        sqlite3_result_error(ctx, "user-defined function raised exception", -1);
        return;
    }
    Ref r(call_reporting(ts, ctx, cb->callable, *args, "user-defined function raised exception"));
    if (r && !set_result(ts, ctx, *r))
        sqlite3_result_error(ctx, "user-defined function raised exception", -1);
}

// The aggregate instance lives in SQLite's per-group context memory.
Value* aggregate_slot(sqlite3_context* ctx, bool create) {
    return static_cast<Value*>(sqlite3_aggregate_context(ctx, create ? sizeof(Value) : 0));
}

void aggregate_step(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    Callback* cb = static_cast<Callback*>(sqlite3_user_data(ctx));
    ThreadState& ts = *cb->db->running;
    GilTaken held(ts);
    Value* slot = aggregate_slot(ctx, true);
    if (!slot) return sqlite3_result_error_nomem(ctx);
    if (slot->is_null()) {
        *slot = call0(ts, cb->callable);
        if (slot->is_null()) {
            clear_exception(ts);
            return sqlite3_result_error(
                ctx, "user-defined aggregate's '__init__' method raised error", -1);
        }
    }
    Ref args(args_tuple(ts, argc, argv));
    Ref step(args ? obj_getattr_cstr(ts, *slot, "step") : Value());
    if (!step) {
        clear_exception(ts);
        return sqlite3_result_error(ctx, "user-defined aggregate's 'step' method raised error", -1);
    }
    Ref r(call_reporting(ts, ctx, *step, *args,
                         "user-defined aggregate's 'step' method raised error"));
}

void aggregate_final(sqlite3_context* ctx) {
    Callback* cb = static_cast<Callback*>(sqlite3_user_data(ctx));
    ThreadState& ts = *cb->db->running;
    GilTaken held(ts);
    Value* slot = aggregate_slot(ctx, false);
    if (!slot || slot->is_null()) return sqlite3_result_null(ctx);
    Ref instance(*slot);
    *slot = Value();
    Ref fin(obj_getattr_cstr(ts, *instance, "finalize"));
    const char* error = "user-defined aggregate's 'finalize' method raised error";
    if (!fin) {
        clear_exception(ts);
        return sqlite3_result_error(ctx, error, -1);
    }
    Ref r(call0(ts, *fin));
    if (!r) {
        clear_exception(ts);
        return sqlite3_result_error(ctx, error, -1);
    }
    if (!set_result(ts, ctx, *r)) sqlite3_result_error(ctx, error, -1);
}

// Shared argument handling: (name, narg, callable[, deterministic]).
Value register_callback(ThreadState& ts, Args args, bool aggregate) {
    const char* what = aggregate ? "create_aggregate" : "create_function";
    if (!method_args(ts, args, what, what, 3, 4)) return Value();
    SqliteDatabase* d = reinterpret_cast<SqliteDatabase*>(args[0].as_object());
    if (!d->db) return raise(ts, ts.exc_types().ValueError, "database is closed");
    if (!is_str(ts, args[1]))
        return raise_fmt(ts, ts.exc_types().TypeError, "{}() argument 'name' must be str, not {}",
                         what, type_name(ts, args[1]));
    int64_t narg;
    if (!obj_index(ts, args[2], &narg)) return Value();
    int det = args.n > 4 ? obj_truthy(ts, args[4]) : 0;
    if (det < 0) return Value();
    std::string name(str_view(args[1]));
    Callback* cb = new Callback{new_ref(args[3]), d};
    int flags = SQLITE_UTF8 | (det ? SQLITE_DETERMINISTIC : 0);
    int rc =
        aggregate
            ? sqlite3_create_function_v2(d->db, name.c_str(), static_cast<int>(narg), flags, cb,
                                         nullptr, aggregate_step, aggregate_final, callback_destroy)
            : sqlite3_create_function_v2(d->db, name.c_str(), static_cast<int>(narg), flags, cb,
                                         function_call, nullptr, nullptr, callback_destroy);
    // On failure SQLite has already called callback_destroy.
    return make_int(ts, rc);
}

}  // namespace

Value sqlite_db_create_function(ThreadState& ts, Args args) {
    return register_callback(ts, args, false);
}

Value sqlite_db_create_aggregate(ThreadState& ts, Args args) {
    return register_callback(ts, args, true);
}

}  // namespace gilt
