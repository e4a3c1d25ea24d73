// _sqlite3.Statement: one prepared statement. The Python half binds the
// parameters (bind), steps it (step, with the GIL released) and reads each
// row as a tuple (row). Column values map as CPython's sqlite3 maps them:
// INTEGER int, REAL float, TEXT str, BLOB bytes, NULL None.
#include <string>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/bytes.hpp"
#include "runtime/errors.hpp"
#include "runtime/float.hpp"
#include "runtime/gil.hpp"
#include "runtime/heap.hpp"
#include "runtime/int.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "stdlib/native_type.hpp"
#include "stdlib/sqlite3_module.hpp"

namespace gilt {

namespace {

SqliteStatement* statement(Value v) {
    return reinterpret_cast<SqliteStatement*>(v.as_object());
}

SqliteDatabase* owner(SqliteStatement* s) {
    return reinterpret_cast<SqliteDatabase*>(s->database.as_object());
}

// The receiver's live statement, or null with an exception pending.
sqlite3_stmt* live(ThreadState& ts, Value self) {
    SqliteStatement* s = statement(self);
    if (!s->stmt || !owner(s)->db) {
        raise(ts, ts.exc_types().ValueError, "statement is finalized");
        return nullptr;
    }
    return s->stmt;
}

void statement_dealloc(Object* o) {
    SqliteStatement* s = reinterpret_cast<SqliteStatement*>(o);
    // Also after the connection closed: close_v2 keeps it as a zombie
    // until its last statement is finalized.
    if (s->stmt) sqlite3_finalize(s->stmt);
    clear_ref(s->database);
    free_object(o);
}

bool index_arg(ThreadState& ts, Value v, int* out) {
    int64_t n;
    if (!obj_index(ts, v, &n)) return false;
    *out = static_cast<int>(n);
    return true;
}

// bind(index, value) -> result code; -1 when the value's type has no
// SQLite counterpart (the Python half words the error), OverflowError for
// an int beyond 64 bits.
Value stmt_bind(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "bind", "bind", 2, 2)) return Value();
    sqlite3_stmt* st = live(ts, args[0]);
    int i;
    if (!st || !index_arg(ts, args[1], &i)) return Value();
    Value v = args[2];
    int rc;
    if (v.is_none()) {
        rc = sqlite3_bind_null(st, i);
    } else if (is_int(v)) {
        int64_t n;
        if (!int_to_int64(v, &n))
            return raise(ts, ts.exc_types().OverflowError,
                         "Python int too large to convert to SQLite INTEGER");
        rc = sqlite3_bind_int64(st, i, n);
    } else if (is_float(v)) {
        rc = sqlite3_bind_double(st, i, float_value(v));
    } else if (is_str(ts, v)) {
        std::string_view s = str_view(v);
        rc = sqlite3_bind_text64(st, i, s.data(), s.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    } else if (is_bytes(v) || is_bytearray(v)) {
        std::string_view b = is_bytes(v) ? bytes_view(v) : bytearray_view(v);
        rc = sqlite3_bind_blob64(st, i, b.data(), b.size(), SQLITE_TRANSIENT);
    } else {
        rc = -1;
    }
    return make_int(ts, rc);
}

Value stmt_param_count(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "param_count", "param_count", 0, 0)) return Value();
    sqlite3_stmt* st = live(ts, args[0]);
    return st ? make_int(ts, sqlite3_bind_parameter_count(st)) : Value();
}

// param_name(i) -> the name without its ':' / '@' / '$' sigil, or None for '?'.
Value stmt_param_name(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "param_name", "param_name", 1, 1)) return Value();
    sqlite3_stmt* st = live(ts, args[0]);
    int i;
    if (!st || !index_arg(ts, args[1], &i)) return Value();
    const char* name = sqlite3_bind_parameter_name(st, i);
    if (!name) return Value::none();
    return make_str(ts, name + 1);
}

// step() -> SQLITE_ROW, SQLITE_DONE or an error code. Waits for locks and
// the disk with the GIL released; user functions take it back (callbacks).
Value stmt_step(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "step", "step", 0, 0)) return Value();
    sqlite3_stmt* st = live(ts, args[0]);
    if (!st) return Value();
    SqliteDatabase* d = owner(statement(args[0]));
    ThreadState* outer = d->running;
    d->running = &ts;
    int rc;
    {
        GilRelease released(ts);
        rc = sqlite3_step(st);
    }
    d->running = outer;
    if (ts.has_exception()) return Value();
    return make_int(ts, rc);
}

Value column_value(ThreadState& ts, sqlite3_stmt* st, int i, bool text_as_bytes) {
    switch (sqlite3_column_type(st, i)) {
        case SQLITE_INTEGER:
            return make_int(ts, sqlite3_column_int64(st, i));
        case SQLITE_FLOAT:
            return make_float(ts, sqlite3_column_double(st, i));
        case SQLITE_TEXT: {
            auto p = reinterpret_cast<const char*>(sqlite3_column_text(st, i));
            std::string_view s(p ? p : "", sqlite3_column_bytes(st, i));
            return text_as_bytes ? make_bytes(ts, s) : make_str(ts, s);
        }
        case SQLITE_BLOB: {
            auto p = static_cast<const char*>(sqlite3_column_blob(st, i));
            return make_bytes(ts, std::string_view(p ? p : "", sqlite3_column_bytes(st, i)));
        }
        default:
            return Value::none();
    }
}

// row(text_as_bytes=False) -> tuple of the current row's values.
Value stmt_row(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "row", "row", 0, 1)) return Value();
    sqlite3_stmt* st = live(ts, args[0]);
    if (!st) return Value();
    int raw = args.n > 1 ? obj_truthy(ts, args[1]) : 0;
    if (raw < 0) return Value();
    int n = sqlite3_column_count(st);
    Ref row(tuple_new(ts, n));
    if (!row) return Value();
    for (int i = 0; i < n; ++i) {
        Value v = column_value(ts, st, i, raw != 0);
        if (v.is_null()) return Value();
        tuple_obj(*row)->items[i] = v;
    }
    return row.release();
}

// columns() -> ((name, decltype or None), ...)
Value stmt_columns(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "columns", "columns", 0, 0)) return Value();
    sqlite3_stmt* st = live(ts, args[0]);
    if (!st) return Value();
    int n = sqlite3_column_count(st);
    Ref out(tuple_new(ts, n));
    if (!out) return Value();
    for (int i = 0; i < n; ++i) {
        const char* name = sqlite3_column_name(st, i);
        const char* decl = sqlite3_column_decltype(st, i);
        Ref namev(make_str(ts, name ? name : ""));
        Ref declv(decl ? make_str(ts, decl) : Value::none());
        if (!namev || !declv) return Value();
        Value pair = tuple_pack(ts, {*namev, *declv});
        if (pair.is_null()) return Value();
        tuple_obj(*out)->items[i] = pair;
    }
    return out.release();
}

Value stmt_reset(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "reset", "reset", 0, 0)) return Value();
    sqlite3_stmt* st = live(ts, args[0]);
    if (!st) return Value();
    sqlite3_clear_bindings(st);
    return make_int(ts, sqlite3_reset(st));
}

Value stmt_finalize(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "finalize", "finalize", 0, 0)) return Value();
    SqliteStatement* s = statement(args[0]);
    if (s->stmt) sqlite3_finalize(s->stmt);
    s->stmt = nullptr;
    return Value::none();
}

// readonly() -> True for statements that do not write (SELECT, most PRAGMAs).
Value stmt_readonly(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "readonly", "readonly", 0, 0)) return Value();
    sqlite3_stmt* st = live(ts, args[0]);
    return st ? Value::boolean(sqlite3_stmt_readonly(st) != 0) : Value();
}

constexpr MethodDef kStatementMethods[] = {
    {"bind", stmt_bind},
    {"param_count", stmt_param_count},
    {"param_name", stmt_param_name},
    {"step", stmt_step},
    {"row", stmt_row},
    {"columns", stmt_columns},
    {"reset", stmt_reset},
    {"finalize", stmt_finalize},
    {"readonly", stmt_readonly},
};

void fill_statement_type(Interpreter& in, TypeObject* t) {
    t->dealloc = statement_dealloc;
    type_add_methods(in, t, kStatementMethods);
}

}  // namespace

Value sqlite_to_python(ThreadState& ts, sqlite3_value* v, bool text_as_bytes) {
    switch (sqlite3_value_type(v)) {
        case SQLITE_INTEGER:
            return make_int(ts, sqlite3_value_int64(v));
        case SQLITE_FLOAT:
            return make_float(ts, sqlite3_value_double(v));
        case SQLITE_TEXT: {
            auto p = reinterpret_cast<const char*>(sqlite3_value_text(v));
            std::string_view s(p ? p : "", sqlite3_value_bytes(v));
            return text_as_bytes ? make_bytes(ts, s) : make_str(ts, s);
        }
        case SQLITE_BLOB: {
            auto p = static_cast<const char*>(sqlite3_value_blob(v));
            return make_bytes(ts, std::string_view(p ? p : "", sqlite3_value_bytes(v)));
        }
        default:
            return Value::none();
    }
}

TypeObject* sqlite_statement_type(Interpreter& interp) {
    static constexpr NativeTypeSpec kSpec{
        .key = "_sqlite3.Statement",
        .module = "_sqlite3",
        .name = "Statement",
        .basicsize = sizeof(SqliteStatement),
        .flags = 0,
        .fill = fill_statement_type,
    };
    return native_type_once(interp, kSpec);
}

}  // namespace gilt
