// Struct sequence types (see structseq.hpp). Each field is a property whose
// getter is one shared native function bound to the field's index, so
// `sys.version_info.major` costs one tuple index and no per-type C++ code.
#include "stdlib/structseq.hpp"

#include <string>

#include "runtime/abstract.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/heap.hpp"
#include "runtime/instance.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/native_function.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"

namespace gilt {

namespace {

constexpr std::size_t kTupleHeader = offsetof(TupleObject, items);

// The getter of every field: args[0] is the bound index, args[1] the instance.
Value structseq_field(ThreadState& ts, Args args) {
    if (args.n != 2 || !is_tuple(ts, args[1]))
        return raise(ts, ts.exc_types().TypeError, "descriptor needs a struct sequence");
    uint64_t i = static_cast<uint64_t>(args[0].as_small_int());
    if (i >= tuple_size(args[1])) return Value::none();
    return new_ref(tuple_item(args[1], i));
}

Value structseq_repr(ThreadState& ts, Value self) {
    TypeObject* t = type_of(ts, self);
    // Borrowed from the type's dict: struct sequence types are immutable.
    Value fields = type_lookup_cstr(ts, t, "_fields");
    Value module = type_lookup_cstr(ts, t, "__module__");
    std::string out;
    if (!module.is_null() && is_str(ts, module) && str_view(module) != "builtins") {
        out += str_view(module);
        out += '.';
    }
    out += str_view(t->name);
    out += '(';
    uint64_t n = tuple_size(self);
    for (uint64_t i = 0; i < n; ++i) {
        if (i) out += ", ";
        if (!fields.is_null() && i < tuple_size(fields)) {
            out += str_view(tuple_item(fields, i));
            out += '=';
        }
        Ref r(obj_repr(ts, tuple_item(self, i)));
        if (!r) return Value();
        out += str_view(*r);
    }
    out += ')';
    return make_str(ts, out);
}

// The __dict__ slot holding the extra fields, or null for a type without.
Value* extras_slot(Object* o) {
    return instance_dict_slot(o);
}

void structseq_clear(Object* o) {
    auto* t = reinterpret_cast<TupleObject*>(o);
    for (uint64_t i = 0; i < t->size; ++i) clear_ref(t->items[i]);
    if (Value* d = extras_slot(o)) clear_ref(*d);
}

void structseq_dealloc(Object* o) {
    structseq_clear(o);
    free_object(o);
}

void structseq_traverse(Object* o, VisitFn visit, void* ctx) {
    auto* t = reinterpret_cast<TupleObject*>(o);
    for (uint64_t i = 0; i < t->size; ++i)
        if (!t->items[i].is_null()) visit(t->items[i], ctx);
    if (Value* d = extras_slot(o); d && !d->is_null()) visit(*d, ctx);
}

bool add_field_property(Interpreter& interp, TypeObject* t, const char* name, int64_t index) {
    ThreadState& ts = interp.main_thread();
    Ref getter(make_native_function(ts, name, structseq_field));
    if (!getter) return false;
    Ref bound(native_bind(ts, *getter, Value::small_int(index)));
    if (!bound) return false;
    Ref prop(call1(ts, val(interp.types.property), *bound));
    if (!prop) return false;
    type_set_attr_cstr(interp, t, name, *prop);
    return true;
}

}  // namespace

TypeObject* make_structseq_type(Interpreter& interp, const char* module, const char* name,
                                std::span<const char* const> fields) {
    return make_structseq_type(interp, module, name, fields, {});
}

TypeObject* make_structseq_type(Interpreter& interp, const char* module, const char* name,
                                std::span<const char* const> fields,
                                std::span<const char* const> extra) {
    ThreadState& ts = interp.main_thread();
    TypeObject* tuple = interp.types.tuple;
    TypeObject* t =
        type_alloc_builtin(interp, name, ObjKind::Tuple, kTupleHeader, tuple, kTypeHasGc);
    t->hdr.type = interp.types.type;
    t->repr = structseq_repr;
    t->dealloc = structseq_dealloc;
    t->traverse = structseq_traverse;
    t->clear = structseq_clear;
    Ref names(tuple_new(ts, fields.size()));
    for (std::size_t i = 0; i < fields.size(); ++i) {
        tuple_obj(*names)->items[i] = interp.intern(fields[i]);
        if (!add_field_property(interp, t, fields[i], static_cast<int64_t>(i))) clear_exception(ts);
    }
    Ref mod(interp.intern(module));
    type_set_attr_cstr(interp, t, "__module__", *mod);
    type_set_attr_cstr(interp, t, "_fields", *names);
    if (!extra.empty()) {
        t->dict_offset = kDictAfterItems;
        Ref extra_names(tuple_new(ts, extra.size()));
        for (std::size_t i = 0; i < extra.size(); ++i) {
            tuple_obj(*extra_names)->items[i] = interp.intern(extra[i]);
            type_set_attr_cstr(interp, t, extra[i], Value::none());
        }
        type_set_attr_cstr(interp, t, "_extra_fields", *extra_names);
    }
    type_set_attr_cstr(interp, t, "n_fields",
                       Value::small_int(static_cast<int64_t>(fields.size() + extra.size())));
    type_set_attr_cstr(interp, t, "n_sequence_fields",
                       Value::small_int(static_cast<int64_t>(fields.size())));
    type_set_attr_cstr(interp, t, "n_unnamed_fields", Value::small_int(0));
    type_ready(interp, t);
    return t;
}

Value structseq_new(ThreadState& ts, TypeObject* type, std::span<const Value> items) {
    bool has_dict = type->dict_offset == kDictAfterItems;
    auto* t = alloc_gc<TupleObject>(type, kTupleHeader + (items.size() + has_dict) * sizeof(Value));
    if (!t) return raise_memory_error(ts);
    t->size = items.size();
    for (std::size_t i = 0; i < items.size(); ++i) t->items[i] = new_ref(items[i]);
    if (has_dict) *extras_slot(&t->hdr) = Value();
    return val(t);
}

Value structseq_new(ThreadState& ts, TypeObject* type, std::span<const Value> items,
                    std::span<const Value> extras) {
    Ref r(structseq_new(ts, type, items));
    Value names = r ? type_lookup_cstr(ts, type, "_extra_fields") : Value();
    if (names.is_null() || !is_tuple(ts, names) || tuple_size(names) != extras.size())
        return r ? raise(ts, ts.exc_types().SystemError, "struct sequence without extra fields")
                 : Value();
    Ref d(dict_new(ts));
    if (!d) return Value();
    for (std::size_t i = 0; i < extras.size(); ++i)
        if (!dict_set(ts, *d, tuple_item(names, i), extras[i])) return Value();
    *extras_slot((*r).as_object()) = d.release();
    return r.release();
}

Value structseq_new_steal(ThreadState& ts, TypeObject* type, std::initializer_list<Value> items) {
    bool ok = true;
    for (Value v : items) ok &= !v.is_null();
    Value r =
        ok ? structseq_new(ts, type, std::span<const Value>(items.begin(), items.size())) : Value();
    for (Value v : items) decref(v);
    return r;
}

}  // namespace gilt
