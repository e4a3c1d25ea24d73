// _collections: the native half of the collections module (deque in
// deque.cpp, defaultdict here; namedtuple, Counter and OrderedDict are
// written in Python in stdlib/lib/collections.py).
//
// defaultdict is a dict subclass whose instances are DictObjects followed
// by one more owned Value, the default_factory. dict's subscript calls
// __missing__ for subclasses, which builds, stores and returns the default.
#include <cstddef>
#include <string>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/heap.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/list.hpp"
#include "runtime/module.hpp"
#include "runtime/module_state.hpp"
#include "runtime/range.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "stdlib/deque.hpp"
#include "stdlib/modules.hpp"

namespace gilt {

namespace {

Value defaultdict_missing(ThreadState& ts, Args args);
Value defaultdict_copy(ThreadState& ts, Args args);
Value defaultdict_reduce(ThreadState& ts, Args args);

constexpr MethodDef kDefaultDictMethods[] = {
    {"__missing__", defaultdict_missing},
    {"copy", defaultdict_copy},
    {"__copy__", defaultdict_copy},
    {"__reduce__", defaultdict_reduce},
};

struct DefaultDictObject {
    DictObject dict;
    Value default_factory;  // owned; None when absent
};

DefaultDictObject* dd(Value v) {
    return reinterpret_cast<DefaultDictObject*>(v.as_object());
}

Value dd_get_factory(ThreadState&, Value self) {
    return new_ref(dd(self)->default_factory);
}
int dd_set_factory(ThreadState&, Value self, Value v) {
    set_ref(dd(self)->default_factory, new_ref(v.is_null() ? Value::none() : v));
    return 0;
}

constexpr GetSetDef kDefaultDictGetSets[] = {
    {"default_factory", dd_get_factory, dd_set_factory},
};

Value defaultdict_missing(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "__missing__", 1, 1)) return Value();
    Value factory = dd(args[0])->default_factory;
    if (factory.is_null() || factory.is_none()) return raise_key_error(ts, args[1]);
    Ref keep = Ref::borrow(factory);
    Ref value(call0(ts, factory));
    if (!value || obj_setitem(ts, args[0], args[1], *value) < 0) return Value();
    return value.release();
}

Value defaultdict_copy(ThreadState& ts, Args args) {
    Value self = args[0];
    return call2(ts, val(type_of(ts, self)), dd(self)->default_factory, self);
}

// The pickle recipe: (type, (factory,) or (), None, None, iter(items)).
Value defaultdict_reduce(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "__reduce__", 0, 0)) return Value();
    Value self = args[0], factory = dd(self)->default_factory;
    Ref factory_args(factory.is_null() || factory.is_none() ? new_ref(ts.interp().empty_tuple)
                                                            : tuple_pack(ts, {factory}));
    Ref items_fn(obj_getattr_cstr(ts, self, "items"));
    Ref items(items_fn ? call0(ts, *items_fn) : Value());
    Ref it(items ? obj_iter(ts, *items) : Value());
    if (!factory_args || !it) return Value();
    return tuple_pack(ts,
                      {val(type_of(ts, self)), *factory_args, Value::none(), Value::none(), *it});
}

TypeObject* dict_type(ThreadState& ts) {
    return ts.types().dict;
}

void dd_dealloc(Object* o) {
    clear_ref(reinterpret_cast<DefaultDictObject*>(o)->default_factory);
    o->type->interp->types.dict->dealloc(o);
}

void dd_traverse(Object* o, VisitFn visit, void* ctx) {
    Value f = reinterpret_cast<DefaultDictObject*>(o)->default_factory;
    if (!f.is_null()) visit(f, ctx);
    o->type->interp->types.dict->traverse(o, visit, ctx);
}

void dd_clear(Object* o) {
    clear_ref(reinterpret_cast<DefaultDictObject*>(o)->default_factory);
    o->type->interp->types.dict->clear(o);
}

Value dd_new(ThreadState& ts, TypeObject* type, Args args) {
    Value d = dict_type(ts)->new_(ts, type, args);
    if (!d.is_null()) dd(d)->default_factory = Value::none();
    return d;
}

// defaultdict(default_factory=None, /, *args, **kwargs): the rest goes to dict.
int dd_init(ThreadState& ts, Value self, Args args) {
    Value factory = Value::none();
    Args rest = args;
    if (args.n > 0) {
        factory = args[0];
        if (!factory.is_none() && type_of(ts, factory)->call == nullptr) {
            raise(ts, ts.exc_types().TypeError, "first argument must be callable or None");
            return -1;
        }
        rest = args.drop_first();
    }
    set_ref(dd(self)->default_factory, new_ref(factory));
    return dict_type(ts)->init(ts, self, rest);
}

Value dd_repr(ThreadState& ts, Value self) {
    Value factory = dd(self)->default_factory;
    std::string name(str_view(type_of(ts, self)->name));
    Ref dict_repr(dict_type(ts)->repr(ts, self));
    if (!dict_repr) return Value();
    std::string f = "None";
    if (!factory.is_none()) {
        ReprGuard guard(self);
        if (guard.recursive()) {
            f = "...";
        } else {
            Ref r(obj_repr(ts, factory));
            if (!r) return Value();
            f = str_view(*r);
        }
    }
    return make_str(ts, fmt::format("{}({}, {})", name, f, str_view(*dict_repr)));
}

TypeObject* make_defaultdict_type(Interpreter& interp) {
    TypeObject* dict = interp.types.dict;
    TypeObject* t = type_alloc_builtin(interp, "defaultdict", ObjKind::Dict,
                                       sizeof(DefaultDictObject), dict, kTypeBaseType | kTypeHasGc);
    t->hdr.type = interp.types.type;
    t->new_ = dd_new;
    t->init = dd_init;
    t->repr = dd_repr;
    t->dealloc = dd_dealloc;
    t->traverse = dd_traverse;
    t->clear = dd_clear;
    type_add_methods(interp, t, kDefaultDictMethods);
    type_add_getsets(interp, t, kDefaultDictGetSets);
    Ref mod(interp.intern("collections"));
    type_set_attr_cstr(interp, t, "__module__", *mod);
    type_ready(interp, t);
    return t;
}

TypeObject* defaultdict_type(Interpreter& interp) {
    return module_state<TypeObject*>(interp, "_collections.defaultdict",
                                     [&](TypeObject*& t) { t = make_defaultdict_type(interp); });
}

// --- _tuplegetter(index, doc): the field descriptors of namedtuple classes ---

struct TupleGetterObject {
    Object hdr;
    int64_t index;
    Value doc;  // owned
};

TupleGetterObject* tg(Value v) {
    return reinterpret_cast<TupleGetterObject*>(v.as_object());
}

Value tuplegetter_new(ThreadState& ts, TypeObject* type, Args args) {
    Value index, doc;
    if (!parse_args(ts, args, "_tuplegetter", {"/index", "/doc"}, {&index, &doc})) return Value();
    int64_t i;
    if (!index_as_ssize(ts, index, &i)) return Value();
    auto* g = alloc_gc<TupleGetterObject>(type, type->basicsize);
    if (!g) return raise_memory_error(ts);
    g->index = i;
    g->doc = new_ref(doc);
    return val(g);
}

Value tuplegetter_get(ThreadState& ts, Value self, Value obj, Value) {
    if (obj.is_null() || obj.is_none()) return new_ref(self);
    if (!is_tuple(ts, obj)) {
        return raise_fmt(
            ts, ts.exc_types().TypeError,
            "descriptor for index '{}' for tuple subclasses doesn't apply to '{}' object",
            tg(self)->index, type_name(ts, obj));
    }
    uint64_t i = static_cast<uint64_t>(tg(self)->index);
    if (i >= tuple_size(obj))
        return raise(ts, ts.exc_types().IndexError, "tuple index out of range");
    return new_ref(tuple_item(obj, i));
}

int tuplegetter_set(ThreadState& ts, Value, Value, Value value) {
    raise(ts, ts.exc_types().AttributeError,
          value.is_null() ? "can't delete attribute" : "can't set attribute");
    return -1;
}

Value tuplegetter_get_doc(ThreadState&, Value self) {
    return new_ref(tg(self)->doc);
}
int tuplegetter_set_doc(ThreadState&, Value self, Value v) {
    set_ref(tg(self)->doc, new_ref(v.is_null() ? Value::none() : v));
    return 0;
}

constexpr GetSetDef kTupleGetterGetSets[] = {
    {"__doc__", tuplegetter_get_doc, tuplegetter_set_doc},
};

void tuplegetter_dealloc(Object* o) {
    clear_ref(reinterpret_cast<TupleGetterObject*>(o)->doc);
    free_object(o);
}

void tuplegetter_traverse(Object* o, VisitFn visit, void* ctx) {
    Value d = reinterpret_cast<TupleGetterObject*>(o)->doc;
    if (!d.is_null()) visit(d, ctx);
}

void tuplegetter_clear(Object* o) {
    clear_ref(reinterpret_cast<TupleGetterObject*>(o)->doc);
}

TypeObject* tuplegetter_type(Interpreter& interp) {
    return module_state<TypeObject*>(interp, "_collections._tuplegetter", [&](TypeObject*& t) {
        t = type_alloc_builtin(interp, "_tuplegetter", ObjKind::Native, sizeof(TupleGetterObject),
                               interp.types.object, kTypeHasGc);
        t->hdr.type = interp.types.type;
        t->new_ = tuplegetter_new;
        t->descr_get = tuplegetter_get;
        t->descr_set = tuplegetter_set;
        t->dealloc = tuplegetter_dealloc;
        t->traverse = tuplegetter_traverse;
        t->clear = tuplegetter_clear;
        type_add_getsets(interp, t, kTupleGetterGetSets);
        Ref mod(interp.intern("collections"));
        type_set_attr_cstr(interp, t, "__module__", *mod);
        type_ready(interp, t);
    });
}

}  // namespace

Value init_collections_module(ThreadState& ts) {
    Interpreter& interp = ts.interp();
    DequeTypes& dq = deque_types(interp);
    Ref m(module_new(ts, "_collections"));
    if (!m || !module_add_value(ts, *m, "deque", val(dq.deque)) ||
        !module_add_value(ts, *m, "_deque_iterator", val(dq.iterator)) ||
        !module_add_value(ts, *m, "_deque_reverse_iterator", val(dq.reverse_iterator)) ||
        !module_add_value(ts, *m, "defaultdict", val(defaultdict_type(interp))) ||
        !module_add_value(ts, *m, "_tuplegetter", val(tuplegetter_type(interp)))) {
        return Value();
    }
    return m.release();
}

}  // namespace gilt
