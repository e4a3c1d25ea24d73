// Code objects to bytes and back (see code_marshal.hpp for the format).
#include "runtime/code_marshal.hpp"

#include <cstdint>
#include <cstring>
#include <vector>

#include "runtime/bytes.hpp"
#include "runtime/code.hpp"
#include "runtime/complex.hpp"
#include "runtime/errors.hpp"
#include "runtime/exception.hpp"
#include "runtime/float.hpp"
#include "runtime/gc.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"

namespace gilt {

// A field added to CodeObject must be written and read here too (and the
// frozen_stdlib test then proves it travels); this line is the reminder.
static_assert(sizeof(CodeObject) == 16 + 10 * 24 + 8 * 4 + 3 * 8 + 8,
              "CodeObject changed: update code_marshal.cpp to write and read the new field");

namespace {

// --- writing -------------------------------------------------------------------

class Writer {
public:
    Writer(ThreadState& ts, std::string* out) : m_ts(ts), m_out(*out) {}

    bool code(Value v);

private:
    ThreadState& m_ts;
    std::string& m_out;

    void byte(char c) { m_out.push_back(c); }
    void uvar(uint64_t n) {
        while (n >= 0x80) {
            m_out.push_back(static_cast<char>((n & 0x7f) | 0x80));
            n >>= 7;
        }
        m_out.push_back(static_cast<char>(n));
    }
    void svar(int64_t n) { uvar((static_cast<uint64_t>(n) << 1) ^ static_cast<uint64_t>(n >> 63)); }
    void raw(const void* p, std::size_t n) { m_out.append(static_cast<const char*>(p), n); }
    void text(char tag, std::string_view s) {
        byte(tag);
        uvar(s.size());
        m_out.append(s);
    }
    bool value(Value v);
    bool values(const std::vector<Value>& vs) {
        uvar(vs.size());
        for (Value v : vs) {
            if (!value(v)) return false;
        }
        return true;
    }
    bool object(Value v);
};

bool Writer::value(Value v) {
    if (v.is_small_int()) {
        byte('i');
        svar(v.as_small_int());
        return true;
    }
    if (v.is_none()) return byte('N'), true;
    if (v.is_true()) return byte('T'), true;
    if (v.is_false()) return byte('F'), true;
    if (v == Value::ellipsis()) return byte('E'), true;
    if (!v.is_object()) return false;
    return object(v);
}

bool Writer::object(Value v) {
    const BuiltinTypes& t = m_ts.types();
    Object* o = v.as_object();
    if (o->type == t.str) {
        text((o->flags & kObjInterned) ? 'S' : 's', str_view(v));
        return true;
    }
    if (o->type == t.bytes) {
        text('b', bytes_view(v));
        return true;
    }
    if (o->type == t.int_) {
        text('I', int_to_base(v, 16));
        return true;
    }
    if (o->type == t.float_) {
        double d = float_value(v);
        byte('f');
        raw(&d, sizeof d);
        return true;
    }
    if (o->type == t.complex) {
        ComplexObject* c = complex_obj(v);
        byte('x');
        raw(&c->real, sizeof c->real);
        raw(&c->imag, sizeof c->imag);
        return true;
    }
    if (o->type == t.tuple) {
        byte('t');
        uvar(tuple_size(v));
        for (uint64_t i = 0; i < tuple_size(v); ++i) {
            if (!value(tuple_item(v, i))) return false;
        }
        return true;
    }
    if (o->type == t.code) return code(v);
    return false;
}

bool Writer::code(Value v) {
    const CodeObject* c = code_obj(v);
    byte('C');
    for (int n : {c->argcount, c->posonlyargcount, c->kwonlyargcount, c->nlocals, c->stacksize})
        svar(n);
    uvar(c->flags);
    svar(c->firstlineno);
    svar(c->localsplus);
    uvar(c->code.size());
    for (uint32_t w : c->code) {
        unsigned char b[4] = {static_cast<unsigned char>(w), static_cast<unsigned char>(w >> 8),
                              static_cast<unsigned char>(w >> 16),
                              static_cast<unsigned char>(w >> 24)};
        raw(b, 4);
    }
    if (!values(c->consts) || !values(c->names) || !values(c->varnames) || !values(c->cellvars) ||
        !values(c->freevars))
        return false;
    uvar(c->cell2arg.size());
    for (int n : c->cell2arg) svar(n);
    uvar(c->exception_table.size());
    for (const ExceptionTableEntry& e : c->exception_table) {
        for (uint32_t n : {e.start, e.end, e.target, e.depth}) uvar(n);
    }
    uvar(c->lines.size());
    for (const LineEntry& e : c->lines) {
        uvar(e.start);
        svar(e.line);
    }
    uvar(c->caches.size());
    return value(c->name) && value(c->qualname) && value(c->filename);
}

// --- reading -------------------------------------------------------------------

// Reads what Writer wrote. Any inconsistency (a short read, an unknown tag,
// a count beyond what is left) sets m_bad; the caller then raises once.
class Reader {
public:
    Reader(ThreadState& ts, std::string_view data) : m_ts(ts), m_data(data) {}

    Value value();
    bool bad() const { return m_bad; }

private:
    ThreadState& m_ts;
    std::string_view m_data;
    std::size_t m_pos = 0;
    bool m_bad = false;
    Value m_last_filename;  // borrowed from the code object that owns it

    bool left(std::size_t n) {
        if (m_data.size() - m_pos >= n) return true;
        m_bad = true;
        return false;
    }
    char byte() { return left(1) ? m_data[m_pos++] : '\0'; }
    uint64_t uvar() {
        uint64_t n = 0;
        for (int shift = 0; shift < 64 && left(1); shift += 7) {
            unsigned char b = static_cast<unsigned char>(m_data[m_pos++]);
            n |= static_cast<uint64_t>(b & 0x7f) << shift;
            if (!(b & 0x80)) return n;
        }
        m_bad = true;
        return 0;
    }
    int64_t svar() {
        uint64_t n = uvar();
        return static_cast<int64_t>(n >> 1) ^ -static_cast<int64_t>(n & 1);
    }
    int ivar() { return static_cast<int>(svar()); }
    // A count of items each at least `size` bytes long, checked against what is left.
    uint64_t count(std::size_t size = 1) {
        uint64_t n = uvar();
        if (!m_bad && n > (m_data.size() - m_pos) / size) m_bad = true;
        return m_bad ? 0 : n;
    }
    std::string_view chunk() {
        uint64_t n = count();
        std::string_view s = m_data.substr(m_pos, n);
        m_pos += n;
        return s;
    }
    double f64() {
        double d = 0;
        if (left(sizeof d)) std::memcpy(&d, m_data.data() + m_pos, sizeof d);
        m_pos += m_bad ? 0 : sizeof d;
        return d;
    }
    Value code();
    Value filename(std::string_view text);
    bool values(std::vector<Value>* out) {
        uint64_t n = count();
        out->reserve(n);
        for (uint64_t i = 0; i < n; ++i) {
            Value v = value();
            if (!v) return false;
            out->push_back(v);
        }
        return !m_bad;
    }
};

Value Reader::value() {
    switch (byte()) {
        case 'N':
            return Value::none();
        case 'T':
            return Value::true_();
        case 'F':
            return Value::false_();
        case 'E':
            return Value::ellipsis();
        case 'i':
            return make_int(m_ts, svar());
        case 'I':
            return m_bad ? Value() : int_from_string(m_ts, chunk(), 16);
        case 'f': {
            double d = f64();
            return m_bad ? Value() : make_float(m_ts, d);
        }
        case 'x': {
            double re = f64(), im = f64();
            return m_bad ? Value() : make_complex(m_ts, re, im);
        }
        case 's': {
            std::string_view s = chunk();
            return m_bad ? Value() : make_str(m_ts, s);
        }
        case 'S': {
            std::string_view s = chunk();
            return m_bad ? Value() : m_ts.interp().intern(s);
        }
        case 'b': {
            std::string_view s = chunk();
            return m_bad ? Value() : make_bytes(m_ts, s);
        }
        case 't': {
            uint64_t n = count();
            Ref t(tuple_new(m_ts, n));
            if (!t) return Value();
            for (uint64_t i = 0; i < n; ++i) {
                Value item = value();
                if (!item) return Value();
                tuple_obj(*t)->items[i] = item;
            }
            gc_maybe_untrack_tuple(*t);
            return t.release();
        }
        case 'C':
            return code();
        default:
            m_bad = true;
            return Value();
    }
}

// Every code object of a module shares one file name; the reader makes
// one str for them instead of one each.
Value Reader::filename(std::string_view text) {
    if (m_last_filename && str_view(m_last_filename) == text) return new_ref(m_last_filename);
    Value v = make_str(m_ts, text);
    if (v) m_last_filename = v;
    return v;
}

Value Reader::code() {
    CodeObject* c = code_new(m_ts);
    if (!c) return Value();
    Ref owner(Value::object(&c->hdr));
    c->argcount = ivar();
    c->posonlyargcount = ivar();
    c->kwonlyargcount = ivar();
    c->nlocals = ivar();
    c->stacksize = ivar();
    c->flags = static_cast<uint32_t>(uvar());
    c->firstlineno = ivar();
    c->localsplus = ivar();
    uint64_t nwords = count(4);
    c->code.resize(nwords);
    for (uint64_t i = 0; i < nwords; ++i) {
        const auto* b = reinterpret_cast<const unsigned char*>(m_data.data() + m_pos + 4 * i);
        c->code[i] = b[0] | (b[1] << 8) | (b[2] << 16) | (static_cast<uint32_t>(b[3]) << 24);
    }
    m_pos += 4 * nwords;
    if (!values(&c->consts) || !values(&c->names) || !values(&c->varnames) ||
        !values(&c->cellvars) || !values(&c->freevars))
        return Value();
    c->cell2arg.resize(count());
    for (int& n : c->cell2arg) n = ivar();
    c->exception_table.resize(count(4));
    for (ExceptionTableEntry& e : c->exception_table) {
        e.start = static_cast<uint32_t>(uvar());
        e.end = static_cast<uint32_t>(uvar());
        e.target = static_cast<uint32_t>(uvar());
        e.depth = static_cast<uint32_t>(uvar());
    }
    c->lines.resize(count(2));
    for (LineEntry& e : c->lines) {
        e.start = static_cast<uint32_t>(uvar());
        e.line = ivar();
    }
    // At most one site per instruction word, each with up to kAttrCacheWays
    // entries (an attribute site's ways).
    uint64_t ncaches = uvar();
    if (ncaches > c->code.size() * kAttrCacheWays) m_bad = true;
    c->caches.resize(m_bad ? 0 : ncaches);
    if (m_bad || !(c->name = value()) || !(c->qualname = value())) return Value();
    if (byte() != 's') m_bad = true;
    std::string_view file = chunk();
    if (m_bad || !(c->filename = filename(file))) return Value();
    return owner.release();
}

}  // namespace

bool code_marshal_dump(ThreadState& ts, Value code, std::string* out) {
    return Writer(ts, out).code(code);
}

Value code_marshal_load(ThreadState& ts, std::string_view data) {
    Reader reader(ts, data);
    Ref code;
    if (!data.empty() && data[0] == 'C') code = Ref(reader.value());
    if (code && !reader.bad()) return code.release();
    if (!ts.has_exception()) raise(ts, ts.exc_types().ValueError, "bad marshal data");
    return Value();
}

}  // namespace gilt
