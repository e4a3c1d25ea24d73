// native_type_once (see native_type.hpp).
#include "stdlib/native_type.hpp"

#include <memory>

#include "runtime/object.hpp"

namespace gilt {

namespace {

struct NativeTypeHolder {
    TypeObject* type = nullptr;
};

}  // namespace

TypeObject* native_type_once(Interpreter& interp, const NativeTypeSpec& spec) {
    auto it = interp.module_state.find(spec.key);
    if (it != interp.module_state.end())
        return static_cast<NativeTypeHolder*>(it->second.get())->type;
    TypeObject* t = type_alloc_builtin(interp, spec.name, ObjKind::Native, spec.basicsize,
                                       interp.types.object, spec.flags);
    t->hdr.type = interp.types.type;
    t->traverse = [](Object*, VisitFn, void*) {};
    t->clear = [](Object*) {};
    spec.fill(interp, t);
    Ref module(interp.intern(spec.module));
    type_set_attr_cstr(interp, t, "__module__", *module);
    type_ready(interp, t);
    auto holder = std::make_shared<NativeTypeHolder>();
    holder->type = t;
    interp.module_state.emplace(spec.key, std::move(holder));
    return t;
}

}  // namespace gilt
