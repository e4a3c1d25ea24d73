// datetime.time: a time of day, naive or aware (a tzinfo whose utcoffset(None)
// gives the offset). Aware times compare and hash by their UTC value; a naive
// and an aware time are unequal and do not order (TypeError), as in CPython.
#include <string>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/bytes.hpp"
#include "runtime/errors.hpp"
#include "runtime/heap.hpp"
#include "runtime/int.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "stdlib/datetime.hpp"

namespace gilt {

bool check_time_fields(ThreadState& ts, int64_t h, int64_t mi, int64_t s, int64_t us,
                       int64_t fold) {
    const char* msg = nullptr;
    if (h < 0 || h > 23)
        msg = "hour must be in 0..23";
    else if (mi < 0 || mi > 59)
        msg = "minute must be in 0..59";
    else if (s < 0 || s > 59)
        msg = "second must be in 0..59";
    else if (us < 0 || us > 999999)
        msg = "microsecond must be in 0..999999";
    else if (fold != 0 && fold != 1)
        msg = "fold must be either 0 or 1";
    if (msg) raise(ts, ts.exc_types().ValueError, msg);
    return msg == nullptr;
}

Value make_time(ThreadState& ts, int h, int mi, int s, int us, Value tz, int fold,
                TypeObject* type) {
    DateTimeTypes& types = dt_types(ts);
    if (type && type != types.time) {
        Value argv[] = {Value::small_int(h), Value::small_int(mi), Value::small_int(s),
                        Value::small_int(us), tz};
        return call_subclass(ts, type, argv, 5, fold);
    }
    Object* o = alloc_instance(ts, types.time);
    if (!o) return Value();
    auto* t = reinterpret_cast<TimeObject*>(o);
    t->hour = static_cast<uint8_t>(h);
    t->minute = static_cast<uint8_t>(mi);
    t->second = static_cast<uint8_t>(s);
    t->us = us;
    t->fold = static_cast<uint8_t>(fold);
    t->tzinfo = new_ref(tz);
    return Value::object(o);
}

namespace {

Value time_fromisoformat(ThreadState& ts, Args args);
Value time_isoformat(ThreadState& ts, Args args);
Value time_strftime(ThreadState& ts, Args args);
Value time_utcoffset(ThreadState& ts, Args args);
Value time_dst(ThreadState& ts, Args args);
Value time_tzname(ThreadState& ts, Args args);
Value time_replace(ThreadState& ts, Args args);
Value time_reduce(ThreadState& ts, Args args);
Value time_reduce_ex(ThreadState& ts, Args args);

constexpr MethodDef kTimeMethods[] = {
    {"fromisoformat", time_fromisoformat, kMethodClass},
    {"isoformat", time_isoformat},
    {"strftime", time_strftime},
    {"__format__", dt_format_method},
    {"utcoffset", time_utcoffset},
    {"dst", time_dst},
    {"tzname", time_tzname},
    {"replace", time_replace},
    {"__reduce__", time_reduce},
    {"__reduce_ex__", time_reduce_ex},
};

Value time_get_hour(ThreadState&, Value self) {
    return Value::small_int(time_obj(self)->hour);
}
Value time_get_minute(ThreadState&, Value self) {
    return Value::small_int(time_obj(self)->minute);
}
Value time_get_second(ThreadState&, Value self) {
    return Value::small_int(time_obj(self)->second);
}
Value time_get_us(ThreadState&, Value self) {
    return Value::small_int(time_obj(self)->us);
}
Value time_get_tzinfo(ThreadState&, Value self) {
    return new_ref(time_obj(self)->tzinfo);
}
Value time_get_fold(ThreadState&, Value self) {
    return Value::small_int(time_obj(self)->fold);
}

constexpr GetSetDef kTimeGetSets[] = {
    {"hour", time_get_hour},      {"minute", time_get_minute}, {"second", time_get_second},
    {"microsecond", time_get_us}, {"tzinfo", time_get_tzinfo}, {"fold", time_get_fold},
};

Object* alloc_time(ThreadState& ts, TypeObject* type, int64_t h, int64_t mi, int64_t s, int64_t us,
                   Value tz, int64_t fold) {
    Object* o = alloc_instance(ts, type);
    if (!o) return nullptr;
    auto* t = reinterpret_cast<TimeObject*>(o);
    t->hour = static_cast<uint8_t>(h);
    t->minute = static_cast<uint8_t>(mi);
    t->second = static_cast<uint8_t>(s);
    t->us = static_cast<int32_t>(us);
    t->fold = static_cast<uint8_t>(fold);
    t->tzinfo = new_ref(tz);
    return o;
}

// Pickle state: hour (fold in its high bit), minute, second, 3 bytes of us.
Value time_from_state(ThreadState& ts, TypeObject* type, Value state, Value tz) {
    auto b = reinterpret_cast<const uint8_t*>(bytes_view(state).data());
    int64_t us = (b[3] << 16) | (b[4] << 8) | b[5];
    if (!check_time_fields(ts, b[0] & 0x7f, b[1], b[2], us, 0)) return Value();
    if (!check_tzinfo_arg(ts, tz)) return Value();
    Object* o = alloc_time(ts, type, b[0] & 0x7f, b[1], b[2], us, tz, b[0] >> 7);
    return o ? Value::object(o) : Value();
}

Value time_new(ThreadState& ts, TypeObject* type, Args args) {
    if (args.n >= 1 && args.n <= 2 && !args.kwnames && is_bytes(args[0]) &&
        bytes_view(args[0]).size() == 6 &&
        (static_cast<uint8_t>(bytes_view(args[0])[0]) & 0x7f) < 24)
        return time_from_state(ts, type, args[0], args.n == 2 ? args[1] : Value::none());
    Value hv, mv, sv, uv, tz, fv;
    if (!parse_args(ts, args, "time",
                    {"|", "hour", "minute", "second", "microsecond", "tzinfo", "$fold"},
                    {&hv, &mv, &sv, &uv, &tz, &fv}))
        return Value();
    int64_t h = 0, mi = 0, s = 0, us = 0, fold = 0;
    if ((!hv.is_null() && !obj_index(ts, hv, &h)) || (!mv.is_null() && !obj_index(ts, mv, &mi)) ||
        (!sv.is_null() && !obj_index(ts, sv, &s)) || (!uv.is_null() && !obj_index(ts, uv, &us)) ||
        (!fv.is_null() && !obj_index(ts, fv, &fold)))
        return Value();
    if (tz.is_null()) tz = Value::none();
    if (!check_time_fields(ts, h, mi, s, us, fold) || !check_tzinfo_arg(ts, tz)) return Value();
    Object* o = alloc_time(ts, type, h, mi, s, us, tz, fold);
    return o ? Value::object(o) : Value();
}

void time_dealloc(Object* o) {
    clear_ref(reinterpret_cast<TimeObject*>(o)->tzinfo);
    free_object(o);
}

Value time_fromisoformat(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "fromisoformat", "fromisoformat", 1, 1)) return Value();
    if (!is_str(ts, args[1]))
        return raise(ts, ts.exc_types().TypeError, "fromisoformat: argument must be str");
    ParsedIso p;
    if (!parse_iso_time(str_view(args[1]), &p)) {
        Ref r(obj_repr(ts, args[1]));
        if (!r) return Value();
        return raise_fmt(ts, ts.exc_types().ValueError, "Invalid isoformat string: {}",
                         str_view(*r));
    }
    if (!check_time_fields(ts, p.h, p.mi, p.s, p.us, 0)) return Value();
    Ref tz;
    if (p.has_tz) {
        Ref off(make_delta_us(ts, p.tz_us));
        if (!off) return Value();
        tz = Ref(make_timezone(ts, *off, Value()));
        if (!tz) return Value();
    } else {
        tz = Ref::borrow(Value::none());
    }
    return make_time(ts, p.h, p.mi, p.s, p.us, *tz, 0,
                     reinterpret_cast<TypeObject*>(args[0].as_object()));
}

// The utcoffset of an aware time appended as "+HH:MM" (isoformat and str).
bool append_offset(ThreadState& ts, Value tz, Value arg, std::string* out, std::string_view sep) {
    int64_t us;
    bool aware;
    if (!offset_us(ts, tz, arg, &us, &aware)) return false;
    if (aware) *out += format_offset(us, sep);
    return true;
}

Value time_isoformat(ThreadState& ts, Args args) {
    Value spec;
    if (!parse_args(ts, args.drop_first(), "isoformat", {"|", "timespec"}, {&spec})) return Value();
    if (!spec.is_null() && !is_str(ts, spec)) {
        return raise_fmt(ts, ts.exc_types().TypeError, "isoformat() argument 1 must be str, not {}",
                         type_name(ts, spec));
    }
    TimeObject* t = time_obj(args[0]);
    bool ok;
    std::string out = format_time_part(t->hour, t->minute, t->second, t->us,
                                       spec.is_null() ? "auto" : str_view(spec), &ok);
    if (!ok) return raise(ts, ts.exc_types().ValueError, "Unknown timespec value");
    if (!append_offset(ts, t->tzinfo, Value::none(), &out, ":")) return Value();
    return make_str(ts, out);
}

Value time_str(ThreadState& ts, Value self) {
    Value argv[] = {self};
    return time_isoformat(ts, Args{argv, 1, nullptr});
}

Value time_strftime(ThreadState& ts, Args args) {
    Value fmt;
    if (!parse_args(ts, args.drop_first(), "strftime", {"format"}, {&fmt})) return Value();
    if (!is_str(ts, fmt)) {
        return raise_fmt(ts, ts.exc_types().TypeError, "strftime() argument 1 must be str, not {}",
                         type_name(ts, fmt));
    }
    TimeObject* t = time_obj(args[0]);
    std::tm tm{};
    tm.tm_year = 0;  // 1900-01-01, as CPython's time.strftime uses for a time
    tm.tm_mday = 1;
    tm.tm_wday = 1;
    tm.tm_hour = t->hour;
    tm.tm_min = t->minute;
    tm.tm_sec = t->second;
    tm.tm_isdst = -1;
    return dt_strftime(ts, fmt, tm, t->us, t->tzinfo, Value::none());
}

Value time_utcoffset(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "utcoffset", "utcoffset", 0, 0)) return Value();
    Value out;
    if (!call_utcoffset(ts, time_obj(args[0])->tzinfo, Value::none(), &out)) return Value();
    return out;
}

Value time_dst(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "dst", "dst", 0, 0)) return Value();
    Value out;
    if (!call_dst(ts, time_obj(args[0])->tzinfo, Value::none(), &out)) return Value();
    return out;
}

Value time_tzname(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "tzname", "tzname", 0, 0)) return Value();
    return call_tzname(ts, time_obj(args[0])->tzinfo, Value::none());
}

Value time_replace(ThreadState& ts, Args args) {
    Value hv, mv, sv, uv, tz, fv;
    if (!parse_args(ts, args.drop_first(), "replace",
                    {"|", "hour", "minute", "second", "microsecond", "tzinfo", "$fold"},
                    {&hv, &mv, &sv, &uv, &tz, &fv}))
        return Value();
    TimeObject* t = time_obj(args[0]);
    int64_t h = t->hour, mi = t->minute, s = t->second, us = t->us, fold = t->fold;
    if ((!hv.is_null() && !obj_index(ts, hv, &h)) || (!mv.is_null() && !obj_index(ts, mv, &mi)) ||
        (!sv.is_null() && !obj_index(ts, sv, &s)) || (!uv.is_null() && !obj_index(ts, uv, &us)) ||
        (!fv.is_null() && !obj_index(ts, fv, &fold)))
        return Value();
    if (tz.is_null()) tz = t->tzinfo;
    if (!check_time_fields(ts, h, mi, s, us, fold) || !check_tzinfo_arg(ts, tz)) return Value();
    return make_time(ts, static_cast<int>(h), static_cast<int>(mi), static_cast<int>(s),
                     static_cast<int>(us), tz, static_cast<int>(fold), type_of(ts, args[0]));
}

Value reduce_with_proto(ThreadState& ts, Value self, int64_t proto) {
    TimeObject* t = time_obj(self);
    uint8_t hour = t->hour | (proto > 3 && t->fold ? 0x80 : 0);
    char state[6] = {static_cast<char>(hour),
                     static_cast<char>(t->minute),
                     static_cast<char>(t->second),
                     static_cast<char>((t->us >> 16) & 0xff),
                     static_cast<char>((t->us >> 8) & 0xff),
                     static_cast<char>(t->us & 0xff)};
    Ref b(make_bytes(ts, std::string_view(state, 6)));
    if (!b) return Value();
    Ref inner(t->tzinfo.is_none() ? tuple_pack(ts, {*b}) : tuple_pack(ts, {*b, t->tzinfo}));
    if (!inner) return Value();
    return tuple_pack(ts, {val(type_of(ts, self)), *inner});
}

Value time_reduce(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "__reduce__", "__reduce__", 0, 0)) return Value();
    return reduce_with_proto(ts, args[0], 2);
}

Value time_reduce_ex(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "__reduce_ex__", "__reduce_ex__", 1, 1)) return Value();
    int64_t proto;
    if (!obj_index(ts, args[1], &proto)) return Value();
    return reduce_with_proto(ts, args[0], proto);
}

Value time_repr(ThreadState& ts, Value self) {
    TimeObject* t = time_obj(self);
    std::string out = fmt::format("{}({}, {}", repr_type_name(ts, self), t->hour, t->minute);
    if (t->second || t->us) out += fmt::format(", {}", t->second);
    if (t->us) out += fmt::format(", {}", t->us);
    if (!t->tzinfo.is_none()) {
        Ref r(obj_repr(ts, t->tzinfo));
        if (!r) return Value();
        out += fmt::format(", tzinfo={}", str_view(*r));
    }
    if (t->fold) out += ", fold=1";
    out += ')';
    return make_str(ts, out);
}

int64_t time_us_of_day(const TimeObject* t) {
    return ((t->hour * 60 + t->minute) * 60 + t->second) * int64_t(1000000) + t->us;
}

Value time_richcompare(ThreadState& ts, Value a, Value b, CompareOp op) {
    if (!is_time(ts, b)) return Value::not_implemented();
    TimeObject* x = time_obj(a);
    TimeObject* y = time_obj(b);
    if (x->tzinfo == y->tzinfo) return compare_values(time_us_of_day(x), time_us_of_day(y), op);
    int64_t ox, oy;
    bool ax, ay;
    if (!offset_us(ts, x->tzinfo, Value::none(), &ox, &ax) ||
        !offset_us(ts, y->tzinfo, Value::none(), &oy, &ay))
        return Value();
    if (ax != ay) {
        if (op == CompareOp::Eq || op == CompareOp::Ne) return Value::boolean(op == CompareOp::Ne);
        return raise(ts, ts.exc_types().TypeError,
                     "can't compare offset-naive and offset-aware times");
    }
    return compare_values(time_us_of_day(x) - ox, time_us_of_day(y) - oy, op);
}

bool time_hash(ThreadState& ts, Value self, int64_t* out) {
    TimeObject* t = time_obj(self);
    int64_t off;
    bool aware;
    if (!offset_us(ts, t->tzinfo, Value::none(), &off, &aware)) return false;
    int64_t h = (time_us_of_day(t) - off) * 1000003 + 0x2f;
    *out = h == -1 ? -2 : h;
    return true;
}

}  // namespace

TypeObject* make_time_type(Interpreter& interp) {
    TypeObject* t =
        native_type(interp, "datetime.time", "time", sizeof(TimeObject), interp.types.object);
    t->new_ = time_new;
    t->dealloc = time_dealloc;
    t->repr = time_repr;
    t->str = time_str;
    t->hash = time_hash;
    t->richcompare = time_richcompare;
    type_add_methods(interp, t, kTimeMethods);
    type_add_getsets(interp, t, kTimeGetSets);
    type_ready(interp, t);
    return t;
}

void add_time_constants(Interpreter& interp, DateTimeTypes& types) {
    ThreadState& ts = interp.main_thread();
    Ref mn(make_time(ts, 0, 0, 0, 0, Value::none()));
    Ref mx(make_time(ts, 23, 59, 59, 999999, Value::none()));
    Ref res(make_delta(ts, 0, 0, 1));
    type_set_attr_cstr(interp, types.time, "min", *mn);
    type_set_attr_cstr(interp, types.time, "max", *mx);
    type_set_attr_cstr(interp, types.time, "resolution", *res);
}

}  // namespace gilt
