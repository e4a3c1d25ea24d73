// The types of the immediate singletons None, NotImplemented and Ellipsis.
//
// Their values are tagged immediates (runtime/value.hpp), never heap
// objects, so these types have no dealloc; hash and equality are object's
// (identity). Calling a type returns its singleton, as in CPython.
// bool(NotImplemented) is True without the DeprecationWarning 3.9+ emits.
#include "runtime/arg_parse.hpp"
#include "runtime/builtin_defines.hpp"
#include "runtime/errors.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/str.hpp"

namespace gilt {

namespace {

Value not_implemented_reduce(ThreadState& ts, Args args);
Value ellipsis_reduce(ThreadState& ts, Args args);

constexpr MethodDef kNotImplementedMethods[] = {
    {"__reduce__", not_implemented_reduce},
};
constexpr MethodDef kEllipsisMethods[] = {
    {"__reduce__", ellipsis_reduce},
};

Value not_implemented_reduce(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "__reduce__", 1, 1)) return Value();
    return make_str(ts, "NotImplemented");
}
Value ellipsis_reduce(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "__reduce__", 1, 1)) return Value();
    return make_str(ts, "Ellipsis");
}

// `type_label` is the name in the error (EllipsisType, not `ellipsis`).
Value singleton_new(ThreadState& ts, Args args, const char* type_label, Value singleton) {
    if (args.n != 0 || args.kw_count() != 0) {
        return raise_fmt(ts, ts.exc_types().TypeError, "{} takes no arguments", type_label);
    }
    return singleton;
}

Value none_new(ThreadState& ts, TypeObject*, Args args) {
    return singleton_new(ts, args, "NoneType", Value::none());
}
Value not_implemented_new(ThreadState& ts, TypeObject*, Args args) {
    return singleton_new(ts, args, "NotImplementedType", Value::not_implemented());
}
Value ellipsis_new(ThreadState& ts, TypeObject*, Args args) {
    return singleton_new(ts, args, "EllipsisType", Value::ellipsis());
}

Value none_repr(ThreadState& ts, Value) {
    return make_str(ts, "None");
}
Value not_implemented_repr(ThreadState& ts, Value) {
    return make_str(ts, "NotImplemented");
}
Value ellipsis_repr(ThreadState& ts, Value) {
    return make_str(ts, "Ellipsis");
}

int none_bool(ThreadState&, Value) {
    return 0;
}
int not_implemented_bool(ThreadState&, Value) {
    return 1;
}

// The instances are immediates, but a type still needs a consistent layout.
void fill_common(TypeObject* t) {
    t->instance_kind = ObjKind::Native;
    t->basicsize = sizeof(Object);
    t->flags &= ~kTypeBaseType;
}

}  // namespace

void define_none_type_type(Interpreter&, TypeObject* t) {
    fill_common(t);
    t->new_ = none_new;
    t->repr = none_repr;
    t->bool_ = none_bool;
}

void define_not_implemented_type_type(Interpreter& interp, TypeObject* t) {
    fill_common(t);
    t->new_ = not_implemented_new;
    t->repr = not_implemented_repr;
    t->bool_ = not_implemented_bool;
    type_add_methods(interp, t, kNotImplementedMethods);
}

void define_ellipsis_type_type(Interpreter& interp, TypeObject* t) {
    fill_common(t);
    t->new_ = ellipsis_new;
    t->repr = ellipsis_repr;
    type_add_methods(interp, t, kEllipsisMethods);
}

}  // namespace gilt
