// A tiny evaluator of one-line Python expressions, for runtime unit tests.
//
// The runtime tests call C++ functions directly, but tables of cases read
// best as the Python they stand for ("'a,,b'.split(',')" -> "['a', '', 'b']"),
// and written that way they can be checked against python3 mechanically.
// This evaluator covers exactly what such tables need: literals (str with
// escapes, bytes, int, float, None/True/False, tuples, lists, dicts),
// method calls with keyword arguments, indexing and slicing, the operators
// + - * % ** == != < <= > >= in / not in, the builtin types by name, and
// repr/ascii/len/format/list/hash. Everything goes through the real object
// protocol (obj_getattr, obj_call, binary_op, ...), so a row exercises the
// same paths a compiled program would.
//
// run() returns repr(result), or "ExcType: message" when evaluation raised.
#pragma once

#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/abstract.hpp"
#include "runtime/bytes.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/float.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/list.hpp"
#include "runtime/range.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "runtime/unicode.hpp"

namespace gilt::testing {

class MiniEval {
public:
    explicit MiniEval(ThreadState& ts) : m_ts(ts) {}

    std::string run(std::string_view src) {
        m_src = src;
        m_pos = 0;
        m_error.clear();
        Ref v(expr());
        skip_space();
        if (v && m_pos != m_src.size())
            return "SyntaxError: trailing input at " + std::to_string(m_pos);
        if (!m_error.empty()) return "SyntaxError: " + m_error;
        if (!v) return describe_exception();
        Ref r(obj_repr(m_ts, *v));
        if (!r) return describe_exception();
        return std::string(str_view(*r));
    }

    // "Type: message" for the pending exception (cleared).
    std::string describe_exception() {
        Ref exc(fetch_exception(m_ts));
        if (!exc) return "<no exception>";
        std::string name(type_name(m_ts, *exc));
        Ref s(obj_str(m_ts, *exc));
        if (!s) {
            clear_exception(m_ts);
            return name + ": <str() failed>";
        }
        return str_len(*s) ? name + ": " + std::string(str_view(*s)) : name;
    }

private:
    // --- lexing helpers ---
    void skip_space() {
        while (m_pos < m_src.size() && m_src[m_pos] == ' ') ++m_pos;
    }
    bool peek(std::string_view tok) {
        skip_space();
        return m_src.substr(m_pos, tok.size()) == tok;
    }
    bool accept(std::string_view tok) {
        if (!peek(tok)) return false;
        m_pos += tok.size();
        return true;
    }
    Value syntax(std::string msg) {
        if (m_error.empty()) m_error = msg + " at " + std::to_string(m_pos);
        return Value();
    }
    bool is_name_char(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
               (c >= '0' && c <= '9');
    }
    std::string_view name() {
        skip_space();
        size_t start = m_pos;
        while (m_pos < m_src.size() && is_name_char(m_src[m_pos])) ++m_pos;
        return m_src.substr(start, m_pos - start);
    }

    // --- grammar ---
    Value expr() {
        Ref a(sum());
        if (!a) return Value();
        static constexpr std::pair<std::string_view, CompareOp> kOps[] = {
            {"==", CompareOp::Eq}, {"!=", CompareOp::Ne}, {"<=", CompareOp::Le},
            {">=", CompareOp::Ge}, {"<", CompareOp::Lt},  {">", CompareOp::Gt}};
        for (auto [tok, op] : kOps) {
            if (accept(tok)) {
                Ref b(sum());
                return b ? rich_compare(m_ts, *a, *b, op) : Value();
            }
        }
        bool negate = false;
        if (accept("not in "))
            negate = true;
        else if (!accept("in "))
            return a.release();
        Ref b(sum());
        if (!b) return Value();
        int r = obj_contains(m_ts, *b, *a);
        if (r < 0) return Value();
        return Value::boolean((r == 1) != negate);
    }

    Value sum() {
        Ref a(term());
        while (a) {
            BinOp op;
            if (accept("+"))
                op = BinOp::Add;
            else if (accept("- "))
                op = BinOp::Sub;
            else
                break;
            Ref b(term());
            if (!b) return Value();
            a = Ref(binary_op(m_ts, op, *a, *b));
        }
        return a.release();
    }

    Value term() {
        Ref a(unary());
        while (a) {
            BinOp op;
            if (!peek("**") && accept("*"))
                op = BinOp::Mul;
            else if (accept("%"))
                op = BinOp::Mod;
            else
                break;
            Ref b(unary());
            if (!b) return Value();
            a = Ref(binary_op(m_ts, op, *a, *b));
        }
        return a.release();
    }

    Value unary() {
        if (accept("-")) {
            Ref v(unary());
            return v ? unary_op(m_ts, UnaryOp::Neg, *v) : Value();
        }
        Ref base(postfix());
        if (!base || !accept("**")) return base.release();
        Ref exp(unary());
        return exp ? binary_op(m_ts, BinOp::Pow, *base, *exp) : Value();
    }

    Value postfix() {
        skip_space();
        std::string_view special = special_name();
        if (!special.empty()) return special_call(special);
        Ref v(atom());
        while (v) {
            if (accept(".")) {
                std::string_view n = name();
                Ref attr(make_str(m_ts, n));
                if (!attr) return Value();
                v = Ref(obj_getattr(m_ts, *v, *attr));
            } else if (peek("(")) {
                v = Ref(call(*v));
            } else if (accept("[")) {
                v = Ref(subscript(*v));
            } else {
                break;
            }
        }
        return v.release();
    }

    // repr(x), len(x) ...: builtins implemented here on the object protocol.
    std::string_view special_name() {
        static constexpr std::string_view kNames[] = {"repr(",   "ascii(", "len(",
                                                      "format(", "list(",  "hash("};
        for (std::string_view n : kNames)
            if (m_src.substr(m_pos, n.size()) == n) return n.substr(0, n.size() - 1);
        return {};
    }

    Value special_call(std::string_view fn) {
        m_pos += fn.size() + 1;
        Ref a(expr());
        if (!a) return Value();
        Ref b;
        if (accept(",")) {
            b = Ref(expr());
            if (!b) return Value();
        }
        if (!accept(")")) return syntax("expected )");
        if (fn == "repr") return obj_repr(m_ts, *a);
        if (fn == "ascii") return obj_ascii(m_ts, *a);
        if (fn == "list") return list_from_iterable(m_ts, *a);
        if (fn == "len") {
            int64_t n = obj_len(m_ts, *a);
            return n < 0 ? Value() : make_int(m_ts, n);
        }
        if (fn == "hash") {
            int64_t h;
            return obj_hash(m_ts, *a, &h) ? make_int(m_ts, h) : Value();
        }
        Ref spec(b ? b.release() : make_str(m_ts, ""));
        return spec ? obj_format(m_ts, *a, *spec) : Value();
    }

    Value call(Value callable) {
        accept("(");
        std::vector<Ref> pos, kwvals;
        std::vector<std::string> kwnames;
        while (!accept(")")) {
            size_t save = m_pos;
            std::string_view n = name();
            if (!n.empty() && accept("=") && !peek("=")) {
                kwnames.emplace_back(n);
                kwvals.emplace_back(expr());
                if (!kwvals.back()) return Value();
            } else {
                m_pos = save;
                pos.emplace_back(expr());
                if (!pos.back()) return Value();
            }
            if (!accept(",") && !peek(")")) return syntax("expected , or )");
        }
        std::vector<Value> argv;
        for (auto& r : pos) argv.push_back(*r);
        for (auto& r : kwvals) argv.push_back(*r);
        Ref names;
        if (!kwnames.empty()) {
            names = Ref(tuple_new(m_ts, kwnames.size()));
            if (!names) return Value();
            for (size_t i = 0; i < kwnames.size(); ++i)
                tuple_obj(*names)->items[i] = m_ts.interp().intern(kwnames[i]);
        }
        Args args{argv.data(), static_cast<uint32_t>(pos.size()),
                  names ? tuple_obj(*names) : nullptr};
        return obj_call(m_ts, callable, args);
    }

    Value subscript(Value obj) {
        Ref parts[3];
        bool is_slice = false;
        for (int k = 0; k < 3; ++k) {
            if (!peek(":") && !peek("]")) {
                parts[k] = Ref(expr());
                if (!parts[k]) return Value();
            }
            if (k == 2 || !accept(":")) break;
            is_slice = true;
        }
        if (!accept("]")) return syntax("expected ]");
        if (!is_slice) return obj_getitem(m_ts, obj, *parts[0]);
        auto or_none = [](const Ref& r) { return r ? *r : Value::none(); };
        Ref s(make_slice(m_ts, or_none(parts[0]), or_none(parts[1]), or_none(parts[2])));
        return s ? obj_getitem(m_ts, obj, *s) : Value();
    }

    Value atom() {
        skip_space();
        if (m_pos >= m_src.size()) return syntax("unexpected end");
        char c = m_src[m_pos];
        if (c == '\'' || c == '"') return string_literal(false);
        if (c == 'b' && m_pos + 1 < m_src.size() &&
            (m_src[m_pos + 1] == '\'' || m_src[m_pos + 1] == '"')) {
            ++m_pos;
            return string_literal(true);
        }
        if (c >= '0' && c <= '9') return number();
        if (c == '(') return sequence('(', ')');
        if (c == '[') return sequence('[', ']');
        if (c == '{') return dict_literal();
        std::string_view n = name();
        if (n == "None") return Value::none();
        if (n == "True") return Value::true_();
        if (n == "False") return Value::false_();
        const BuiltinTypes& t = m_ts.types();
        if (n == "str") return new_ref(val(t.str));
        if (n == "bytes") return new_ref(val(t.bytes));
        if (n == "bytearray") return new_ref(val(t.bytearray));
        if (n == "int") return new_ref(val(t.int_));
        if (n == "float") return new_ref(val(t.float_));
        if (n == "tuple") return new_ref(val(t.tuple));
        if (n == "dict") return new_ref(val(t.dict));
        if (n == "range") return new_ref(val(t.range));
        return syntax("unknown name '" + std::string(n) + "'");
    }

    Value number() {
        const char* start = m_src.data() + m_pos;
        char* end = nullptr;
        size_t n = 0;
        while (m_pos + n < m_src.size() &&
               (is_name_char(m_src[m_pos + n]) || m_src[m_pos + n] == '.' ||
                ((m_src[m_pos + n] == '+' || m_src[m_pos + n] == '-') &&
                 (m_src[m_pos + n - 1] == 'e' || m_src[m_pos + n - 1] == 'E'))))
            ++n;
        std::string text(start, n);
        m_pos += n;
        if (text.find_first_of(".eE") != std::string::npos &&
            text.find_first_of("xX") == std::string::npos) {
            double d = std::strtod(text.c_str(), &end);
            return make_float(m_ts, d);
        }
        return int_from_string(m_ts, text, 0);
    }

    static int hexval(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    // Adjacent literals concatenate, as in Python.
    Value string_literal(bool bytes) {
        std::string out;
        for (;;) {
            if (!read_quoted(bytes, &out)) return syntax("bad string literal");
            size_t save = m_pos;
            skip_space();
            if (m_pos < m_src.size() && !bytes && (m_src[m_pos] == '\'' || m_src[m_pos] == '"'))
                continue;
            if (bytes && m_pos + 1 < m_src.size() && m_src[m_pos] == 'b' &&
                (m_src[m_pos + 1] == '\'' || m_src[m_pos + 1] == '"')) {
                ++m_pos;
                continue;
            }
            m_pos = save;
            break;
        }
        return bytes ? make_bytes(m_ts, out) : make_str(m_ts, out);
    }

    bool read_quoted(bool bytes, std::string* out) {
        char q = m_src[m_pos++];
        while (m_pos < m_src.size() && m_src[m_pos] != q) {
            char c = m_src[m_pos++];
            if (c != '\\') {
                *out += c;
                continue;
            }
            if (m_pos >= m_src.size()) return false;
            char e = m_src[m_pos++];
            switch (e) {
                case 'n':
                    *out += '\n';
                    break;
                case 't':
                    *out += '\t';
                    break;
                case 'r':
                    *out += '\r';
                    break;
                case '0':
                    *out += '\0';
                    break;
                case 'a':
                    *out += '\a';
                    break;
                case 'b':
                    *out += '\b';
                    break;
                case 'f':
                    *out += '\f';
                    break;
                case 'v':
                    *out += '\v';
                    break;
                case 'x':
                case 'u':
                case 'U': {
                    int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    uint32_t cp = 0;
                    for (int k = 0; k < digits; ++k) {
                        if (m_pos >= m_src.size() || hexval(m_src[m_pos]) < 0) return false;
                        cp = cp * 16 + static_cast<uint32_t>(hexval(m_src[m_pos++]));
                    }
                    if (bytes)
                        *out += static_cast<char>(cp);
                    else
                        utf8_append(*out, cp);
                    break;
                }
                default:
                    *out += e;
                    break;  // \\ \' \"
            }
        }
        if (m_pos >= m_src.size()) return false;
        ++m_pos;
        return true;
    }

    Value sequence(char open, char close) {
        ++m_pos;
        std::vector<Ref> items;
        bool trailing_comma = false;
        while (!accept(std::string_view(&close, 1))) {
            items.emplace_back(expr());
            if (!items.back()) return Value();
            trailing_comma = accept(",");
            if (!trailing_comma && !peek(std::string_view(&close, 1)))
                return syntax("expected , or close");
        }
        if (open == '(' && items.size() == 1 && !trailing_comma) return items[0].release();
        std::vector<Value> vals;
        for (auto& r : items) vals.push_back(*r);
        return open == '(' ? tuple_from_array(m_ts, vals.data(), vals.size())
                           : list_from_array(m_ts, vals.data(), vals.size());
    }

    Value dict_literal() {
        ++m_pos;
        Ref d(dict_new(m_ts));
        while (d && !accept("}")) {
            Ref k(expr());
            if (!k || !accept(":")) return k ? syntax("expected :") : Value();
            Ref v(expr());
            if (!v || !dict_set(m_ts, *d, *k, *v)) return Value();
            if (!accept(",") && !peek("}")) return syntax("expected , or }");
        }
        return d.release();
    }

    ThreadState& m_ts;
    std::string_view m_src;
    size_t m_pos = 0;
    std::string m_error;
};

}  // namespace gilt::testing
