// Module objects: a name and the dict that is the module's globals.
//
// Attribute access reads the dict directly (dict_offset points at it, so
// the generic algorithm finds it too); only the module type's own data
// descriptors (__dict__, __class__) take precedence over a global of the
// same name, as in CPython's module_getattro. A missing attribute falls
// back to a module-level __getattr__ (PEP 562) before raising "module 'm'
// has no attribute 'x'".
//
// Modules are gc containers: a module's functions reference its dict
// through their globals, and module-level functions of native modules
// reference the module as __self__.
#include "runtime/module.hpp"

#include <cstddef>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/descriptors.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/heap.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/native_function.hpp"
#include "runtime/str.hpp"

namespace gilt {

namespace {

Value module_dir(ThreadState& ts, Args args);
Value module_get_dict(ThreadState& ts, Value self);
Value module_get_annotations(ThreadState& ts, Value self);
int module_set_annotations(ThreadState& ts, Value self, Value value);

constexpr MethodDef kModuleMethods[] = {
    {"__dir__", module_dir},
};

constexpr GetSetDef kModuleGetSets[] = {
    {"__dict__", module_get_dict, readonly_attribute},
    {"__annotations__", module_get_annotations, module_set_annotations},
};

inline ModuleObject* mod(Value v) noexcept {
    return reinterpret_cast<ModuleObject*>(v.as_object());
}

// `name` spells `interned` (compiled code passes interned names: one compare).
bool same_name(Value name, Value interned) {
    return name == interned ||
           (!(name.as_object()->flags & kObjInterned) && str_eq(name, interned));
}

// Names of data descriptors on the module type, which win over globals.
bool shadowed_by_type(ThreadState& ts, Value name) {
    const CommonStrings& n = ts.names();
    return same_name(name, n.__dict__) || same_name(name, n.__class__) ||
           same_name(name, n.__annotations__);
}

// Sets the attributes every new module starts with.
bool init_module_dict(ThreadState& ts, Value dict, Value name, Value doc) {
    const CommonStrings& n = ts.names();
    return dict_set(ts, dict, n.__name__, name) && dict_set(ts, dict, n.__doc__, doc) &&
           dict_set(ts, dict, n.__package__, Value::none()) &&
           dict_set(ts, dict, n.__loader__, Value::none()) &&
           dict_set(ts, dict, n.__spec__, Value::none());
}

ModuleObject* alloc_module(ThreadState& ts, TypeObject* type) {
    auto* m = alloc_gc<ModuleObject>(type);
    if (!m) return nullptr;
    m->initializing = false;
    m->dict = dict_new(ts);
    if (m->dict.is_null()) {
        decref(val(m));
        return nullptr;
    }
    return m;
}

// True while the module body runs (circular imports see the partially
// initialized module): the import system's flag, or `__spec__._initializing`
// for a module given a spec by hand. Errors count as false.
bool spec_is_initializing(ThreadState& ts, Value self, Value dict) {
    if (mod(self)->initializing) return true;
    Value spec = dict_get_str(dict, ts.names().__spec__);
    if (spec.is_null() || spec.is_none()) return false;
    Ref flag(obj_getattr_cstr(ts, spec, "_initializing"));
    if (!flag) {
        clear_exception(ts);
        return false;
    }
    int t = obj_truthy(ts, *flag);
    if (t < 0) clear_exception(ts);
    return t > 0;
}

Value raise_module_attribute_error(ThreadState& ts, Value self, Value name) {
    Value dict = mod(self)->dict;
    Value mname = dict.is_null() ? Value() : dict_get_str(dict, ts.names().__name__);
    TypeObject* AttributeError = ts.exc_types().AttributeError;
    if (mname.is_null() || !is_str(ts, mname)) {
        raise_fmt(ts, AttributeError, "module has no attribute '{}'", str_view(name));
    } else if (spec_is_initializing(ts, self, dict)) {
        raise_fmt(ts, AttributeError,
                  "partially initialized module '{}' has no attribute '{}' (most likely due to a "
                  "circular import)",
                  str_view(mname), str_view(name));
    } else {
        raise_fmt(ts, AttributeError, "module '{}' has no attribute '{}'", str_view(mname),
                  str_view(name));
    }
    set_attribute_error_context(ts, self, name);
    return Value();
}

// --- slots ---

void module_dealloc(Object* o) {
    auto* m = reinterpret_cast<ModuleObject*>(o);
    clear_ref(m->dict);
    clear_ref(m->name);
    free_object(o);
}

void module_traverse(Object* o, VisitFn visit, void* ctx) {
    auto* m = reinterpret_cast<ModuleObject*>(o);
    if (!m->dict.is_null()) visit(m->dict, ctx);
    if (!m->name.is_null()) visit(m->name, ctx);
}

void module_clear(Object* o) {
    clear_ref(reinterpret_cast<ModuleObject*>(o)->dict);
}

Value module_getattr(ThreadState& ts, Value self, Value name) {
    ModuleObject* m = mod(self);
    if (m->hdr.type == ts.types().module && !m->dict.is_null() && !shadowed_by_type(ts, name)) {
        Value v = dict_get_str(m->dict, name);
        if (!v.is_null()) return new_ref(v);
    }
    Value r = generic_getattr(ts, self, name);
    if (!r.is_null() || !exception_matches(ts, ts.exc_types().AttributeError)) return r;
    clear_exception(ts);
    Value hook = m->dict.is_null() ? Value() : dict_get_str(m->dict, ts.names().__getattr__);
    if (!hook.is_null()) return call1(ts, hook, name);
    return raise_module_attribute_error(ts, self, name);
}

int module_setattr(ThreadState& ts, Value self, Value name, Value value) {
    ModuleObject* m = mod(self);
    if (m->hdr.type != ts.types().module || m->dict.is_null() || shadowed_by_type(ts, name)) {
        return generic_setattr(ts, self, name, value);
    }
    if (!value.is_null()) return dict_set(ts, m->dict, name, value) ? 0 : -1;
    int r = dict_del(ts, m->dict, name);
    if (r == 0) {
        raise_fmt(ts, ts.exc_types().AttributeError, "'module' object has no attribute '{}'",
                  str_view(name));
        return -1;
    }
    return r < 0 ? -1 : 0;
}

// Optional attribute as a str; null when absent or on error (cleared).
Value getattr_quiet(ThreadState& ts, Value obj, const char* name) {
    Value r = obj_getattr_cstr(ts, obj, name);
    if (r.is_null()) clear_exception(ts);
    return r;
}

// importlib's _module_repr_from_spec.
Value repr_from_spec(ThreadState& ts, Value spec, std::string_view fallback_name) {
    Ref name(getattr_quiet(ts, spec, "name"));
    std::string shown = (!name || name.get().is_none() || !is_str(ts, *name))
                            ? std::string(fallback_name)
                            : std::string(str_view(*name));
    Ref origin(getattr_quiet(ts, spec, "origin"));
    if (!origin || origin.get().is_none()) {
        Ref loader(getattr_quiet(ts, spec, "loader"));
        if (!loader || loader.get().is_none())
            return make_str(ts, fmt::format("<module {}>", str_repr(shown)));
        Ref lr(obj_repr(ts, *loader));
        if (!lr) return Value();
        return make_str(ts, fmt::format("<module {} ({})>", str_repr(shown), str_view(*lr)));
    }
    Ref has_location(getattr_quiet(ts, spec, "has_location"));
    int located = has_location ? obj_truthy(ts, *has_location) : 0;
    if (located < 0) return Value();
    Ref orig(located ? obj_repr(ts, *origin) : obj_str(ts, *origin));
    if (!orig) return Value();
    if (located)
        return make_str(ts, fmt::format("<module {} from {}>", str_repr(shown), str_view(*orig)));
    return make_str(ts, fmt::format("<module {} ({})>", str_repr(shown), str_view(*orig)));
}

Value module_repr(ThreadState& ts, Value self) {
    Value dict = mod(self)->dict;
    if (dict.is_null()) return make_str(ts, "<module '?'>");
    Value name = dict_get_str(dict, ts.names().__name__);
    std::string_view shown =
        (!name.is_null() && is_str(ts, name)) ? str_view(name) : std::string_view("?");
    Value spec = dict_get_str(dict, ts.names().__spec__);
    if (!spec.is_null() && !spec.is_none()) return repr_from_spec(ts, spec, shown);
    Value file = dict_get_str(dict, ts.names().__file__);
    if (!file.is_null()) {
        Ref fr(obj_repr(ts, file));
        if (!fr) return Value();
        return make_str(ts, fmt::format("<module {} from {}>", str_repr(shown), str_view(*fr)));
    }
    Value loader = dict_get_str(dict, ts.names().__loader__);
    if (!loader.is_null() && !loader.is_none()) {
        Ref lr(obj_repr(ts, loader));
        if (!lr) return Value();
        return make_str(ts, fmt::format("<module {} ({})>", str_repr(shown), str_view(*lr)));
    }
    // Native modules have no spec here; CPython shows them as built-in.
    const auto& natives = ts.interp().native_modules;
    if (natives.find(shown) != natives.end() || shown == "builtins" || shown == "sys") {
        return make_str(ts, fmt::format("<module {} (built-in)>", str_repr(shown)));
    }
    return make_str(ts, fmt::format("<module {}>", str_repr(shown)));
}

// module(name, doc=None): __new__ makes an empty module, __init__ names it.
Value module_new_slot(ThreadState& ts, TypeObject* type, Args) {
    ModuleObject* m = alloc_module(ts, type);
    if (!m) return raise_memory_error(ts);
    return val(m);
}

int module_init_slot(ThreadState& ts, Value self, Args args) {
    Value name, doc;
    if (!parse_args(ts, args, "module", {"name", "|", "doc"}, {&name, &doc})) return -1;
    if (!is_str(ts, name)) {
        raise_fmt(ts, ts.exc_types().TypeError, "module() argument 'name' must be str, not {}",
                  type_name(ts, name));
        return -1;
    }
    ModuleObject* m = mod(self);
    if (m->dict.is_null()) {
        m->dict = dict_new(ts);
        if (m->dict.is_null()) return -1;
    }
    set_ref(m->name, new_ref(name));
    return init_module_dict(ts, m->dict, name, doc.is_null() ? Value::none() : doc) ? 0 : -1;
}

// --- methods and attributes ---

Value module_dir(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "__dir__", 1, 1)) return Value();
    Ref dict(obj_getattr(ts, args[0], ts.names().__dict__));
    if (!dict) return Value();
    if (!is_dict(ts, *dict))
        return raise(ts, ts.exc_types().TypeError, "<module>.__dict__ is not a dictionary");
    Value dirfunc = dict_get_cstr(ts, *dict, "__dir__");
    if (!dirfunc.is_null()) return call0(ts, dirfunc);
    return dict_keys_list(ts, *dict);
}

Value module_get_dict(ThreadState& ts, Value self) {
    Value d = mod(self)->dict;
    if (d.is_null()) return raise_module_attribute_error(ts, self, ts.names().__dict__);
    return new_ref(d);
}

// PEP 563-era module.__annotations__: created empty on first access.
Value module_get_annotations(ThreadState& ts, Value self) {
    Value d = mod(self)->dict;
    if (d.is_null())
        return raise(ts, ts.exc_types().TypeError, "<module>.__dict__ is not a dictionary");
    Value a = dict_get_str(d, ts.names().__annotations__);
    if (!a.is_null()) return new_ref(a);
    Ref fresh(dict_new(ts));
    if (!fresh || !dict_set(ts, d, ts.names().__annotations__, *fresh)) return Value();
    return fresh.release();
}

int module_set_annotations(ThreadState& ts, Value self, Value value) {
    Value d = mod(self)->dict;
    if (d.is_null()) {
        raise(ts, ts.exc_types().TypeError, "<module>.__dict__ is not a dictionary");
        return -1;
    }
    if (!value.is_null()) return dict_set(ts, d, ts.names().__annotations__, value) ? 0 : -1;
    int r = dict_del(ts, d, ts.names().__annotations__);
    if (r == 0) {
        raise(ts, ts.exc_types().AttributeError, "__annotations__");
        return -1;
    }
    return r < 0 ? -1 : 0;
}

}  // namespace

Value module_new(ThreadState& ts, std::string_view name) {
    Ref n(make_str(ts, name));
    if (!n) return Value();
    ModuleObject* m = alloc_module(ts, ts.types().module);
    if (!m) return raise_memory_error(ts);
    Ref owner(val(m));
    m->name = n.release();
    if (!init_module_dict(ts, m->dict, m->name, Value::none())) return Value();
    return owner.release();
}

bool module_add_functions(ThreadState& ts, Value module, std::span<const MethodDef> defs) {
    Value mname = dict_get_str(module_dict(module), ts.names().__name__);
    for (const MethodDef& d : defs) {
        Ref f(make_native_function(ts, d.name, d.fn, mname));
        if (!f) return false;
        auto* nfo = reinterpret_cast<NativeFunctionObject*>(f.get().as_object());
        nfo->self = new_ref(module);  // shown as __self__, never passed
        nfo->flags |= kNativeModuleSelf;
        if (!dict_set_cstr(ts, module_dict(module), d.name, *f)) return false;
    }
    return true;
}

bool module_add_value(ThreadState& ts, Value module, const char* name, Value value) {
    return dict_set_cstr(ts, module_dict(module), name, value);
}

bool module_add_steal(ThreadState& ts, Value module, const char* name, Value value) {
    Ref owned(value);
    if (!owned) return false;
    return dict_set_cstr(ts, module_dict(module), name, *owned);
}

void define_module_type(Interpreter& interp, TypeObject* t) {
    t->instance_kind = ObjKind::Module;
    t->basicsize = sizeof(ModuleObject);
    t->dict_offset = offsetof(ModuleObject, dict);
    t->flags |= kTypeBaseType | kTypeHasGc;
    t->dealloc = module_dealloc;
    t->traverse = module_traverse;
    t->clear = module_clear;
    t->repr = module_repr;
    t->getattr = module_getattr;
    t->setattr = module_setattr;
    t->new_ = module_new_slot;
    t->init = module_init_slot;
    type_add_methods(interp, t, kModuleMethods);
    type_add_getsets(interp, t, kModuleGetSets);
}

}  // namespace gilt
