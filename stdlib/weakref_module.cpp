// The native `_weakref` module: the ref type (runtime/weakref.cpp) and the
// functions stdlib/lib/weakref.py builds on.
#include "runtime/arg_parse.hpp"
#include "runtime/errors.hpp"
#include "runtime/gc.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/list.hpp"
#include "runtime/module.hpp"
#include "runtime/weakref.hpp"
#include "stdlib/modules.hpp"

namespace gilt {

namespace {

Value weakref_getweakrefcount(ThreadState& ts, Args args);
Value weakref_getweakrefs(ThreadState& ts, Args args);

constexpr MethodDef kWeakrefFunctions[] = {
    {"getweakrefcount", weakref_getweakrefcount},
    {"getweakrefs", weakref_getweakrefs},
};

Value weakref_getweakrefcount(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "getweakrefcount", 1, 1)) return Value();
    return make_int(ts, weakref_count(ts.interp(), args[0]));
}

Value weakref_getweakrefs(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "getweakrefs", 1, 1)) return Value();
    Ref out(list_new(ts));
    if (!out) return Value();
    Value obj = args[0];
    if (!obj.is_object() || !(obj.as_object()->flags & kObjHasWeakrefs)) return out.release();
    auto it = ts.interp().gc->weakrefs.find(obj.as_object());
    if (it == ts.interp().gc->weakrefs.end()) return out.release();
    for (Object* r : it->second)
        if (!list_append(ts, *out, val(r))) return Value();
    return out.release();
}

}  // namespace

Value init_weakref_module(ThreadState& ts) {
    Ref m(module_new(ts, "_weakref"));
    if (!m || !module_add_functions(ts, *m, kWeakrefFunctions)) return Value();
    Value ref = val(weakref_type(ts.interp()));
    if (!module_add_value(ts, *m, "ref", ref) || !module_add_value(ts, *m, "ReferenceType", ref))
        return Value();
    return m.release();
}

}  // namespace gilt
