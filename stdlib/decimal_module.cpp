// The _decimal module: the Decimal type and the module state that holds
// the Python half's hooks (the files of this module are listed in
// decimal_module_internal.hpp).
#include <cmath>
#include <memory>
#include <new>
#include <string>
#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/float.hpp"
#include "runtime/heap.hpp"
#include "runtime/instance.hpp"
#include "runtime/int.hpp"
#include "runtime/list.hpp"
#include "runtime/module.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "stdlib/contextvars.hpp"
#include "stdlib/decimal_module_internal.hpp"
#include "stdlib/decimal_number.hpp"
#include "stdlib/modules.hpp"
#include "stdlib/native_type.hpp"

namespace gilt::decimal_impl {

TypeObject* decimal_type(ThreadState& ts) {
    return state(ts.interp()).type;
}

bool is_decimal(ThreadState& ts, Value v) {
    if (!v.is_object()) return false;
    TypeObject* t = type_of_object(v);
    // Only Decimal itself has this dealloc: no state lookup for the common case.
    if (t->dealloc == decimal_dealloc) return true;
    return type_is_subtype(t, decimal_type(ts));
}

Value wrap_in(ThreadState& ts, DecimalState& st, dec::Number n, TypeObject* type) {
    if (!type) type = st.type;
    Object* o = alloc_object(type, type->basicsize);
    if (!o) return raise_memory_error(ts);
    auto* d = reinterpret_cast<DecimalObject*>(o);
    new (&d->num) dec::Number(std::move(n));
    d->hash = -1;
    d->st = &st;
    return Value::object(o);
}

Value wrap(ThreadState& ts, dec::Number n, TypeObject* type) {
    return wrap_in(ts, state(ts.interp()), std::move(n), type);
}

Value decimal_get_real(ThreadState&, Value self) {
    return new_ref(self);
}
Value decimal_get_imag(ThreadState& ts, Value) {
    return wrap(ts, dec::Number());
}

constexpr GetSetDef kDecimalGetSets[] = {
    {"real", decimal_get_real},
    {"imag", decimal_get_imag},
};

void fill_decimal_type(Interpreter& interp, TypeObject* t) {
    t->name = interp.intern("Decimal");  // messages say "decimal.Decimal" (tp_name)
    t->new_ = decimal_new;
    t->dealloc = decimal_dealloc;
    t->repr = decimal_repr;
    t->str = decimal_str;
    t->hash = decimal_hash;
    t->richcompare = decimal_richcompare;
    t->nb[static_cast<int>(BinOp::Add)] = decimal_add;
    t->nb[static_cast<int>(BinOp::Sub)] = decimal_sub;
    t->nb[static_cast<int>(BinOp::Mul)] = decimal_mul;
    t->nb[static_cast<int>(BinOp::TrueDiv)] = decimal_truediv;
    t->nb[static_cast<int>(BinOp::FloorDiv)] = decimal_floordiv;
    t->nb[static_cast<int>(BinOp::Mod)] = decimal_mod;
    t->nb[static_cast<int>(BinOp::Pow)] = decimal_pow;
    t->nb_neg = decimal_neg;
    t->nb_pos = decimal_pos;
    t->nb_abs = decimal_abs;
    t->nb_int = decimal_int;
    t->nb_float = decimal_float;
    t->bool_ = decimal_bool;
    type_add_methods(interp, t, decimal_methods());
    type_add_getsets(interp, t, kDecimalGetSets);
}

constexpr NativeTypeSpec kDecimalSpec = {
    "_decimal.Decimal",    "decimal",     "decimal.Decimal",
    sizeof(DecimalObject), kTypeBaseType, fill_decimal_type,
};

DecimalState& state(Interpreter& interp) {
    // Every operation comes here: the key is built once (a constant).
    static const std::string kKey = "_decimal.state";
    auto it = interp.module_state.find(kKey);
    if (it == interp.module_state.end()) {
        auto st = std::make_shared<DecimalState>();
        it = interp.module_state.emplace(kKey, st).first;
        st->type = native_type_once(interp, kDecimalSpec);
    }
    return *static_cast<DecimalState*>(it->second.get());
}

// _install(getcontext, signal, format, make_tuple, var, conditions):
// the Python half's hooks. The _decimal module's dict owns them (so they
// are released with the module at tear-down); the state borrows them.
Value decimal_install(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "_install", 6, 6)) return Value();
    if (!is_tuple(ts, args[5]) || tuple_size(args[5]) != 12)
        return raise(ts, ts.exc_types().TypeError, "_install: conditions must be a 12-tuple");
    DecimalState& st = state(ts.interp());
    if (st.module_dict.is_null())
        return raise(ts, ts.exc_types().RuntimeError, "_decimal is not initialised");
    static constexpr const char* kNames[] = {"_getcontext", "_signal", "_format",
                                             "_tuple_type", "_var",    "_conditions"};
    Value* slots[] = {&st.getcontext, &st.signal, &st.format,
                      &st.tuple_type, &st.var,    &st.conditions};
    for (int i = 0; i < 6; ++i) {
        if (!dict_set_cstr(ts, st.module_dict, kNames[i], args[i])) return Value();
        *slots[i] = args[i];
    }
    return Value::none();
}

constexpr MethodDef kDecimalFunctions[] = {
    {"_install", decimal_install},
};

}  // namespace gilt::decimal_impl

namespace gilt {

Value init_decimal_module(ThreadState& ts) {
    using namespace decimal_impl;
    Ref m(module_new(ts, "_decimal"));
    if (!m || !module_add_functions(ts, *m, kDecimalFunctions)) return Value();
    state(ts.interp()).module_dict = module_dict(*m);
    if (!module_add_value(ts, *m, "Decimal", val(state(ts.interp()).type))) return Value();
    return m.release();
}

}  // namespace gilt
