// The datetime module: its types made once per interpreter, the shared
// helpers of datetime.hpp, and the two tz classes, tzinfo (the abstract base
// Python subclasses implement) and timezone (a fixed offset).
//
// Calls into a tzinfo (utcoffset, dst, tzname) go through call_utcoffset and
// friends, which check the result the way CPython does, so a user subclass
// returning garbage gets CPython's TypeError/ValueError.
#include <memory>
#include <string>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/heap.hpp"
#include "runtime/int.hpp"
#include "runtime/module.hpp"
#include "runtime/module_state.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "stdlib/datetime.hpp"
#include "stdlib/modules.hpp"
#include "stdlib/structseq.hpp"

namespace gilt {

namespace {

constexpr const char* kOffsetRange =
    "offset must be a timedelta strictly between -timedelta(hours=24) and "
    "timedelta(hours=24)";
constexpr __int128 kUsPerDay = __int128(86400) * 1000000;

// --- tzinfo ---

Value tzinfo_not_implemented(ThreadState& ts, const char* what) {
    return raise_fmt(ts, ts.exc_types().NotImplementedError,
                     "a tzinfo subclass must implement {}()", what);
}
Value tzinfo_utcoffset(ThreadState& ts, Args) {
    return tzinfo_not_implemented(ts, "utcoffset");
}
Value tzinfo_dst(ThreadState& ts, Args) {
    return tzinfo_not_implemented(ts, "dst");
}
Value tzinfo_tzname(ThreadState& ts, Args) {
    return tzinfo_not_implemented(ts, "tzname");
}

// The default fromutc (the algorithm the datetime docs give): add the
// standard offset, then correct by the dst at the local time.
Value tzinfo_fromutc(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "fromutc", "fromutc", 1, 1)) return Value();
    Value self = args[0], dt = args[1];
    if (!is_datetime(ts, dt))
        return raise(ts, ts.exc_types().TypeError, "fromutc: argument must be a datetime");
    if (dt_obj(dt)->tzinfo != self)
        return raise(ts, ts.exc_types().ValueError, "fromutc: dt.tzinfo is not self");
    Value off_v, dst_v;
    if (!call_utcoffset(ts, self, dt, &off_v)) return Value();
    Ref off(off_v);
    if (off_v.is_none()) {
        return raise(ts, ts.exc_types().ValueError,
                     "fromutc: non-None utcoffset() result required");
    }
    if (!call_dst(ts, self, dt, &dst_v)) return Value();
    Ref dst(dst_v);
    if (dst_v.is_none()) {
        return raise(ts, ts.exc_types().ValueError, "fromutc: non-None dst() result required");
    }
    Ref delta(binary_op(ts, BinOp::Sub, *off, *dst));
    if (!delta) return Value();
    Ref local(binary_op(ts, BinOp::Add, dt, *delta));
    if (!local) return Value();
    if (!call_dst(ts, self, *local, &dst_v)) return Value();
    dst = Ref(dst_v);
    if (dst_v.is_none()) {
        return raise(ts, ts.exc_types().ValueError,
                     "fromutc: tz.dst() gave inconsistent results; cannot convert");
    }
    return binary_op(ts, BinOp::Add, *local, *dst);
}

// (type(self), self.__getinitargs__() or (), self.__getstate__() or __dict__)
Value tzinfo_reduce(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "__reduce__", "__reduce__", 0, 0)) return Value();
    Value self = args[0];
    Ref init_args;
    Ref getinit(obj_getattr_opt(ts, self, *Ref(make_str(ts, "__getinitargs__"))));
    if (ts.has_exception()) return Value();
    if (getinit) {
        init_args = Ref(call0(ts, *getinit));
        if (!init_args) return Value();
    } else {
        init_args = Ref::borrow(ts.interp().empty_tuple);
    }
    Ref state(obj_getattr_opt(ts, self, ts.names().__dict__));
    if (ts.has_exception()) return Value();
    if (!state || (is_instance_of(ts, *state, ts.interp().types.dict) && obj_len(ts, *state) == 0))
        state = Ref::borrow(Value::none());
    return tuple_pack(ts, {val(type_of(ts, self)), *init_args, *state});
}

constexpr MethodDef kTzinfoMethods[] = {
    {"utcoffset", tzinfo_utcoffset}, {"dst", tzinfo_dst},           {"tzname", tzinfo_tzname},
    {"fromutc", tzinfo_fromutc},     {"__reduce__", tzinfo_reduce},
};

// --- timezone ---

TimezoneObject* tz_obj(Value v) {
    return reinterpret_cast<TimezoneObject*>(v.as_object());
}

bool delta_in_day(Value delta) {
    __int128 us = delta_total_us(delta);
    return us > -kUsPerDay && us < kUsPerDay;
}

Value timezone_new(ThreadState& ts, TypeObject* type, Args args) {
    Value offset, name;
    if (!parse_args(ts, args, "timezone", {"offset", "|", "name"}, {&offset, &name}))
        return Value();
    if (!is_delta(ts, offset)) {
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "timezone() argument 1 must be datetime.timedelta, not {}",
                         type_name(ts, offset));
    }
    if (!name.is_null() && !is_str(ts, name)) {
        return raise_fmt(ts, ts.exc_types().TypeError, "timezone() argument 2 must be str, not {}",
                         type_name(ts, name));
    }
    if (!delta_in_day(offset)) {
        Ref r(obj_repr(ts, offset));
        if (!r) return Value();
        return raise_fmt(ts, ts.exc_types().ValueError, "{}, not {}.", kOffsetRange, str_view(*r));
    }
    if (type == dt_types(ts).timezone && name.is_null() && delta_total_us(offset) == 0 &&
        !dt_types(ts).utc.is_null())
        return new_ref(dt_types(ts).utc);
    Object* o = alloc_instance(ts, type);
    if (!o) return Value();
    auto* z = reinterpret_cast<TimezoneObject*>(o);
    z->offset = new_ref(offset);
    z->name = name.is_null() ? Value() : new_ref(name);
    return Value::object(o);
}

void timezone_dealloc(Object* o) {
    auto* z = reinterpret_cast<TimezoneObject*>(o);
    clear_ref(z->offset);
    clear_ref(z->name);
    free_object(o);
}

bool check_dt_arg(ThreadState& ts, Value dt, const char* what) {
    if (dt.is_none() || is_datetime(ts, dt)) return true;
    raise_fmt(ts, ts.exc_types().TypeError,
              "{}(dt) argument must be a datetime instance or None, not {}", what,
              type_name(ts, dt));
    return false;
}

Value timezone_utcoffset(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "utcoffset", "utcoffset", 1, 1)) return Value();
    if (!check_dt_arg(ts, args[1], "utcoffset")) return Value();
    return new_ref(tz_obj(args[0])->offset);
}

Value timezone_dst(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "dst", "dst", 1, 1)) return Value();
    if (!check_dt_arg(ts, args[1], "dst")) return Value();
    return Value::none();
}

std::string timezone_name_text(Value self) {
    TimezoneObject* z = tz_obj(self);
    if (!z->name.is_null()) return std::string(str_view(z->name));
    int64_t us = static_cast<int64_t>(delta_total_us(z->offset));
    if (us == 0) return "UTC";
    return "UTC" + format_offset(us, ":");
}

Value timezone_tzname(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "tzname", "tzname", 1, 1)) return Value();
    if (!check_dt_arg(ts, args[1], "tzname")) return Value();
    return make_str(ts, timezone_name_text(args[0]));
}

Value timezone_fromutc(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "fromutc", "fromutc", 1, 1)) return Value();
    Value dt = args[1];
    if (!is_datetime(ts, dt))
        return raise(ts, ts.exc_types().TypeError, "fromutc: argument must be a datetime");
    if (dt_obj(dt)->tzinfo != args[0])
        return raise(ts, ts.exc_types().ValueError, "fromutc: dt.tzinfo is not self");
    return binary_op(ts, BinOp::Add, dt, tz_obj(args[0])->offset);
}

Value timezone_getinitargs(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "__getinitargs__", "__getinitargs__", 0, 0)) return Value();
    TimezoneObject* z = tz_obj(args[0]);
    if (z->name.is_null()) return tuple_pack(ts, {z->offset});
    return tuple_pack(ts, {z->offset, z->name});
}

Value timezone_repr(ThreadState& ts, Value self) {
    TimezoneObject* z = tz_obj(self);
    std::string_view tname = repr_type_name(ts, self);
    if (self == dt_types(ts).utc) return make_str(ts, fmt::format("{}.utc", tname));
    Ref off(obj_repr(ts, z->offset));
    if (!off) return Value();
    if (z->name.is_null()) return make_str(ts, fmt::format("{}({})", tname, str_view(*off)));
    Ref name(obj_repr(ts, z->name));
    if (!name) return Value();
    return make_str(ts, fmt::format("{}({}, {})", tname, str_view(*off), str_view(*name)));
}

Value timezone_str(ThreadState& ts, Value self) {
    return make_str(ts, timezone_name_text(self));
}

Value timezone_richcompare(ThreadState& ts, Value a, Value b, CompareOp op) {
    TypeObject* tz = dt_types(ts).timezone;
    if ((op != CompareOp::Eq && op != CompareOp::Ne) || !is_instance_of(ts, a, tz) ||
        !is_instance_of(ts, b, tz))
        return Value::not_implemented();
    bool eq = delta_total_us(tz_obj(a)->offset) == delta_total_us(tz_obj(b)->offset);
    return Value::boolean(op == CompareOp::Eq ? eq : !eq);
}

bool timezone_hash(ThreadState& ts, Value self, int64_t* out) {
    return obj_hash(ts, tz_obj(self)->offset, out);
}

constexpr MethodDef kTimezoneMethods[] = {
    {"utcoffset", timezone_utcoffset},
    {"dst", timezone_dst},
    {"tzname", timezone_tzname},
    {"fromutc", timezone_fromutc},
    {"__getinitargs__", timezone_getinitargs},
};

TypeObject* make_tzinfo_type(Interpreter& interp) {
    TypeObject* t =
        type_alloc_builtin(interp, "datetime.tzinfo", ObjKind::Native,
                           interp.types.object->basicsize, interp.types.object, kTypeBaseType);
    t->hdr.type = interp.types.type;
    t->name = interp.intern("tzinfo");
    type_add_methods(interp, t, kTzinfoMethods);
    Ref mod(interp.intern("datetime"));
    type_set_attr_cstr(interp, t, "__module__", *mod);
    type_ready(interp, t);
    return t;
}

TypeObject* make_timezone_type(Interpreter& interp, TypeObject* tzinfo) {
    TypeObject* t =
        native_type(interp, "datetime.timezone", "timezone", sizeof(TimezoneObject), tzinfo);
    t->flags &= ~kTypeBaseType;  // final, as in CPython
    t->new_ = timezone_new;
    t->dealloc = timezone_dealloc;
    t->repr = timezone_repr;
    t->str = timezone_str;
    t->richcompare = timezone_richcompare;
    t->hash = timezone_hash;
    type_add_methods(interp, t, kTimezoneMethods);
    type_ready(interp, t);
    return t;
}

void add_timezone_constants(Interpreter& interp, DateTimeTypes& types) {
    ThreadState& ts = interp.main_thread();
    Ref zero(make_delta(ts, 0, 0, 0));
    Ref utc(make_timezone(ts, *zero, Value()));
    types.utc = *utc;
    type_set_attr_cstr(interp, types.timezone, "utc", *utc);
    Ref lo(make_delta(ts, 0, -(23 * 3600 + 59 * 60), 0));
    Ref hi(make_delta(ts, 0, 23 * 3600 + 59 * 60, 0));
    Ref tz_lo(make_timezone(ts, *lo, Value()));
    Ref tz_hi(make_timezone(ts, *hi, Value()));
    type_set_attr_cstr(interp, types.timezone, "min", *tz_lo);
    type_set_attr_cstr(interp, types.timezone, "max", *tz_hi);
}

void make_all_types(Interpreter& interp, DateTimeTypes& types) {
    types.delta = make_delta_type(interp);
    types.date = make_date_type(interp);
    types.datetime = make_datetime_type(interp, types.date);
    types.time = make_time_type(interp);
    types.tzinfo = make_tzinfo_type(interp);
    types.timezone = make_timezone_type(interp, types.tzinfo);
    static constexpr const char* kIsoFields[] = {"year", "week", "weekday"};
    types.isocal = make_structseq_type(interp, "datetime", "IsoCalendarDate", kIsoFields);
    add_delta_constants(interp, types);
    add_timezone_constants(interp, types);
    add_date_constants(interp, types);
    add_time_constants(interp, types);
    add_datetime_constants(interp, types);
}

bool check_offset_result(ThreadState& ts, Value r, const char* what) {
    if (r.is_none()) return true;
    if (!is_delta(ts, r)) {
        raise_fmt(ts, ts.exc_types().TypeError,
                  "tzinfo.{}() must return None or timedelta, not '{}'", what, type_name(ts, r));
        return false;
    }
    if (!delta_in_day(r)) {
        raise_fmt(ts, ts.exc_types().ValueError, "{}.", kOffsetRange);
        return false;
    }
    return true;
}

bool call_offset_method(ThreadState& ts, Value tz, Value arg, const char* what, Value* out) {
    if (tz.is_none()) {
        *out = Value::none();
        return true;
    }
    Ref name(make_str(ts, what));
    if (!name) return false;
    Ref r(call_method(ts, tz, *name, {arg}));
    if (!r || !check_offset_result(ts, *r, what)) return false;
    *out = r.release();
    return true;
}

}  // namespace

// --- shared helpers ---

bool is_delta(ThreadState& ts, Value v) {
    return v.is_object() && type_is_subtype(type_of_object(v), dt_types(ts).delta);
}
bool is_date(ThreadState& ts, Value v) {
    return v.is_object() && type_is_subtype(type_of_object(v), dt_types(ts).date);
}
bool is_datetime(ThreadState& ts, Value v) {
    return v.is_object() && type_is_subtype(type_of_object(v), dt_types(ts).datetime);
}
bool is_time(ThreadState& ts, Value v) {
    return v.is_object() && type_is_subtype(type_of_object(v), dt_types(ts).time);
}
bool is_tzinfo(ThreadState& ts, Value v) {
    return v.is_object() && type_is_subtype(type_of_object(v), dt_types(ts).tzinfo);
}

std::string_view repr_type_name(ThreadState& ts, Value self) {
    return type_of(ts, self)->name_cstr;
}

Object* alloc_instance(ThreadState& ts, TypeObject* type) {
    Object* o = (type->flags & kTypeHasGc) ? alloc_gc_object(type, type->basicsize)
                                           : alloc_object(type, type->basicsize);
    if (!o) raise_memory_error(ts);
    return o;
}

// A builtin type whose error messages say "datetime.X" (CPython's tp_name)
// while __name__ is "X".
TypeObject* native_type(Interpreter& interp, const char* dotted, const char* name,
                        uint32_t basicsize, TypeObject* base) {
    TypeObject* t =
        type_alloc_builtin(interp, dotted, ObjKind::Native, basicsize, base, kTypeBaseType);
    t->hdr.type = interp.types.type;
    t->name = interp.intern(name);
    t->traverse = [](Object*, VisitFn, void*) {};
    t->clear = [](Object*) {};
    Ref mod(interp.intern("datetime"));
    type_set_attr_cstr(interp, t, "__module__", *mod);
    return t;
}

Value call_type(ThreadState& ts, TypeObject* type, std::initializer_list<Value> args) {
    return call_n(ts, val(type), args);
}

Value call_subclass(ThreadState& ts, TypeObject* type, const Value* argv, uint32_t n, int fold) {
    // fold is passed only when set, as CPython does, so a subclass whose
    // __new__ has no fold parameter still works.
    if (!fold) return obj_call(ts, val(type), Args{argv, n, nullptr});
    Ref name(make_str(ts, "fold"));
    Ref names(name ? tuple_pack(ts, {*name}) : Value());
    if (!names) return Value();
    Value all[9];
    for (uint32_t i = 0; i < n; ++i) all[i] = argv[i];
    all[n] = Value::small_int(fold);
    return obj_call(ts, val(type), Args{all, n, tuple_obj(*names)});
}

Value make_timezone(ThreadState& ts, Value offset, Value name) {
    if (!name.is_null()) return call_n(ts, val(dt_types(ts).timezone), {offset, name});
    if (delta_total_us(offset) == 0 && !dt_types(ts).utc.is_null())
        return new_ref(dt_types(ts).utc);
    Value arg = offset;
    return timezone_new(ts, dt_types(ts).timezone, Args{&arg, 1, nullptr});
}

bool call_utcoffset(ThreadState& ts, Value tz, Value arg, Value* out) {
    return call_offset_method(ts, tz, arg, "utcoffset", out);
}

bool call_dst(ThreadState& ts, Value tz, Value arg, Value* out) {
    return call_offset_method(ts, tz, arg, "dst", out);
}

Value call_tzname(ThreadState& ts, Value tz, Value arg) {
    if (tz.is_none()) return Value::none();
    Ref name(make_str(ts, "tzname"));
    if (!name) return Value();
    Ref r(call_method(ts, tz, *name, {arg}));
    if (!r) return Value();
    if (!(*r).is_none() && !is_str(ts, *r)) {
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "tzinfo.tzname() must return None or a string, not '{}'",
                         type_name(ts, *r));
    }
    return r.release();
}

bool offset_us(ThreadState& ts, Value tz, Value arg, int64_t* us, bool* aware) {
    Value off;
    if (!call_utcoffset(ts, tz, arg, &off)) return false;
    *aware = !off.is_none();
    *us = *aware ? static_cast<int64_t>(delta_total_us(off)) : 0;
    decref(off);
    return true;
}

bool check_tzinfo_arg(ThreadState& ts, Value tz) {
    if (tz.is_none() || is_tzinfo(ts, tz)) return true;
    raise_fmt(ts, ts.exc_types().TypeError,
              "tzinfo argument must be None or of a tzinfo subclass, not type '{}'",
              type_name(ts, tz));
    return false;
}

DateTimeTypes& datetime_types(Interpreter& interp) {
    return module_state<DateTimeTypes>(
        interp, "datetime.types", [&](DateTimeTypes& types) { make_all_types(interp, types); });
}

Value init_datetime_module(ThreadState& ts) {
    DateTimeTypes& t = dt_types(ts);
    Ref m(module_new(ts, "datetime"));
    if (!m) return Value();
    bool ok = module_add_value(ts, *m, "date", val(t.date)) &&
              module_add_value(ts, *m, "datetime", val(t.datetime)) &&
              module_add_value(ts, *m, "time", val(t.time)) &&
              module_add_value(ts, *m, "timedelta", val(t.delta)) &&
              module_add_value(ts, *m, "tzinfo", val(t.tzinfo)) &&
              module_add_value(ts, *m, "timezone", val(t.timezone)) &&
              module_add_value(ts, *m, "UTC", t.utc) &&
              module_add_value(ts, *m, "MINYEAR", Value::small_int(kMinYear)) &&
              module_add_value(ts, *m, "MAXYEAR", Value::small_int(kMaxYear));
    if (!ok) return Value();
    return m.release();
}

}  // namespace gilt
