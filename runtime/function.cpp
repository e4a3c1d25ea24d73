// Python function objects and closure cells (see function.hpp). Calling a
// function is the eval loop's business (interp/vm/call.cpp).
#include "runtime/function.hpp"

#include <cstddef>

#include "interp/vm/call.hpp"  // layering exception: the call slot runs the eval loop
#include "runtime/code.hpp"
#include "runtime/descriptors.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/heap.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/list.hpp"
#include "runtime/module.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"

namespace gilt {

Value make_function(ThreadState& ts, Value code, Value globals, Value qualname) {
    auto* f = alloc_gc<FunctionObject>(ts.types().function);
    if (!f) return raise_memory_error(ts);
    CodeObject* co = code_obj(code);
    f->code = new_ref(code);
    f->globals = new_ref(globals);
    Value b = dict_get_str(globals, ts.names().__builtins__);
    if (!b.is_null() && b.is_object() && b.as_object()->kind == ObjKind::Module) b = module_dict(b);
    if (b.is_null() || !is_dict(ts, b)) b = ts.interp().builtins;
    f->builtins = new_ref(b);
    f->name = new_ref(co->name);
    f->qualname = new_ref(qualname.is_null() ? co->name : qualname);
    Value doc = Value::none();
    if ((co->flags & kCodeOptimized) && !co->consts.empty() && is_str(ts, co->consts[0]))
        doc = co->consts[0];
    f->doc = new_ref(doc);
    Value mod = dict_get_str(globals, ts.names().__name__);
    f->module = new_ref(mod.is_null() ? Value::none() : mod);
    return val(f);
}

Value make_cell(ThreadState& ts, Value contents) {
    auto* c = alloc_gc<CellObject>(ts.types().cell);
    if (!c) return raise_memory_error(ts);
    c->ref = new_ref(contents);
    return val(c);
}

namespace {

void function_clear(Object* o) {
    auto* f = reinterpret_cast<FunctionObject*>(o);
    clear_ref(f->code);
    clear_ref(f->globals);
    clear_ref(f->builtins);
    clear_ref(f->name);
    clear_ref(f->qualname);
    clear_ref(f->defaults);
    clear_ref(f->kwdefaults);
    clear_ref(f->closure);
    clear_ref(f->doc);
    clear_ref(f->dict);
    clear_ref(f->module);
    clear_ref(f->annotations);
    clear_ref(f->old_codes);
}

void function_dealloc(Object* o) {
    function_clear(o);
    free_object(o);
}

void function_traverse(Object* o, VisitFn visit, void* ctx) {
    auto* f = reinterpret_cast<FunctionObject*>(o);
    for (Value v : {f->code, f->globals, f->builtins, f->defaults, f->kwdefaults, f->closure,
                    f->doc, f->dict, f->module, f->annotations, f->old_codes})
        if (!v.is_null()) visit(v, ctx);
}

Value function_repr(ThreadState& ts, Value self) {
    return make_str(ts, fmt::format("<function {} at {}>", str_view(func_obj(self)->qualname),
                                    static_cast<const void*>(self.as_object())));
}

Value function_descr_get(ThreadState& ts, Value self, Value obj, Value) {
    if (obj.is_null() || obj.is_none()) return new_ref(self);
    return make_bound_method(ts, self, obj);
}

#define GILT_FUNC_FIELD_GET(field)                       \
    [](ThreadState&, Value self) -> Value {              \
        Value v = func_obj(self)->field;                 \
        return v.is_null() ? Value::none() : new_ref(v); \
    }

int set_str_field(ThreadState& ts, Value& slot, Value v, const char* what) {
    if (v.is_null() || !is_str(ts, v)) {
        raise_fmt(ts, ts.exc_types().TypeError, "{} must be set to a string object", what);
        return -1;
    }
    set_ref(slot, new_ref(v));
    return 0;
}

int set_any_field(Value& slot, Value v) {
    set_ref(slot, v.is_null() || v.is_none() ? Value() : new_ref(v));
    return 0;
}

// f.__code__ = code, with CPython's checks. The old code object is kept
// (see FunctionObject::old_codes).
int set_code(ThreadState& ts, Value self, Value v) {
    if (v.is_null() || !v.is_object() || v.as_object()->kind != ObjKind::Code) {
        raise(ts, ts.exc_types().TypeError, "__code__ must be set to a code object");
        return -1;
    }
    FunctionObject* f = func_obj(self);
    std::size_t nfree = code_obj(v)->freevars.size();
    std::size_t nclosure = f->closure.is_null() ? 0 : tuple_size(f->closure);
    if (nfree != nclosure) {
        raise_fmt(ts, ts.exc_types().ValueError,
                  "{}() requires a code object with {} free vars, not {}", str_view(f->name),
                  nclosure, nfree);
        return -1;
    }
    if (v == f->code) return 0;
    if (f->old_codes.is_null()) {
        f->old_codes = list_new(ts);
        if (f->old_codes.is_null()) return -1;
    }
    if (!list_append(ts, f->old_codes, f->code)) return -1;
    set_ref(f->code, new_ref(v));
    return 0;
}

constexpr GetSetDef kFunctionGetSets[] = {
    {"__name__", GILT_FUNC_FIELD_GET(name),
     [](ThreadState& ts, Value s, Value v) {
         return set_str_field(ts, func_obj(s)->name, v, "__name__");
     }},
    {"__qualname__", GILT_FUNC_FIELD_GET(qualname),
     [](ThreadState& ts, Value s, Value v) {
         return set_str_field(ts, func_obj(s)->qualname, v, "__qualname__");
     }},
    {"__doc__", GILT_FUNC_FIELD_GET(doc),
     [](ThreadState&, Value s, Value v) {
         set_ref(func_obj(s)->doc, v.is_null() ? Value::none() : new_ref(v));
         return 0;
     }},
    {"__module__", GILT_FUNC_FIELD_GET(module),
     [](ThreadState&, Value s, Value v) {
         set_ref(func_obj(s)->module, v.is_null() ? Value::none() : new_ref(v));
         return 0;
     }},
    {"__defaults__", GILT_FUNC_FIELD_GET(defaults),
     [](ThreadState&, Value s, Value v) { return set_any_field(func_obj(s)->defaults, v); }},
    {"__kwdefaults__", GILT_FUNC_FIELD_GET(kwdefaults),
     [](ThreadState&, Value s, Value v) { return set_any_field(func_obj(s)->kwdefaults, v); }},
    {"__code__", GILT_FUNC_FIELD_GET(code), set_code},
    {"__globals__", GILT_FUNC_FIELD_GET(globals)},
    {"__closure__", GILT_FUNC_FIELD_GET(closure)},
    {"__builtins__", GILT_FUNC_FIELD_GET(builtins)},
    {"__annotations__",
     [](ThreadState& ts, Value s) -> Value {
         FunctionObject* f = func_obj(s);
         if (f->annotations.is_null()) f->annotations = dict_new(ts);
         return new_ref(f->annotations);
     },
     [](ThreadState&, Value s, Value v) { return set_any_field(func_obj(s)->annotations, v); }},
};

void cell_dealloc(Object* o) {
    clear_ref(reinterpret_cast<CellObject*>(o)->ref);
    free_object(o);
}

void cell_traverse(Object* o, VisitFn visit, void* ctx) {
    Value v = reinterpret_cast<CellObject*>(o)->ref;
    if (!v.is_null()) visit(v, ctx);
}

void cell_clear(Object* o) {
    clear_ref(reinterpret_cast<CellObject*>(o)->ref);
}

Value cell_repr(ThreadState& ts, Value self) {
    Value v = cell_get(self);
    if (v.is_null())
        return make_str(
            ts, fmt::format("<cell at {}: empty>", static_cast<const void*>(self.as_object())));
    return make_str(
        ts, fmt::format("<cell at {}: {} object at {}>", static_cast<const void*>(self.as_object()),
                        type_name(ts, v),
                        static_cast<const void*>(v.is_object() ? v.as_object() : nullptr)));
}

constexpr GetSetDef kCellGetSets[] = {
    {"cell_contents",
     [](ThreadState& ts, Value s) -> Value {
         Value v = cell_get(s);
         if (v.is_null()) return raise(ts, ts.exc_types().ValueError, "Cell is empty");
         return new_ref(v);
     },
     [](ThreadState&, Value s, Value v) {
         set_ref(reinterpret_cast<CellObject*>(s.as_object())->ref, new_ref(v));
         return 0;
     }},
};

}  // namespace

void define_function_type(Interpreter& interp, TypeObject* t) {
    t->instance_kind = ObjKind::Function;
    t->basicsize = sizeof(FunctionObject);
    t->dict_offset = offsetof(FunctionObject, dict);
    t->flags |= kTypeHasGc;
    t->dealloc = function_dealloc;
    t->traverse = function_traverse;
    t->clear = function_clear;
    t->repr = function_repr;
    t->call = function_call;
    t->descr_get = function_descr_get;
    type_add_getsets(interp, t, kFunctionGetSets);
}

void define_cell_type(Interpreter& interp, TypeObject* t) {
    t->instance_kind = ObjKind::Cell;
    t->basicsize = sizeof(CellObject);
    t->flags |= kTypeHasGc;
    t->dealloc = cell_dealloc;
    t->traverse = cell_traverse;
    t->clear = cell_clear;
    t->repr = cell_repr;
    type_add_getsets(interp, t, kCellGetSets);
}

}  // namespace gilt
