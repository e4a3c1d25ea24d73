// Creation of the builtin types at interpreter start-up (see interpreter.cpp
// for the order and why).
#include "runtime/type_registry.hpp"

#include <cstdlib>

#include "runtime/builtin_defines.hpp"
#include "runtime/descriptors.hpp"
#include "runtime/dict.hpp"
#include "runtime/interpreter.hpp"

namespace gilt {

void allocate_builtin_types(Interpreter& interp) {
    BuiltinTypes& t = interp.types;
#define GILT_ALLOC_TYPE(field, pyname) \
    t.field = type_alloc_builtin(interp, pyname, ObjKind::Native, sizeof(Object), nullptr, 0);
    GILT_BUILTIN_TYPES(GILT_ALLOC_TYPE)
#undef GILT_ALLOC_TYPE
    // `type` did not exist when the first types were allocated.
#define GILT_FIX_METATYPE(field, pyname) t.field->hdr.type = t.type;
    GILT_BUILTIN_TYPES(GILT_FIX_METATYPE)
#undef GILT_FIX_METATYPE
#define GILT_SET_BASE(field, pyname) t.field->base = (t.field == t.object) ? nullptr : t.object;
    GILT_BUILTIN_TYPES(GILT_SET_BASE)
#undef GILT_SET_BASE
    t.bool_->base = t.int_;
}

void define_builtin_types(Interpreter& interp) {
    BuiltinTypes& t = interp.types;
#define GILT_DEFINE_TYPE(field, stem) define_##stem##_type(interp, t.field);
    GILT_BUILTIN_TYPES_WITH_OWN_DEFINE(GILT_DEFINE_TYPE)
#undef GILT_DEFINE_TYPE
    define_dict_view_types(interp);
}

namespace {

void fix_kind(Value v) {
    if (!v.is_object()) return;
    Object* o = v.as_object();
    if (o->kind == ObjKind::Native && o->type && o->type->instance_kind != ObjKind::Native)
        o->kind = o->type->instance_kind;
    if (o->kind == ObjKind::StaticMethod || o->kind == ObjKind::ClassMethod)
        fix_kind(reinterpret_cast<ClassMethodObject*>(o)->func);
}

}  // namespace

void fix_bootstrap_kinds(Interpreter& interp,
                         const std::unordered_map<std::string_view, StrObject*>& interned) {
    for (auto& [name, s] : interned) fix_kind(val(s));
    BuiltinTypes& t = interp.types;
    auto fix_dict = [](TypeObject* type) {
        if (!type->dict) return;
        uint64_t pos = 0;
        Value k, v;
        while (dict_next(val(type->dict), &pos, &k, &v)) {
            fix_kind(k);
            fix_kind(v);
        }
    };
#define GILT_FIX_KINDS(field, pyname) fix_dict(t.field);
    GILT_BUILTIN_TYPES(GILT_FIX_KINDS)
#undef GILT_FIX_KINDS
}

void ready_builtin_types(Interpreter& interp) {
    BuiltinTypes& t = interp.types;
    // object and type first, then int before bool; the X-list order does this.
#define GILT_READY_TYPE(field, pyname) type_ready(interp, t.field);
    GILT_BUILTIN_TYPES(GILT_READY_TYPE)
#undef GILT_READY_TYPE
}

}  // namespace gilt
