// _sqlite3's module object and its Database type: one open SQLite
// connection. See sqlite3_module.hpp for the split between this layer and
// stdlib/lib/sqlite3/__init__.py.
#include <string>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/errors.hpp"
#include "runtime/gil.hpp"
#include "runtime/heap.hpp"
#include "runtime/int.hpp"
#include "runtime/module.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "stdlib/modules.hpp"
#include "stdlib/native_type.hpp"
#include "stdlib/sqlite3_module.hpp"

namespace gilt {

namespace {

SqliteDatabase* database(Value v) {
    return reinterpret_cast<SqliteDatabase*>(v.as_object());
}

// The receiver's open handle, or null with ProgrammingError-like
// ValueError pending (the Python half checks first; this only guards).
sqlite3* open_handle(ThreadState& ts, Value self) {
    sqlite3* db = database(self)->db;
    if (!db) raise(ts, ts.exc_types().ValueError, "database is closed");
    return db;
}

bool str_arg(ThreadState& ts, Value v, const char* what) {
    if (is_str(ts, v)) return true;
    raise_fmt(ts, ts.exc_types().TypeError, "{} must be str, not {}", what, type_name(ts, v));
    return false;
}

// open(path, uri, timeout_ms) -> Database. Always returns the object when
// SQLite gave a handle; the caller reads errcode() to learn if it opened.
Value sqlite_open(ThreadState& ts, Args args) {
    Value pathv, uriv, timeoutv;
    if (!parse_args(ts, args, "open", {"path", "uri", "timeout_ms"}, {&pathv, &uriv, &timeoutv}) ||
        !str_arg(ts, pathv, "database"))
        return Value();
    int uri = obj_truthy(ts, uriv);
    int64_t timeout_ms;
    if (uri < 0 || !obj_index(ts, timeoutv, &timeout_ms)) return Value();
    std::string path(str_view(pathv));
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | (uri ? SQLITE_OPEN_URI : 0);
    sqlite3* db = nullptr;
    int rc;
    {
        GilRelease released(ts);
        rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
        if (rc == SQLITE_OK) sqlite3_busy_timeout(db, static_cast<int>(timeout_ms));
    }
    if (!db) return raise_memory_error(ts);
    TypeObject* t = sqlite_database_type(ts.interp());
    Object* o = alloc_object(t, t->basicsize);
    if (!o) {
        sqlite3_close_v2(db);
        return raise_memory_error(ts);
    }
    database(Value::object(o))->db = db;
    database(Value::object(o))->running = nullptr;
    return Value::object(o);
}

// Closing runs with the GIL held: it may drop user functions, whose
// destructors release Python references.
void database_dealloc(Object* o) {
    SqliteDatabase* d = reinterpret_cast<SqliteDatabase*>(o);
    if (d->db) sqlite3_close_v2(d->db);
    free_object(o);
}

Value db_close(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "close", "close", 0, 0)) return Value();
    SqliteDatabase* d = database(args[0]);
    int rc = SQLITE_OK;
    if (d->db) rc = sqlite3_close_v2(d->db);
    d->db = nullptr;
    return make_int(ts, rc);
}

Value db_errcode(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "errcode", "errcode", 0, 0)) return Value();
    sqlite3* db = database(args[0])->db;
    return make_int(ts, db ? sqlite3_extended_errcode(db) : SQLITE_MISUSE);
}

Value db_errmsg(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "errmsg", "errmsg", 0, 0)) return Value();
    sqlite3* db = database(args[0])->db;
    return make_str(ts, db ? sqlite3_errmsg(db) : "database is closed");
}

Value db_changes(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "changes", "changes", 0, 0)) return Value();
    sqlite3* db = open_handle(ts, args[0]);
    return db ? make_int(ts, sqlite3_changes64(db)) : Value();
}

Value db_total_changes(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "total_changes", "total_changes", 0, 0)) return Value();
    sqlite3* db = open_handle(ts, args[0]);
    return db ? make_int(ts, sqlite3_total_changes64(db)) : Value();
}

Value db_last_insert_rowid(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "last_insert_rowid", "last_insert_rowid", 0, 0)) return Value();
    sqlite3* db = open_handle(ts, args[0]);
    return db ? make_int(ts, sqlite3_last_insert_rowid(db)) : Value();
}

Value db_autocommit(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "autocommit", "autocommit", 0, 0)) return Value();
    sqlite3* db = open_handle(ts, args[0]);
    return db ? Value::boolean(sqlite3_get_autocommit(db) != 0) : Value();
}

// exec(sql) -> result code: runs every statement of a script, results
// discarded (executescript).
Value db_exec(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "exec", "exec", 1, 1) || !str_arg(ts, args[1], "sql script"))
        return Value();
    SqliteDatabase* d = database(args[0]);
    if (!open_handle(ts, args[0])) return Value();
    std::string sql(str_view(args[1]));
    ThreadState* outer = d->running;
    d->running = &ts;
    int rc;
    {
        GilRelease released(ts);
        rc = sqlite3_exec(d->db, sql.c_str(), nullptr, nullptr, nullptr);
    }
    d->running = outer;
    if (ts.has_exception()) return Value();
    return make_int(ts, rc);
}

// prepare(sql) -> (rc, Statement or None, tail): `tail` is the text after
// the first statement, for the "one statement at a time" check.
Value db_prepare(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "prepare", "prepare", 1, 1) || !str_arg(ts, args[1], "sql"))
        return Value();
    if (!open_handle(ts, args[0])) return Value();
    std::string_view sql = str_view(args[1]);
    sqlite3_stmt* stmt = nullptr;
    const char* tail = nullptr;
    int rc = sqlite3_prepare_v2(database(args[0])->db, sql.data(), static_cast<int>(sql.size()),
                                &stmt, &tail);
    Ref rest(make_str(ts, tail ? std::string_view(tail, sql.data() + sql.size() - tail) : ""));
    if (!rest) {
        sqlite3_finalize(stmt);
        return Value();
    }
    Ref code(make_int(ts, rc));
    if (rc != SQLITE_OK || !stmt) {
        sqlite3_finalize(stmt);
        return tuple_pack(ts, {*code, Value::none(), *rest});
    }
    TypeObject* t = sqlite_statement_type(ts.interp());
    Object* o = alloc_object(t, t->basicsize);
    if (!o) {
        sqlite3_finalize(stmt);
        return raise_memory_error(ts);
    }
    SqliteStatement* s = reinterpret_cast<SqliteStatement*>(o);
    s->stmt = stmt;
    s->database = new_ref(args[0]);
    Ref st(Value::object(o));
    return tuple_pack(ts, {*code, *st, *rest});
}

Value db_complete(ThreadState& ts, Args args) {
    Value sqlv;
    if (!parse_args(ts, args, "complete_statement", {"statement"}, {&sqlv}) ||
        !str_arg(ts, sqlv, "statement"))
        return Value();
    std::string sql(str_view(sqlv));
    return Value::boolean(sqlite3_complete(sql.c_str()) != 0);
}

constexpr MethodDef kDatabaseMethods[] = {
    {"close", db_close},
    {"errcode", db_errcode},
    {"errmsg", db_errmsg},
    {"changes", db_changes},
    {"total_changes", db_total_changes},
    {"last_insert_rowid", db_last_insert_rowid},
    {"autocommit", db_autocommit},
    {"exec", db_exec},
    {"prepare", db_prepare},
    {"create_function", sqlite_db_create_function},
    {"create_aggregate", sqlite_db_create_aggregate},
};

void fill_database_type(Interpreter& in, TypeObject* t) {
    t->dealloc = database_dealloc;
    type_add_methods(in, t, kDatabaseMethods);
}

constexpr MethodDef kSqliteFunctions[] = {
    {"open", sqlite_open},
    {"complete_statement", db_complete},
};

}  // namespace

TypeObject* sqlite_database_type(Interpreter& interp) {
    static constexpr NativeTypeSpec kSpec{
        .key = "_sqlite3.Database",
        .module = "_sqlite3",
        .name = "Database",
        .basicsize = sizeof(SqliteDatabase),
        .flags = 0,
        .fill = fill_database_type,
    };
    return native_type_once(interp, kSpec);
}

Value init_sqlite3_module(ThreadState& ts) {
    Ref m(module_new(ts, "_sqlite3"));
    if (!m || !module_add_functions(ts, *m, kSqliteFunctions)) return Value();
    Ref version(make_str(ts, sqlite3_libversion()));
    Ref number(make_int(ts, sqlite3_libversion_number()));
    if (!version || !number || !module_add_value(ts, *m, "sqlite_version", *version) ||
        !module_add_value(ts, *m, "sqlite_version_number", *number) ||
        !module_add_value(ts, *m, "Database", val(sqlite_database_type(ts.interp()))) ||
        !module_add_value(ts, *m, "Statement", val(sqlite_statement_type(ts.interp()))))
        return Value();
    return m.release();
}

}  // namespace gilt
