// Weak references (CPython's Objects/weakrefobject.c, reduced to `ref`).
//
// Objects have no weakref list field: the interpreter keeps a side table
// (GcState::weakrefs, keyed by the referent's address) and the referent
// carries kObjHasWeakrefs, so free_object consults the table only for
// objects that ever had a weak reference.
#pragma once

#include <cstdint>
#include <vector>

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"

namespace gilt {

struct WeakrefObject {
    Object hdr;
    Object* referent;  // borrowed; null once the referent died
    Value callback;    // owned, or null
    int64_t hash;      // the referent's hash once computed, else -1
};

// The `weakref.ref` type of `interp` (created on first use).
TypeObject* weakref_type(Interpreter& interp);
// weakref.ref(obj, callback=None); callback may be null. New reference.
Value weakref_new(ThreadState& ts, Value obj, Value callback);
// The referent (borrowed), or null when it died.
Value weakref_get(Value wr) noexcept;
// Number of weak references to `obj`.
int64_t weakref_count(Interpreter& interp, Value obj) noexcept;
// Kills the weak references to `referent` (they return None from now on;
// its table entry goes, the caller clears kObjHasWeakrefs if the object is
// still there) and returns them, most recent first, borrowed.
std::vector<Object*> take_weakrefs(Interpreter& interp, Object* referent) noexcept;
// Has `wr` (a weakref object) a callback to run, and is it alive to run it?
bool weakref_calls_back(Object* wr) noexcept;
// Runs the callbacks of `refs` in order, each with its weakref as argument
// (errors unraisable; the pending exception set aside), then drops the
// references `refs` holds.
void run_weakref_callbacks(Interpreter& interp, const std::vector<Object*>& refs) noexcept;
// Called by free_object after freeing an object that was flagged
// kObjHasWeakrefs (`dead` is only its former address, the table's key):
// kills its weak references and runs their callbacks, most recent first.
void weakref_clear_referent(Interpreter& interp, Object* dead) noexcept;

}  // namespace gilt
