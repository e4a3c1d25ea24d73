// _expat: the XML tokenizer under xml.etree.ElementTree (stdlib/lib/xml/),
// a thin layer over the system's expat library.
//
// A Parser is fed text (str or bytes) in pieces; each feed() returns what
// expat reported while it parsed that piece, as a list of event tuples the
// Python side turns into calls on its tree builder:
//
//     ("start", name, (attr1, value1, attr2, value2, ...))
//     ("end", name)            ("data", text)          ("comment", text)
//     ("pi", target, data)     ("start-ns", prefix, uri)   ("end-ns", prefix)
//
// With namespaces on, expat joins a namespaced name as "uri}local" (the
// separator is '}'), which the Python side completes to ElementTree's
// "{uri}local". A syntax error ends the parse: feed() then returns the
// events before it and (code, message, line, column), the pieces of
// CPython's ParseError "mismatched tag: line 1, column 5".
//
// Collecting events rather than calling back into Python keeps expat's
// callbacks free of Python code. Parsing is CPU work on memory the parser
// owns, so the GIL stays held.
#include <expat.h>

#include <string>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/bytes.hpp"
#include "runtime/errors.hpp"
#include "runtime/heap.hpp"
#include "runtime/int.hpp"
#include "runtime/list.hpp"
#include "runtime/module.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "stdlib/modules.hpp"
#include "stdlib/native_type.hpp"

namespace gilt {

namespace {

struct ParserObject {
    Object hdr;
    XML_Parser parser;
    ThreadState* ts;  // set only while feed() runs
    Value events;     // the list feed() is filling (owned), null between calls
    bool failed;      // a Python error (MemoryError) stopped the parse
    bool started;     // the first piece was fed
    bool finished;    // the final piece was fed, or a syntax error ended it
};

ParserObject* parser_obj(Value v) {
    return reinterpret_cast<ParserObject*>(v.as_object());
}

// Appends an event; on failure stops expat and remembers it.
void emit(ParserObject* p, std::initializer_list<Value> items) {
    if (p->failed) return;
    Value event = tuple_pack(*p->ts, items);
    if (event.is_null() || !list_append_steal(*p->ts, p->events, event)) {
        p->failed = true;
        XML_StopParser(p->parser, XML_FALSE);
    }
}

Value text(ParserObject* p, const XML_Char* s, int len = -1) {
    if (!s) return make_str(*p->ts, "");
    return make_str(*p->ts, len < 0 ? std::string_view(s) : std::string_view(s, len));
}

// Emits (kind, a[, b]) from C strings, owning the temporaries.
void emit_strings(ParserObject* p, const char* kind, Value a, Value b = Value()) {
    Ref k(make_str(*p->ts, kind)), ra(a), rb(b);
    if (!k || !ra || (!b.is_null() && !rb)) {
        p->failed = true;
        XML_StopParser(p->parser, XML_FALSE);
        return;
    }
    if (b.is_null())
        emit(p, {*k, *ra});
    else
        emit(p, {*k, *ra, *rb});
}

void XMLCALL on_start(void* data, const XML_Char* name, const XML_Char** attrs) {
    ParserObject* p = static_cast<ParserObject*>(data);
    if (p->failed) return;
    int n = 0;
    while (attrs[n]) ++n;
    Ref flat(tuple_new(*p->ts, n));
    if (!flat) {
        p->failed = true;
        XML_StopParser(p->parser, XML_FALSE);
        return;
    }
    for (int i = 0; i < n; ++i) {
        Value s = text(p, attrs[i]);
        if (s.is_null()) {
            p->failed = true;
            XML_StopParser(p->parser, XML_FALSE);
            return;
        }
        tuple_obj(*flat)->items[i] = s;
    }
    emit_strings(p, "start", text(p, name), flat.release());
}

void XMLCALL on_end(void* data, const XML_Char* name) {
    ParserObject* p = static_cast<ParserObject*>(data);
    if (!p->failed) emit_strings(p, "end", text(p, name));
}

void XMLCALL on_data(void* data, const XML_Char* s, int len) {
    ParserObject* p = static_cast<ParserObject*>(data);
    if (!p->failed) emit_strings(p, "data", text(p, s, len));
}

void XMLCALL on_comment(void* data, const XML_Char* s) {
    ParserObject* p = static_cast<ParserObject*>(data);
    if (!p->failed) emit_strings(p, "comment", text(p, s));
}

void XMLCALL on_pi(void* data, const XML_Char* target, const XML_Char* s) {
    ParserObject* p = static_cast<ParserObject*>(data);
    if (!p->failed) emit_strings(p, "pi", text(p, target), text(p, s));
}

void XMLCALL on_start_ns(void* data, const XML_Char* prefix, const XML_Char* uri) {
    ParserObject* p = static_cast<ParserObject*>(data);
    if (!p->failed) emit_strings(p, "start-ns", text(p, prefix), text(p, uri));
}

void XMLCALL on_end_ns(void* data, const XML_Char* prefix) {
    ParserObject* p = static_cast<ParserObject*>(data);
    if (!p->failed) emit_strings(p, "end-ns", text(p, prefix));
}

void parser_dealloc(Object* o) {
    ParserObject* p = reinterpret_cast<ParserObject*>(o);
    if (p->parser) XML_ParserFree(p->parser);
    clear_ref(p->events);
    free_object(o);
}

TypeObject* parser_type(Interpreter& interp);

// create(namespaces) -> Parser
Value expat_create(ThreadState& ts, Args args) {
    Value nsv;
    if (!parse_args(ts, args, "create", {"namespaces"}, {&nsv})) return Value();
    int ns = obj_truthy(ts, nsv);
    if (ns < 0) return Value();
    XML_Parser parser = ns ? XML_ParserCreateNS(nullptr, '}') : XML_ParserCreate(nullptr);
    if (!parser) return raise_memory_error(ts);
    TypeObject* t = parser_type(ts.interp());
    Object* o = alloc_object(t, t->basicsize);
    if (!o) {
        XML_ParserFree(parser);
        return raise_memory_error(ts);
    }
    ParserObject* p = reinterpret_cast<ParserObject*>(o);
    p->parser = parser;
    p->ts = nullptr;
    p->events = Value();
    p->failed = p->started = p->finished = false;
    XML_SetUserData(parser, p);
    XML_SetElementHandler(parser, on_start, on_end);
    XML_SetCharacterDataHandler(parser, on_data);
    XML_SetCommentHandler(parser, on_comment);
    XML_SetProcessingInstructionHandler(parser, on_pi);
    if (ns) XML_SetNamespaceDeclHandler(parser, on_start_ns, on_end_ns);
    return Value::object(o);
}

// (code, message, line, column) of the parser's syntax error.
Value error_tuple(ThreadState& ts, XML_Parser parser) {
    XML_Error code = XML_GetErrorCode(parser);
    const XML_LChar* message = XML_ErrorString(code);
    Ref c(make_int(ts, code)), m(make_str(ts, message ? message : "unknown error"));
    Ref line(make_int(ts, static_cast<int64_t>(XML_GetCurrentLineNumber(parser))));
    Ref column(make_int(ts, static_cast<int64_t>(XML_GetCurrentColumnNumber(parser))));
    if (!c || !m || !line || !column) return Value();
    return tuple_pack(ts, {*c, *m, *line, *column});
}

// feed(data, final) -> (events, error or None)
Value parser_feed(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "feed", "feed", 2, 2)) return Value();
    ParserObject* p = parser_obj(args[0]);
    Value data = args[1];
    std::string_view bytes;
    if (is_str(ts, data)) {
        // Text is already decoded: whatever encoding it declares, the
        // parser reads our UTF-8.
        if (!p->started) XML_SetEncoding(p->parser, "utf-8");
        bytes = str_view(data);
    } else if (is_bytes(data) || is_bytearray(data)) {
        bytes = is_bytes(data) ? bytes_view(data) : bytearray_view(data);
    } else {
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "a bytes-like object or str is required, not '{}'", type_name(ts, data));
    }
    int final = obj_truthy(ts, args[2]);
    if (final < 0) return Value();
    if (p->finished) return raise(ts, ts.exc_types().ValueError, "parsing finished");
    Ref events(list_new(ts));
    if (!events) return Value();
    std::string copy(bytes);  // the str or bytearray may not outlive a callback
    p->ts = &ts;
    p->events = *events;
    p->started = true;
    XML_Status status =
        XML_Parse(p->parser, copy.data(), static_cast<int>(copy.size()), final ? 1 : 0);
    p->ts = nullptr;
    p->events = Value();
    if (p->failed) {
        p->finished = true;
        return Value();  // the exception of the failed allocation is pending
    }
    Ref error(Value::none());
    if (status == XML_STATUS_ERROR) {
        p->finished = true;
        error = Ref(error_tuple(ts, p->parser));
        if (!error) return Value();
    }
    if (final) p->finished = true;
    return tuple_pack(ts, {*events, *error});
}

constexpr MethodDef kParserMethods[] = {
    {"feed", parser_feed},
};

void fill_parser_type(Interpreter& in, TypeObject* t) {
    t->dealloc = parser_dealloc;
    type_add_methods(in, t, kParserMethods);
}

TypeObject* parser_type(Interpreter& interp) {
    static constexpr NativeTypeSpec kSpec{
        .key = "_expat.Parser",
        .module = "_expat",
        .name = "Parser",
        .basicsize = sizeof(ParserObject),
        .flags = 0,
        .fill = fill_parser_type,
    };
    return native_type_once(interp, kSpec);
}

constexpr MethodDef kExpatFunctions[] = {
    {"create", expat_create},
};

}  // namespace

Value init_expat_module(ThreadState& ts) {
    Ref m(module_new(ts, "_expat"));
    if (!m || !module_add_functions(ts, *m, kExpatFunctions)) return Value();
    XML_Expat_Version v = XML_ExpatVersionInfo();
    Ref version(make_str(ts, fmt::format("expat_{}.{}.{}", v.major, v.minor, v.micro)));
    if (!version || !module_add_value(ts, *m, "EXPAT_VERSION", *version)) return Value();
    return m.release();
}

}  // namespace gilt
