// native_type_once (see native_type.hpp).
#include "stdlib/native_type.hpp"

#include <memory>

#include "runtime/module_state.hpp"
#include "runtime/object.hpp"

namespace gilt {

namespace {}  // namespace

TypeObject* native_type_once(Interpreter& interp, const NativeTypeSpec& spec) {
    return module_state<TypeObject*>(interp, spec.key, [&](TypeObject*& t) {
        t = type_alloc_builtin(interp, spec.name, ObjKind::Native, spec.basicsize,
                               interp.types.object, spec.flags);
        t->hdr.type = interp.types.type;
        t->traverse = [](Object*, VisitFn, void*) {};
        t->clear = [](Object*) {};
        spec.fill(interp, t);
        Ref module(interp.intern(spec.module));
        type_set_attr_cstr(interp, t, "__module__", *module);
        type_ready(interp, t);
    });
}

}  // namespace gilt
