// _decimal's side of the context: finding the current one (decimal.py's
// context variable), reading its settings once per operation (from the
// _params tuple, parsed once per tuple) and recording or raising the
// signals an operation met (see decimal_module_internal.hpp).
#include <algorithm>
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

// --- the context ---

// The context an operation uses: `given`, or the current one. The fast
// path reads the context variable directly; only a thread or task without
// a context yet goes through decimal.getcontext(), which makes one.
Value current_context(ThreadState& ts, DecimalState& st, Value given) {
    if (!given.is_null() && !given.is_none()) return new_ref(given);
    if (st.getcontext.is_null())
        return raise(ts, ts.exc_types().RuntimeError, "decimal context is not installed");
    Value ctx = context_var_lookup(ts, st.var);
    if (!ctx.is_null()) return new_ref(ctx);
    return call0(ts, st.getcontext);
}

Value current_context(ThreadState& ts, Value given) {
    return current_context(ts, state(ts.interp()), given);
}

bool rounding_from(ThreadState& ts, Value name, dec::Rounding* out) {
    static constexpr std::pair<const char*, dec::Rounding> kModes[] = {
        {"ROUND_DOWN", dec::Rounding::Down},          {"ROUND_HALF_UP", dec::Rounding::HalfUp},
        {"ROUND_HALF_EVEN", dec::Rounding::HalfEven}, {"ROUND_CEILING", dec::Rounding::Ceiling},
        {"ROUND_FLOOR", dec::Rounding::Floor},        {"ROUND_UP", dec::Rounding::Up},
        {"ROUND_HALF_DOWN", dec::Rounding::HalfDown}, {"ROUND_05UP", dec::Rounding::Up05},
    };
    if (is_str(ts, name)) {
        for (auto& [text, mode] : kModes) {
            if (str_view(name) == text) {
                *out = mode;
                return true;
            }
        }
    }
    raise(ts, ts.exc_types().TypeError,
          "valid values for rounding are:\n  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, "
          "ROUND_DOWN,\n   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n   ROUND_05UP]");
    return false;
}

// ctx._params; read straight from the instance dict when it is there (a
// Context defines no descriptor of that name).
Value context_params(ThreadState& ts, DecimalState& st, Value ctx) {
    if (st.params_name.is_null()) {
        Ref name(ts.interp().intern("_params"));
        if (!dict_set_cstr(ts, st.module_dict, "_params_name", *name)) return Value();
        st.params_name = *name;
    }
    Value params;
    Value* slot = ctx.is_object() ? instance_dict_slot(ctx.as_object()) : nullptr;
    const DictObject* d = nullptr;
    if (slot && !slot->is_null()) {
        d = reinterpret_cast<const DictObject*>(slot->as_object());
        if (d == st.params_dict && d->version == st.params_dict_version)
            return new_ref(st.cached_params);  // checked when it was cached
        params = dict_get_str(*slot, st.params_name);
    }
    if (!params.is_null())
        incref(params);
    else
        params = obj_getattr(ts, ctx, st.params_name);
    if (params.is_null()) return params;
    if (!is_tuple(ts, params) || tuple_size(params) != kParamsSize ||
        !is_dict(ts, tuple_item(params, kParamFlags)) ||
        !is_dict(ts, tuple_item(params, kParamTraps))) {
        decref(params);
        return raise(ts, ts.exc_types().TypeError, "invalid decimal context");
    }
    if (d && params == st.cached_params) {
        st.params_dict = d;
        st.params_dict_version = d->version;
    }
    return params;
}

// A context's settings from its _params tuple (the parse is cached per
// tuple).
bool read_params(ThreadState& ts, DecimalState& st, Value params, dec::Context* out) {
    if (st.cached_params == params) {
        *out = st.cached;
        return true;
    }
    int64_t fields[5];
    for (int i = 0; i < 5; ++i) {
        if (!obj_index(ts, tuple_item(params, i), &fields[i])) return false;
    }
    out->prec = fields[0];
    out->rounding = static_cast<dec::Rounding>(fields[1] & 7);
    out->emin = fields[2];
    out->emax = fields[3];
    out->clamp = fields[4] != 0;
    if (!dict_set_cstr(ts, st.module_dict, "_cached_params", params)) return false;
    st.cached_params = params;
    st.params_dict = nullptr;
    st.cached = *out;
    st.quiet_signals = 0;
    return true;
}

bool read_context(ThreadState& ts, Value ctx, dec::Context* out) {
    DecimalState& st = state(ts.interp());
    Ref params(context_params(ts, st, ctx));
    return params && read_params(ts, st, *params, out);
}

uint64_t dict_version(Value d) {
    return reinterpret_cast<DictObject*>(d.as_object())->version;
}

// Records `flags` in the context's flags dict (an item of `params`, the
// context's _params), or raises through decimal._signal when one of them is
// trapped. Returns a new reference to `result`.
Value signal_params(ThreadState& ts, DecimalState& st, Value ctx, Value params, uint32_t flags,
                    Value result) {
    Value traps = tuple_item(params, kParamTraps);
    Value recorded = tuple_item(params, kParamFlags);
    // Conversion syntax and the division conditions signal InvalidOperation.
    uint32_t signals = (flags & 0x1ffu) | (flags >> 9 ? static_cast<uint32_t>(dec::kInvalid) : 0u);
    bool cached = params == st.cached_params && st.quiet_signals != 0 &&
                  dict_version(recorded) == st.quiet_flags_version &&
                  dict_version(traps) == st.quiet_traps_version;
    if (cached && (signals & ~st.quiet_signals) == 0) return new_ref(result);
    for (int sig = 0; sig < 9; ++sig) {
        if (!(signals >> sig & 1)) continue;
        bool error = false;
        Value on = dict_get(ts, traps, tuple_item(st.conditions, sig), &error);
        if (error) return Value();
        if (!on.is_null() && on.is_true())
            return call_n(ts, st.signal,
                          {ctx, Value::small_int(static_cast<int64_t>(flags)), result});
    }
    for (int sig = 0; sig < 9; ++sig) {
        if ((signals >> sig & 1) &&
            !dict_set(ts, recorded, tuple_item(st.conditions, sig), Value::true_()))
            return Value();
    }
    if (params == st.cached_params) {
        st.quiet_signals = cached ? st.quiet_signals | signals : signals;
        st.quiet_flags_version = dict_version(recorded);
        st.quiet_traps_version = dict_version(traps);
    }
    return new_ref(result);
}

Value signal_flags(ThreadState& ts, Value ctx, uint32_t flags, Value result) {
    DecimalState& st = state(ts.interp());
    Ref params(context_params(ts, st, ctx));
    return params ? signal_params(ts, st, ctx, *params, flags, result) : Value();
}

// The result of an operation, after its conditions are recorded in the
// context's flags. Untrapped conditions (Inexact and Rounded, most often)
// are recorded here; a trapped one goes to decimal._signal, which raises.
// A NaN result keeps at most prec - clamp digits of its payload, the last
// ones, as the specification's operations do.
void fit_payload(dec::Number& n, const dec::Context& c) {
    if (!n.nan() || n.zero() || (n.is_word() && n.word == 0)) return;
    auto room = static_cast<std::size_t>(std::max<int64_t>(0, c.prec - (c.clamp ? 1 : 0)));
    std::string d = n.digits();
    if (d.size() > room) n.set_digits(std::string_view(d).substr(d.size() - room));
}

Value deliver(ThreadState& ts, Value ctx, uint32_t flags, dec::Number n) {
    if (n.nan()) {
        dec::Context c;
        if (!read_context(ts, ctx, &c)) return Value();
        fit_payload(n, c);
    }
    Ref result(wrap(ts, std::move(n)));
    if (!result || flags == 0) return result.release();
    return signal_flags(ts, ctx, flags, *result);
}

bool op_context(ThreadState& ts, Value given, OpContext* out, Value decimal) {
    DecimalState& st = decimal.is_null() ? state(ts.interp()) : *dobj(decimal)->st;
    out->st = &st;
    out->ctx = Ref(current_context(ts, st, given));
    if (!out->ctx) return false;
    out->params = Ref(context_params(ts, st, *out->ctx));
    return out->params && read_params(ts, st, *out->params, &out->c);
}

Value deliver(ThreadState& ts, const OpContext& oc, uint32_t flags, dec::Number n) {
    fit_payload(n, oc.c);
    Ref result(wrap_in(ts, *oc.st, std::move(n)));
    if (!result || flags == 0) return result.release();
    return signal_params(ts, *oc.st, *oc.ctx, *oc.params, flags, *result);
}

}  // namespace gilt::decimal_impl
