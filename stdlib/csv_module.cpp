// _csv: the hot half of the csv module (stdlib/lib/csv.py): the record
// parser behind csv.reader and the record formatter behind csv.writer.
//
// Dialects are resolved and validated in Python (csv.py), which passes the
// plain settings to Reader(...) and Writer(...) here: the three special
// characters as code points (-1 for none), the flags, the quoting mode and
// the field size limit. Error messages are CPython's.
//
// The reader is CPython's documented state machine, run over the code
// points of each line the iterator gives: a record may span several lines
// when a quoted field contains newlines, so the state survives between
// lines and a record is returned only when it is back at START_RECORD.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/errors.hpp"
#include "runtime/heap.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/list.hpp"
#include "runtime/module.hpp"
#include "runtime/module_state.hpp"
#include "runtime/str.hpp"
#include "runtime/unicode.hpp"
#include "stdlib/modules.hpp"
#include "stdlib/native_type.hpp"

namespace gilt {

namespace {

enum Quoting : int { kQuoteMinimal = 0, kQuoteAll = 1, kQuoteNonNumeric = 2, kQuoteNone = 3 };

// The settings of a dialect, as csv.py resolved them.
struct Settings {
    int64_t delimiter = ',';
    int64_t quotechar = '"';  // -1: none
    int64_t escapechar = -1;  // -1: none
    bool doublequote = true;
    bool skipinitialspace = false;
    bool strict = false;
    int quoting = kQuoteMinimal;
    std::string lineterminator = "\r\n";
    int64_t limit = 131072;  // field_size_limit() when the reader was made
};

struct CsvState {
    Value error;  // _csv.Error (owned)
    ~CsvState() { decref(error); }
};

CsvState& csv_state(Interpreter& interp) {
    return module_state<CsvState>(interp, "_csv");
}

Value raise_csv_error(ThreadState& ts, std::string_view msg) {
    Value cls = csv_state(ts.interp()).error;
    return raise(ts, cls.is_null() ? ts.exc_types().Exception : as<TypeObject>(cls), msg);
}

// Reads the settings from Reader/Writer's arguments (after the first):
// delimiter, quotechar, escapechar, doublequote, skipinitialspace,
// lineterminator, quoting, strict, limit.
bool parse_settings(ThreadState& ts, Args args, const char* fname, Settings* s) {
    if (!check_nargs(ts, args, fname, 11, 11)) return false;
    int64_t flags[6];
    const int at[6] = {2, 3, 4, 5, 6, 9};  // positions of the integer settings
    for (int i = 0; i < 6; ++i)
        if (!obj_index(ts, args[at[i]], &flags[i])) return false;
    s->delimiter = flags[0];
    s->quotechar = flags[1];
    s->escapechar = flags[2];
    s->doublequote = flags[3] != 0;
    s->skipinitialspace = flags[4] != 0;
    if (!is_str(ts, args[7])) {
        raise(ts, ts.exc_types().TypeError, "lineterminator must be a string");
        return false;
    }
    s->lineterminator = std::string(str_view(args[7]));
    int64_t quoting, strict;
    if (!obj_index(ts, args[8], &quoting) || !obj_index(ts, args[10], &strict)) return false;
    s->quoting = static_cast<int>(quoting);
    s->limit = flags[5];
    s->strict = strict != 0;
    return true;
}

void append_cp(std::string& out, uint32_t cp) {
    char buf[4];
    out.append(buf, static_cast<std::size_t>(utf8_encode(cp, buf)));
}

// --- the reader ---------------------------------------------------------------------

enum class ParseState {
    StartRecord,
    StartField,
    EscapedChar,
    InField,
    InQuotedField,
    EscapeInQuotedField,
    QuoteInQuotedField,
    EatCrNl,
    AfterEscapedCrNl,
};

constexpr uint32_t kEndOfLine = 0xFFFFFFFF;  // the event after a line's last character

struct ReaderObject {
    Object hdr;
    Value iterator;
    Value dialect;
    Value fields;  // list of the record being read
    Settings settings;
    ParseState state;
    std::string field;
    int64_t field_len;
    int64_t line_num;
    bool numeric_field;  // QUOTE_NONNUMERIC and the field was not quoted
};

ReaderObject* reader_obj(Value v) {
    return reinterpret_cast<ReaderObject*>(v.as_object());
}

bool save_field(ThreadState& ts, ReaderObject* r) {
    Ref text(make_str(ts, r->field));
    if (!text) return false;
    r->field.clear();
    r->field_len = 0;
    if (r->numeric_field) {
        r->numeric_field = false;
        Value arg = *text;
        Ref number(obj_call(ts, val(ts.types().float_), Args{&arg, 1, nullptr}));
        if (!number) return false;
        return list_append(ts, r->fields, *number);
    }
    return list_append(ts, r->fields, *text);
}

bool add_char(ThreadState& ts, ReaderObject* r, uint32_t c) {
    if (r->field_len >= r->settings.limit) {
        raise_csv_error(ts, fmt::format("field larger than field limit ({})", r->settings.limit));
        return false;
    }
    append_cp(r->field, c);
    ++r->field_len;
    return true;
}

bool is_newline(uint32_t c) {
    return c == '\n' || c == '\r';
}

// One step of the state machine for character (or end-of-line event) c.
bool process_char(ThreadState& ts, ReaderObject* r, uint32_t c) {
    const Settings& d = r->settings;
    const int64_t ci = c == kEndOfLine ? -2 : static_cast<int64_t>(c);
    switch (r->state) {
        case ParseState::StartRecord:
            if (c == kEndOfLine) return true;  // an empty line: an empty record
            if (is_newline(c)) {
                r->state = ParseState::EatCrNl;
                return true;
            }
            r->state = ParseState::StartField;
            [[fallthrough]];
        case ParseState::StartField:
            if (is_newline(c) || c == kEndOfLine) {
                if (!save_field(ts, r)) return false;
                r->state = c == kEndOfLine ? ParseState::StartRecord : ParseState::EatCrNl;
            } else if (ci == d.quotechar && d.quoting != kQuoteNone) {
                r->state = ParseState::InQuotedField;
            } else if (ci == d.escapechar) {
                r->state = ParseState::EscapedChar;
            } else if (c == ' ' && d.skipinitialspace) {
                // skipped
            } else if (ci == d.delimiter) {
                if (!save_field(ts, r)) return false;
            } else {
                if (d.quoting == kQuoteNonNumeric) r->numeric_field = true;
                if (!add_char(ts, r, c)) return false;
                r->state = ParseState::InField;
            }
            return true;
        case ParseState::EscapedChar:
            if (is_newline(c)) {
                if (!add_char(ts, r, c)) return false;
                r->state = ParseState::AfterEscapedCrNl;
                return true;
            }
            if (!add_char(ts, r, c == kEndOfLine ? '\n' : c)) return false;
            r->state = ParseState::InField;
            return true;
        case ParseState::AfterEscapedCrNl:
            if (c == kEndOfLine) return true;
            r->state = ParseState::InField;
            [[fallthrough]];
        case ParseState::InField:
            if (is_newline(c) || c == kEndOfLine) {
                if (!save_field(ts, r)) return false;
                r->state = c == kEndOfLine ? ParseState::StartRecord : ParseState::EatCrNl;
            } else if (ci == d.escapechar) {
                r->state = ParseState::EscapedChar;
            } else if (ci == d.delimiter) {
                if (!save_field(ts, r)) return false;
                r->state = ParseState::StartField;
            } else if (!add_char(ts, r, c)) {
                return false;
            }
            return true;
        case ParseState::InQuotedField:
            if (c == kEndOfLine) return true;
            if (ci == d.escapechar) {
                r->state = ParseState::EscapeInQuotedField;
            } else if (ci == d.quotechar && d.quoting != kQuoteNone) {
                r->state = d.doublequote ? ParseState::QuoteInQuotedField : ParseState::InField;
            } else if (!add_char(ts, r, c)) {
                return false;
            }
            return true;
        case ParseState::EscapeInQuotedField:
            if (!add_char(ts, r, c == kEndOfLine ? '\n' : c)) return false;
            r->state = ParseState::InQuotedField;
            return true;
        case ParseState::QuoteInQuotedField:
            if (d.quoting != kQuoteNone && ci == d.quotechar) {
                if (!add_char(ts, r, c)) return false;
                r->state = ParseState::InQuotedField;
            } else if (ci == d.delimiter) {
                if (!save_field(ts, r)) return false;
                r->state = ParseState::StartField;
            } else if (is_newline(c) || c == kEndOfLine) {
                if (!save_field(ts, r)) return false;
                r->state = c == kEndOfLine ? ParseState::StartRecord : ParseState::EatCrNl;
            } else if (!d.strict) {
                if (!add_char(ts, r, c)) return false;
                r->state = ParseState::InField;
            } else {
                std::string msg = "'";
                append_cp(msg, static_cast<uint32_t>(d.delimiter));
                msg += "' expected after '";
                append_cp(msg, static_cast<uint32_t>(d.quotechar));
                raise_csv_error(ts, msg + "'");
                return false;
            }
            return true;
        case ParseState::EatCrNl:
            if (is_newline(c)) return true;
            if (c == kEndOfLine) {
                r->state = ParseState::StartRecord;
                return true;
            }
            raise_csv_error(ts,
                            "new-line character seen in unquoted field - do you need to open the "
                            "file in universal-newline mode?");
            return false;
    }
    return true;
}

bool start_record(ThreadState& ts, ReaderObject* r) {
    clear_ref(r->fields);
    r->fields = list_new(ts);
    r->field.clear();
    r->field_len = 0;
    r->numeric_field = false;
    r->state = ParseState::StartRecord;
    return !r->fields.is_null();
}

// At the end of the input: a field in progress ends the last record, unless
// strict mode calls it an error.
Value finish_at_end(ThreadState& ts, ReaderObject* r) {
    if (r->field_len == 0 && r->state != ParseState::InQuotedField) return Value();
    if (r->settings.strict) return raise_csv_error(ts, "unexpected end of data");
    if (!save_field(ts, r)) return Value();
    Value out = r->fields;
    r->fields = Value();
    return out;
}

Value reader_next(ThreadState& ts, Value self) {
    ReaderObject* r = reader_obj(self);
    if (!start_record(ts, r)) return Value();
    do {
        Ref line(iter_next(ts, r->iterator));
        if (!line) {
            if (ts.has_exception()) return Value();
            return finish_at_end(ts, r);
        }
        if (!is_str(ts, *line)) {
            return raise_csv_error(
                ts, fmt::format("iterator should return strings, not {} (the file should be "
                                "opened in text mode)",
                                type_name(ts, *line)));
        }
        ++r->line_num;
        std::string_view text = str_view(*line);
        for (std::size_t i = 0; i < text.size();) {
            uint32_t c;
            i += static_cast<std::size_t>(utf8_decode(text.data() + i, &c));
            if (!process_char(ts, r, c)) return Value();
        }
        if (!process_char(ts, r, kEndOfLine)) return Value();
    } while (r->state != ParseState::StartRecord);
    Value out = r->fields;
    r->fields = Value();
    return out;
}

// Reader(iterable, dialect, delimiter, quotechar, escapechar, doublequote,
//        skipinitialspace, lineterminator, quoting, limit, strict)
Value reader_new(ThreadState& ts, TypeObject* type, Args args) {
    Settings s;
    if (!parse_settings(ts, args, "Reader", &s)) return Value();
    Ref it(obj_iter(ts, args[0]));
    if (!it) return Value();
    auto* r = reinterpret_cast<ReaderObject*>(alloc_object(type, type->basicsize));
    if (!r) return raise_memory_error(ts);
    r->iterator = it.release();
    r->dialect = new_ref(args[1]);
    r->fields = Value();
    new (&r->settings) Settings(std::move(s));
    new (&r->field) std::string();
    r->state = ParseState::StartRecord;
    r->field_len = 0;
    r->line_num = 0;
    r->numeric_field = false;
    return val(r);
}

void reader_dealloc(Object* o) {
    auto* r = reinterpret_cast<ReaderObject*>(o);
    clear_ref(r->iterator);
    clear_ref(r->dialect);
    clear_ref(r->fields);
    r->settings.~Settings();
    r->field.~basic_string();
    free_object(o);
}

Value reader_get_line_num(ThreadState& ts, Value self) {
    return make_int(ts, reader_obj(self)->line_num);
}

Value reader_get_dialect(ThreadState&, Value self) {
    return new_ref(reader_obj(self)->dialect);
}

constexpr GetSetDef kReaderGetSets[] = {
    {"line_num", reader_get_line_num},
    {"dialect", reader_get_dialect},
};

void fill_reader_type(Interpreter& interp, TypeObject* t) {
    t->new_ = reader_new;
    t->dealloc = reader_dealloc;
    t->iter = [](ThreadState&, Value self) { return new_ref(self); };
    t->iternext = reader_next;
    type_add_getsets(interp, t, kReaderGetSets);
}

TypeObject* reader_type(Interpreter& interp) {
    static constexpr NativeTypeSpec kSpec{
        .key = "_csv.reader",
        .module = "_csv",
        .name = "reader",
        .basicsize = sizeof(ReaderObject),
        .flags = 0,
        .fill = fill_reader_type,
    };
    return native_type_once(interp, kSpec);
}

// --- the writer ---------------------------------------------------------------------

struct WriterObject {
    Object hdr;
    Value write;  // the file's bound write method
    Value dialect;
    Settings settings;
};

WriterObject* writer_obj(Value v) {
    return reinterpret_cast<WriterObject*>(v.as_object());
}

bool in_lineterminator(const Settings& d, uint32_t c) {
    std::string_view lt = d.lineterminator;
    for (std::size_t i = 0; i < lt.size();) {
        uint32_t x;
        i += static_cast<std::size_t>(utf8_decode(lt.data() + i, &x));
        if (x == c) return true;
    }
    return false;
}

// Appends one field to `line`, quoted and escaped as the dialect says.
bool append_field(ThreadState& ts, const Settings& d, std::string_view text, bool quote,
                  std::string& line) {
    std::string body;
    for (std::size_t i = 0; i < text.size();) {
        uint32_t c;
        i += static_cast<std::size_t>(utf8_decode(text.data() + i, &c));
        const int64_t ci = c;
        // A special character is either escaped (QUOTE_NONE, the escape
        // character itself, a quote character that is not doubled) or
        // makes the field quoted.
        bool escape = false;
        if (ci == d.escapechar) {
            escape = true;
        } else if (ci == d.delimiter || ci == d.quotechar || in_lineterminator(d, c)) {
            if (d.quoting == kQuoteNone) {
                escape = true;
            } else if (ci == d.quotechar) {
                if (d.doublequote) {
                    append_cp(body, c);
                    quote = true;
                } else {
                    escape = true;
                }
            } else {
                quote = true;
            }
        }
        if (escape) {
            if (d.escapechar < 0) {
                raise_csv_error(ts, "need to escape, but no escapechar set");
                return false;
            }
            append_cp(body, static_cast<uint32_t>(d.escapechar));
        }
        append_cp(body, c);
    }
    if (quote && d.quotechar < 0) {
        raise_csv_error(ts, "quotechar must be set if quoting enabled");
        return false;
    }
    if (quote) append_cp(line, static_cast<uint32_t>(d.quotechar));
    line += body;
    if (quote) append_cp(line, static_cast<uint32_t>(d.quotechar));
    return true;
}

bool is_number(ThreadState& ts, Value v) {
    TypeObject* t = type_of(ts, v);
    return t->nb_index || t->nb_float || t->nb_int;
}

// The text of a field (None is empty, other objects by str()) and whether
// the quoting mode alone asks for quotes.
bool field_text(ThreadState& ts, const Settings& d, Value field, Ref* text, bool* quote) {
    *quote = d.quoting == kQuoteAll ||
             (d.quoting == kQuoteNonNumeric && (field.is_none() || !is_number(ts, field)));
    if (field.is_none()) {
        *text = Ref(make_str(ts, ""));
    } else if (is_str(ts, field)) {
        *text = Ref::borrow(field);
    } else {
        *text = Ref(obj_str(ts, field));
    }
    return static_cast<bool>(*text);
}

Value writer_writerow(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "writerow", 2, 2)) return Value();
    WriterObject* w = writer_obj(args[0]);
    const Settings& d = w->settings;
    Ref it(obj_iter(ts, args[1]));
    if (!it) {
        if (!exception_matches(ts, ts.exc_types().TypeError)) return Value();
        clear_exception(ts);
        return raise_csv_error(ts,
                               fmt::format("iterable expected, not {}", type_name(ts, args[1])));
    }
    std::string line;
    int count = 0;
    bool last_empty = false;
    for (;;) {
        Ref field(iter_next(ts, *it));
        if (!field) {
            if (ts.has_exception()) return Value();
            break;
        }
        if (count++) append_cp(line, static_cast<uint32_t>(d.delimiter));
        Ref text;
        bool quote;
        if (!field_text(ts, d, *field, &text, &quote)) return Value();
        if (!append_field(ts, d, str_view(*text), quote, line)) return Value();
        last_empty = str_view(*text).empty();
    }
    // A record of one empty field must be quoted, or it would read back as
    // an empty record.
    if (count == 1 && last_empty) {
        if (d.quoting == kQuoteNone)
            return raise_csv_error(ts, "single empty field record must be quoted");
        if (d.quoting != kQuoteAll) {
            line.clear();
            append_cp(line, static_cast<uint32_t>(d.quotechar));
            append_cp(line, static_cast<uint32_t>(d.quotechar));
        }
    }
    line += d.lineterminator;
    Ref text(make_str(ts, line));
    if (!text) return Value();
    Value arg = *text;
    return obj_call(ts, w->write, Args{&arg, 1, nullptr});
}

Value writer_writerows(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "writerows", 2, 2)) return Value();
    Ref it(obj_iter(ts, args[1]));
    if (!it) return Value();
    for (;;) {
        Ref row(iter_next(ts, *it));
        if (!row) {
            if (ts.has_exception()) return Value();
            return Value::none();
        }
        Value call[2] = {args[0], *row};
        Ref done(writer_writerow(ts, Args{call, 2, nullptr}));
        if (!done) return Value();
    }
}

// Writer(fileobj, dialect, delimiter, ...) as Reader.
Value writer_new(ThreadState& ts, TypeObject* type, Args args) {
    Settings s;
    if (!parse_settings(ts, args, "Writer", &s)) return Value();
    Ref name(make_str(ts, "write"));
    if (!name) return Value();
    Ref write(obj_getattr_opt(ts, args[0], *name));
    if (!write) {
        if (ts.has_exception()) return Value();
        return raise(ts, ts.exc_types().TypeError, "argument 1 must have a \"write\" method");
    }
    auto* w = reinterpret_cast<WriterObject*>(alloc_object(type, type->basicsize));
    if (!w) return raise_memory_error(ts);
    w->write = write.release();
    w->dialect = new_ref(args[1]);
    new (&w->settings) Settings(std::move(s));
    return val(w);
}

void writer_dealloc(Object* o) {
    auto* w = reinterpret_cast<WriterObject*>(o);
    clear_ref(w->write);
    clear_ref(w->dialect);
    w->settings.~Settings();
    free_object(o);
}

Value writer_get_dialect(ThreadState&, Value self) {
    return new_ref(writer_obj(self)->dialect);
}

constexpr MethodDef kWriterMethods[] = {
    {"writerow", writer_writerow},
    {"writerows", writer_writerows},
};

constexpr GetSetDef kWriterGetSets[] = {
    {"dialect", writer_get_dialect},
};

void fill_writer_type(Interpreter& interp, TypeObject* t) {
    t->new_ = writer_new;
    t->dealloc = writer_dealloc;
    type_add_methods(interp, t, kWriterMethods);
    type_add_getsets(interp, t, kWriterGetSets);
}

TypeObject* writer_type(Interpreter& interp) {
    static constexpr NativeTypeSpec kSpec{
        .key = "_csv.writer",
        .module = "_csv",
        .name = "writer",
        .basicsize = sizeof(WriterObject),
        .flags = 0,
        .fill = fill_writer_type,
    };
    return native_type_once(interp, kSpec);
}

}  // namespace

Value init_csv_module(ThreadState& ts) {
    CsvState& st = csv_state(ts.interp());
    if (st.error.is_null()) {
        st.error = make_exception_class(ts, "_csv", "Error", val(ts.exc_types().Exception));
        if (st.error.is_null()) return Value();
    }
    Ref m(module_new(ts, "_csv"));
    if (!m || !module_add_value(ts, *m, "Error", st.error) ||
        !module_add_value(ts, *m, "Reader", val(reader_type(ts.interp()))) ||
        !module_add_value(ts, *m, "Writer", val(writer_type(ts.interp()))))
        return Value();
    return m.release();
}

}  // namespace gilt
