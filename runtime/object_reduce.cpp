// object.__reduce_ex__, object.__reduce__ and object.__getstate__: how an
// object describes itself to pickle and copy (CPython's Objects/typeobject.c
// reduce_newobj and object___reduce_ex__ give the behaviour followed here).
//
// The recipe for protocol 2 and up is
//     (copyreg.__newobj__, (cls, *args), state, listitems, dictitems)
// where args come from __getnewargs_ex__ / __getnewargs__ (or, for a
// subclass of an immutable builtin, the builtin value itself), state from
// __getstate__, and list or dict subclasses hand over their items as
// iterators. Keyword arguments switch the callable to copyreg.__newobj_ex__.
// Below protocol 2 the recipe is copyreg._reduce_ex's. copyreg is a Python
// module; the runtime reaches it through builtins.__import__, as CPython's
// typeobject.c imports it.
#include "runtime/object_reduce.hpp"

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/bytes.hpp"
#include "runtime/complex.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/exception.hpp"
#include "runtime/float.hpp"
#include "runtime/instance.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/list.hpp"
#include "runtime/module.hpp"
#include "runtime/range.hpp"
#include "runtime/set.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "runtime/type.hpp"

namespace gilt {

namespace {

Value import_copyreg(ThreadState& ts) {
    Value cached = dict_get_cstr(ts, ts.interp().modules, "copyreg");
    if (!cached.is_null()) return new_ref(cached);
    Value importer = dict_get_cstr(ts, ts.interp().builtins, "__import__");
    if (importer.is_null()) return raise(ts, ts.exc_types().ImportError, "__import__ not found");
    Ref name(make_str(ts, "copyreg"));
    if (!name) return Value();
    return call1(ts, importer, *name);
}

Value copyreg_attr(ThreadState& ts, const char* attr) {
    Ref copyreg(import_copyreg(ts));
    if (!copyreg) return Value();
    return obj_getattr_cstr(ts, *copyreg, attr);
}

TypeObject* builtin_base(TypeObject* t) {
    while (t && (t->flags & kTypeHeap)) t = t->base;
    return t;
}

// Objects whose builtin base is one of these carry nothing pickle cannot
// see beyond what __getnewargs__/__getstate__ give.
bool base_is_transparent(ThreadState& ts, TypeObject* base) {
    const auto& t = ts.types();
    return base == t.object || base == t.list || base == t.dict || base == t.set ||
           base == t.frozenset || base == t.int_ || base == t.float_ || base == t.str ||
           base == t.bytes || base == t.tuple || base == t.complex || base == t.bytearray ||
           (base->flags & kTypeIsException);
}

// Slot values by name, from copyreg._slotnames(cls); null dict if none.
bool slot_state(ThreadState& ts, Value obj, Ref* out) {
    if (type_lookup_cstr(ts, type_of(ts, obj), "__slots__").is_null()) return true;
    Ref slotnames_fn(copyreg_attr(ts, "_slotnames"));
    if (!slotnames_fn) return false;
    Ref names(call1(ts, *slotnames_fn, val(type_of(ts, obj))));
    if (!names) return false;
    if (!is_list(ts, *names)) {
        raise(ts, ts.exc_types().TypeError, "copyreg._slotnames didn't return a list or None");
        return false;
    }
    for (uint64_t i = 0; i < list_size(*names); ++i) {
        Value name = list_item(*names, i);
        Ref value(obj_getattr_opt(ts, obj, name));
        if (!value) {
            if (ts.has_exception()) return false;
            continue;
        }
        if (!*out) out->reset(dict_new(ts));
        if (!*out || !dict_set(ts, **out, name, *value)) return false;
    }
    return true;
}

// The builtin value an instance of an immutable builtin subclass wraps, as
// CPython's int.__getnewargs__ and friends return it: (value,).
Value builtin_newargs(ThreadState& ts, Value obj, TypeObject* base) {
    const auto& t = ts.types();
    if (base == t.int_ || base == t.float_ || base == t.str || base == t.bytes || base == t.tuple ||
        base == t.complex) {
        Ref plain(call1(ts, val(base), obj));
        if (!plain) return Value();
        return tuple_pack(ts, {*plain});
    }
    return Value();
}

// (args, kwargs) for cls.__new__: kwargs null when there are none.
bool new_arguments(ThreadState& ts, Value obj, Ref* args, Ref* kwargs) {
    TypeObject* cls = type_of(ts, obj);
    Value ex = type_lookup_cstr(ts, cls, "__getnewargs_ex__");
    if (!ex.is_null()) {
        Ref r(call_bound_special(ts, ex, obj, Args{}));
        if (!r) return false;
        if (!is_tuple(ts, *r)) {
            raise_fmt(ts, ts.exc_types().TypeError,
                      "__getnewargs_ex__ should return a tuple, not '{}'", type_name(ts, *r));
            return false;
        }
        if (tuple_size(*r) != 2) {
            raise_fmt(ts, ts.exc_types().ValueError,
                      "__getnewargs_ex__ should return a tuple of length 2, not {}",
                      tuple_size(*r));
            return false;
        }
        Value a = tuple_item(*r, 0), k = tuple_item(*r, 1);
        if (!is_tuple(ts, a)) {
            raise_fmt(
                ts, ts.exc_types().TypeError,
                "first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '{}'",
                type_name(ts, a));
            return false;
        }
        if (!is_dict(ts, k)) {
            raise_fmt(
                ts, ts.exc_types().TypeError,
                "second item of the tuple returned by __getnewargs_ex__ must be a dict, not '{}'",
                type_name(ts, k));
            return false;
        }
        args->reset(new_ref(a));
        if (dict_size(k)) kwargs->reset(new_ref(k));
        return true;
    }
    Value plain = type_lookup_cstr(ts, cls, "__getnewargs__");
    if (!plain.is_null()) {
        Ref r(call_bound_special(ts, plain, obj, Args{}));
        if (!r) return false;
        if (!is_tuple(ts, *r)) {
            raise_fmt(ts, ts.exc_types().TypeError,
                      "__getnewargs__ should return a tuple, not '{}'", type_name(ts, *r));
            return false;
        }
        args->reset(r.release());
    }
    return true;
}

Value reduce_newobj(ThreadState& ts, Value obj) {
    TypeObject* cls = type_of(ts, obj);
    TypeObject* base = builtin_base(cls);
    Ref args, kwargs;
    if (!new_arguments(ts, obj, &args, &kwargs)) return Value();
    bool has_args = !args.is_null();
    if (!has_args) {
        args.reset(builtin_newargs(ts, obj, base));
        if (ts.has_exception()) return Value();
        has_args = !args.is_null();
        if (!has_args) args.reset(new_ref(ts.interp().empty_tuple));
    }
    Object* o = obj.is_object() ? obj.as_object() : nullptr;
    bool is_list_like = o && o->kind == ObjKind::List;
    bool is_dict_like = o && o->kind == ObjKind::Dict;
    bool required = !has_args && !is_list_like && !is_dict_like;
    Ref state;
    Value default_getstate = type_lookup_cstr(ts, ts.types().object, "__getstate__");
    Value found = type_lookup_cstr(ts, cls, "__getstate__");
    if (found == default_getstate) {
        state.reset(object_getstate(ts, obj, required));
    } else {
        Ref getstate(obj_getattr_cstr(ts, obj, "__getstate__"));
        if (!getstate) return Value();
        state.reset(call0(ts, *getstate));
    }
    if (!state) return Value();
    Ref listitems(Value::none()), dictitems(Value::none());
    if (is_list_like) listitems.reset(obj_iter(ts, obj));
    if (is_dict_like) {
        Ref items_fn(obj_getattr_cstr(ts, obj, "items"));
        if (!items_fn) return Value();
        Ref items(call0(ts, *items_fn));
        if (!items) return Value();
        dictitems.reset(obj_iter(ts, *items));
    }
    if (!listitems || !dictitems) return Value();
    Ref newobj, newargs;
    if (!kwargs) {
        newobj.reset(copyreg_attr(ts, "__newobj__"));
        uint64_t n = tuple_size(*args);
        newargs.reset(tuple_new(ts, n + 1));
        if (!newargs) return Value();
        tuple_obj(*newargs)->items[0] = new_ref(val(cls));
        for (uint64_t i = 0; i < n; ++i)
            tuple_obj(*newargs)->items[i + 1] = new_ref(tuple_item(*args, i));
    } else {
        newobj.reset(copyreg_attr(ts, "__newobj_ex__"));
        newargs.reset(tuple_pack(ts, {val(cls), *args, *kwargs}));
    }
    if (!newobj || !newargs) return Value();
    return tuple_pack(ts, {*newobj, *newargs, *state, *listitems, *dictitems});
}

Value exception_reduce(ThreadState& ts, Value obj) {
    Value args = exception_args(obj);
    if (args.is_null()) args = ts.interp().empty_tuple;
    Value* d = instance_dict_slot(obj.as_object());
    if (d && !d->is_null() && dict_size(*d))
        return tuple_pack(ts, {val(type_of(ts, obj)), args, *d});
    return tuple_pack(ts, {val(type_of(ts, obj)), args});
}

Value instance_dict_or_none(Value obj) {
    Value* d = obj.is_object() ? instance_dict_slot(obj.as_object()) : nullptr;
    if (d && !d->is_null() && dict_size(*d)) return *d;
    return Value::none();
}

Value set_reduce(ThreadState& ts, Value obj) {
    Ref items(list_from_iterable(ts, obj));
    if (!items) return Value();
    Ref args(tuple_pack(ts, {*items}));
    if (!args) return Value();
    Value state = instance_dict_or_none(obj);
    if (state.is_none() && type_of(ts, obj) == ts.types().frozenset)
        return tuple_pack(ts, {val(type_of(ts, obj)), *args});
    return tuple_pack(ts, {val(type_of(ts, obj)), *args, state});
}

Value bytearray_reduce(ThreadState& ts, Value obj) {
    Ref b(make_bytes(ts, bytearray_view(obj)));
    if (!b) return Value();
    Ref args(tuple_pack(ts, {*b}));
    if (!args) return Value();
    return tuple_pack(ts, {val(type_of(ts, obj)), *args, instance_dict_or_none(obj)});
}

}  // namespace

Value builtin_type_reduce(ThreadState& ts, Value obj, int /*proto*/) {
    if (!obj.is_object()) return Value();
    Object* o = obj.as_object();
    switch (o->kind) {
        case ObjKind::Set:
        case ObjKind::FrozenSet:
            return set_reduce(ts, obj);
        case ObjKind::ByteArray:
            return bytearray_reduce(ts, obj);
        case ObjKind::Exception:
            return exception_reduce(ts, obj);
        case ObjKind::Complex: {
            if (o->type != ts.types().complex) return Value();
            auto* c = complex_obj(obj);
            Ref re(make_float(ts, c->real)), im(make_float(ts, c->imag));
            if (!re || !im) return Value();
            Ref args(tuple_pack(ts, {*re, *im}));
            if (!args) return Value();
            return tuple_pack(ts, {val(o->type), *args});
        }
        case ObjKind::Range: {
            auto* r = reinterpret_cast<RangeObject*>(o);
            Ref args(tuple_pack(ts, {r->start, r->stop, r->step}));
            if (!args) return Value();
            return tuple_pack(ts, {val(o->type), *args});
        }
        case ObjKind::Slice: {
            auto* s = reinterpret_cast<SliceObject*>(o);
            Ref args(tuple_pack(ts, {s->start, s->stop, s->step}));
            if (!args) return Value();
            return tuple_pack(ts, {val(o->type), *args});
        }
        default:
            return Value();
    }
}

Value object_getstate(ThreadState& ts, Value obj, bool required) {
    TypeObject* cls = type_of(ts, obj);
    if (required && !base_is_transparent(ts, builtin_base(cls)))
        return raise_fmt(ts, ts.exc_types().TypeError, "cannot pickle '{}' object",
                         type_name(ts, obj));
    Ref slots;
    if (!slot_state(ts, obj, &slots)) return Value();
    if (obj.is_object() && !instance_materialize_dict(ts, obj.as_object())) return Value();
    Value attrs = instance_dict_or_none(obj);
    if (!slots) return new_ref(attrs);
    // A slot name may also be a key of the instance dict (set through
    // __dict__); the state lists it once, as a slot.
    Ref rest(attrs.is_none() ? Value::none() : dict_copy(ts, attrs));
    if (!rest) return Value();
    if (!(*rest).is_none()) {
        uint64_t pos = 0;
        Value k, v;
        while (dict_next(*slots, &pos, &k, &v))
            if (dict_del(ts, *rest, k) < 0) clear_exception(ts);
        if (dict_size(*rest) == 0) rest.reset(Value::none());
    }
    return tuple_pack(ts, {*rest, *slots});
}

Value object_reduce_default(ThreadState& ts, Value obj, int proto) {
    Ref own(builtin_type_reduce(ts, obj, proto));
    if (own || ts.has_exception()) return own.release();
    if (proto >= 2) return reduce_newobj(ts, obj);
    Ref reduce_ex(copyreg_attr(ts, "_reduce_ex"));
    if (!reduce_ex) return Value();
    return call2(ts, *reduce_ex, obj, Value::small_int(proto));
}

Value object_reduce_ex_method(ThreadState& ts, Args args) {
    Value self, protocol;
    if (!parse_args(ts, args, "__reduce_ex__", {"self", "protocol"}, {&self, &protocol}))
        return Value();
    int64_t proto;
    if (!is_int(protocol)) {
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "'{}' object cannot be interpreted as an integer",
                         type_name(ts, protocol));
    }
    if (!int_as_int64(ts, protocol, &proto)) return Value();
    Value own = type_lookup_cstr(ts, type_of(ts, self), "__reduce__");
    Value base = type_lookup_cstr(ts, ts.types().object, "__reduce__");
    if (!own.is_null() && own != base) {
        Ref reduce(obj_getattr_cstr(ts, self, "__reduce__"));
        return reduce ? call0(ts, *reduce) : Value();
    }
    return object_reduce_default(ts, self, static_cast<int>(proto));
}

Value object_reduce_method(ThreadState& ts, Args args) {
    if (!method_noargs(ts, args, "object.__reduce__")) return Value();
    return object_reduce_default(ts, args[0], 0);
}

Value object_getstate_method(ThreadState& ts, Args args) {
    if (!method_noargs(ts, args, "object.__getstate__")) return Value();
    return object_getstate(ts, args[0], false);
}

}  // namespace gilt
