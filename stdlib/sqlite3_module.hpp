// _sqlite3: the native half of the sqlite3 package (stdlib/lib/sqlite3/).
// It is a thin layer over the SQLite C library: a Database wraps one
// sqlite3* connection, a Statement one prepared sqlite3_stmt*. Methods
// return SQLite's result codes as ints and leave the choice of exception
// (OperationalError, IntegrityError, ...) to the Python half, which reads
// the message with Database.errmsg(): the DB-API logic (transactions,
// parameters, cursors, rows, adapters) reads best in Python.
//
// Threads: every call that can wait on the disk or on another connection's
// lock (open, sqlite3_step, sqlite3_exec) runs with the GIL released. A
// user-defined SQL function or aggregate is called back by SQLite from
// inside such a call: the callback takes the GIL again for the Python call
// and drops it before returning to SQLite (CPython's PyGILState_Ensure).
// The Python half refuses use from another thread unless
// check_same_thread=False; SQLite itself is built serialized, so even then
// two threads cannot corrupt one connection.
#pragma once

#include <sqlite3.h>

#include "runtime/interpreter.hpp"
#include "runtime/thread_state.hpp"
#include "runtime/type.hpp"

namespace gilt {

struct SqliteDatabase {
    Object hdr;
    sqlite3* db;  // null once closed
    // The thread running a statement on this connection, for callbacks
    // SQLite makes meanwhile. Set and cleared with the GIL held.
    ThreadState* running;
};

struct SqliteStatement {
    Object hdr;
    sqlite3_stmt* stmt;  // null once finalized
    Value database;      // the SqliteDatabase it was prepared on (owned)
};

TypeObject* sqlite_database_type(Interpreter& interp);
TypeObject* sqlite_statement_type(Interpreter& interp);

// A SQLite value as a Python object: int, float, str (bytes when
// `text_as_bytes`), bytes or None. New reference, or null with an exception.
Value sqlite_to_python(ThreadState& ts, sqlite3_value* v, bool text_as_bytes);
// db.create_function(name, narg, func, deterministic) and
// db.create_aggregate(name, narg, cls) (sqlite3_callbacks.cpp).
Value sqlite_db_create_function(ThreadState& ts, Args args);
Value sqlite_db_create_aggregate(ThreadState& ts, Args args);

}  // namespace gilt
