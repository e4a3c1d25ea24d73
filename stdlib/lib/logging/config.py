"""Configuring logging from a dictionary (dictConfig, schema version 1) or
from an INI-style file (fileConfig), as CPython's logging.config.

What is covered: formatters (format, datefmt, style, validate, class or a
"()" factory), filters (name or a factory), handlers (class, level,
formatter, filters, the other keys as constructor arguments, "()"
factories, "ext://" references such as ext://sys.stdout and "cfg://"
references into the configuration itself), loggers and the root (level,
handlers, filters, propagate), disable_existing_loggers and incremental
updates of levels. fileConfig reads the [loggers], [handlers] and
[formatters] sections with a small parser of its own (no configparser):
`key = value` or `key: value` lines, `#` and `;` comments, continuation
lines, and `%(name)s` references to the defaults given.

Not here: listen()/stopListening() (the socket listener).
"""

import logging
import logging.handlers
import re
import sys

IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]*$", re.I)
_REFERENCE = re.compile(r"^(?P<prefix>[a-z]+)://(?P<suffix>.*)$")

__all__ = ["dictConfig", "fileConfig", "valid_ident", "DictConfigurator",
           "BaseConfigurator", "IDENTIFIER"]


def valid_ident(s):
    if not IDENTIFIER.match(s):
        raise ValueError("Not a valid Python identifier: %r" % s)
    return True


def _resolve(dotted):
    """The object a dotted name refers to, importing modules as needed."""
    parts = dotted.split(".")
    found = __import__(parts[0])
    path = parts[0]
    for part in parts[1:]:
        path += "." + part
        try:
            found = getattr(found, part)
        except AttributeError:
            __import__(path)
            found = getattr(found, part)
    return found


def _level(value):
    return logging._checkLevel(value)


class _TargetNotReady(Exception):
    """A MemoryHandler names a target handler not configured yet."""


class BaseConfigurator:
    """Resolution of the strings a configuration may hold: "ext://" names
    an importable object, "cfg://" a value elsewhere in the configuration."""

    def __init__(self, config):
        self.config = config

    def resolve(self, dotted):
        try:
            return _resolve(dotted)
        except ImportError as e:
            v = ValueError("Cannot resolve %r: %s" % (dotted, e))
            raise v from e

    def ext_convert(self, value):
        return self.resolve(value)

    def cfg_convert(self, value):
        # cfg://handlers.console or cfg://list[0] or cfg://dict[key]
        found = self.config
        rest = value
        m = re.match(r"^\s*(\w+)\s*", rest)
        if not m:
            raise ValueError("Unable to convert %r" % value)
        found = found[m.group(1)]
        rest = rest[m.end():]
        while rest:
            m = re.match(r"^\.\s*(\w+)\s*", rest) or re.match(r"^\[\s*([^\]]+)\s*\]\s*", rest)
            if not m:
                raise ValueError("Unable to convert %r at %r" % (value, rest))
            key = m.group(1)
            if rest.startswith("[") and key.isdigit() and not isinstance(found, dict):
                found = found[int(key)]
            else:
                try:
                    found = found[key]
                except (KeyError, TypeError):
                    found = found[int(key)] if key.isdigit() else found[key]
            rest = rest[m.end():]
        return self.convert(found)

    def convert(self, value):
        if isinstance(value, str):
            m = _REFERENCE.match(value)
            if m:
                converter = {"ext": self.ext_convert, "cfg": self.cfg_convert}.get(
                    m.group("prefix"))
                if converter is not None:
                    return converter(m.group("suffix"))
        elif isinstance(value, dict):
            return {k: self.convert(v) for k, v in value.items()}
        elif isinstance(value, list):
            return [self.convert(v) for v in value]
        elif isinstance(value, tuple) and not hasattr(value, "_fields"):
            return tuple(self.convert(v) for v in value)
        return value

    def configure_custom(self, config):
        """An object made by config["()"] from the other keys; "." holds
        attributes to set on it afterwards."""
        config = dict(config)
        factory = config.pop("()")
        if not callable(factory):
            factory = self.resolve(factory)
        props = config.pop(".", None)
        kwargs = {k: self.convert(v) for k, v in config.items() if valid_ident(k)}
        made = factory(**kwargs)
        if props:
            for name, value in props.items():
                setattr(made, name, value)
        return made

    def as_tuple(self, value):
        return tuple(value) if isinstance(value, list) else value


class DictConfigurator(BaseConfigurator):
    """Applies one dictConfig() schema (version 1)."""

    def configure(self):
        config = self.config
        if "version" not in config:
            raise ValueError("dictionary doesn't specify a version")
        if config["version"] != 1:
            raise ValueError("Unsupported version: %s" % config["version"])
        incremental = config.pop("incremental", False)
        with logging._lock:
            if incremental:
                self._configure_incremental(config)
            else:
                self._configure_full(config)

    def _configure_incremental(self, config):
        for name, hconf in config.get("handlers", {}).items():
            handler = logging._handlers.get(name)
            if handler is None:
                raise ValueError("No handler found with name %r" % name)
            if "level" in hconf:
                handler.setLevel(_level(hconf["level"]))
        for name, lconf in config.get("loggers", {}).items():
            self._common_logger(logging.getLogger(name), lconf, True)
        if "root" in config:
            self._common_logger(logging.getLogger(), config["root"], True)

    def _configure_full(self, config):
        disable_existing = config.pop("disable_existing_loggers", True)
        _clear_handlers()
        formatters = {}
        for name, fconf in config.get("formatters", {}).items():
            try:
                formatters[name] = self.configure_formatter(fconf)
            except Exception as e:
                raise ValueError("Unable to configure formatter %r" % name) from e
        self.formatters = formatters
        filters = {}
        for name, fconf in config.get("filters", {}).items():
            try:
                filters[name] = self.configure_filter(fconf)
            except Exception as e:
                raise ValueError("Unable to configure filter %r" % name) from e
        self.filters = filters
        handlers = {}
        # A handler whose target (a MemoryHandler's) is not made yet waits
        # for a second pass.
        pending = sorted(config.get("handlers", {}))
        for last_pass in (False, True):
            deferred = []
            for name in pending:
                try:
                    handler = self.configure_handler(config["handlers"][name], handlers)
                except _TargetNotReady:
                    if last_pass:
                        raise ValueError("Unable to configure handler %r" % name) from None
                    deferred.append(name)
                    continue
                except Exception as e:
                    raise ValueError("Unable to configure handler %r" % name) from e
                handler.name = name
                handlers[name] = handler
            pending = deferred
        self.handlers = handlers
        root = logging.root
        existing = sorted(root.manager.loggerDict)
        configured = set()
        for name, lconf in config.get("loggers", {}).items():
            try:
                self.configure_logger(name, lconf)
            except Exception as e:
                raise ValueError("Unable to configure logger %r" % name) from e
            configured.add(name)
        # Loggers that existed before and are neither configured nor below
        # a configured one are disabled (or just reset), as CPython does.
        _handle_existing(existing, configured, disable_existing)
        if "root" in config:
            try:
                self._common_logger(root, config["root"], False)
            except Exception as e:
                raise ValueError("Unable to configure root logger") from e

    def configure_formatter(self, config):
        if "()" in config:
            return self.configure_custom(config)
        fmt = config.get("format")
        datefmt = config.get("datefmt")
        style = config.get("style", "%")
        cls = config.get("class")
        cls = self.resolve(cls) if cls else logging.Formatter
        if "validate" in config:
            return cls(fmt, datefmt, style, config["validate"])
        return cls(fmt, datefmt, style)

    def configure_filter(self, config):
        if "()" in config:
            return self.configure_custom(config)
        return logging.Filter(config.get("name", ""))

    def _add_filters(self, target, names):
        for name in names:
            if name not in self.filters and not callable(name):
                raise ValueError("Unable to add filter %r" % name)
            target.addFilter(self.filters[name] if name in self.filters else name)

    def configure_handler(self, config, made):
        config = dict(config)
        formatter = config.pop("formatter", None)
        level = config.pop("level", None)
        filters = config.pop("filters", None)
        if "()" in config:
            handler = self.configure_custom(config)
        else:
            cls_name = config.pop("class")
            cls = cls_name if callable(cls_name) else self.resolve(cls_name)
            if "target" in config and issubclass(cls, logging.handlers.MemoryHandler):
                target = config["target"]
                if target not in made:
                    raise _TargetNotReady(target)
                config["target"] = made[target]
            kwargs = {k: self.convert(v) for k, v in config.items() if valid_ident(k)}
            handler = cls(**kwargs)
        if formatter:
            if formatter not in self.formatters:
                raise ValueError("Unable to set formatter %r" % formatter)
            handler.setFormatter(self.formatters[formatter])
        if level is not None:
            handler.setLevel(_level(level))
        if filters:
            self._add_filters(handler, filters)
        return handler

    def _common_logger(self, logger, config, incremental):
        level = config.get("level")
        if level is not None:
            logger.setLevel(_level(level))
        if incremental:
            return
        for handler in logger.handlers[:]:
            logger.removeHandler(handler)
        for name in config.get("handlers", []):
            if name not in self.handlers:
                raise ValueError("Unable to add handler %r" % name)
            logger.addHandler(self.handlers[name])
        self._add_filters(logger, config.get("filters", []))

    def configure_logger(self, name, config):
        logger = logging.getLogger(name)
        self._common_logger(logger, config, False)
        logger.disabled = False
        if "propagate" in config:
            logger.propagate = config["propagate"]


dictConfigClass = DictConfigurator


def dictConfig(config):
    """Configures logging from a dictionary (the version 1 schema)."""
    dictConfigClass(config).configure()


def _clear_handlers():
    """Closes and forgets every named handler before a full configuration."""
    for ref in list(logging._handlerList):
        handler = ref()
        if handler is None:
            continue
        try:
            handler.acquire()
            handler.flush()
            handler.close()
        except (OSError, ValueError):
            pass
        finally:
            handler.release()
    logging._handlers.clear()
    del logging._handlerList[:]


def _handle_existing(existing, configured, disable_existing):
    root = logging.root
    for name in existing:
        logger = root.manager.loggerDict[name]
        if not isinstance(logger, logging.Logger):
            continue
        kept = name in configured or any(name.startswith(c + ".") for c in configured)
        if kept:
            if name not in configured:   # a child of a configured logger: reset
                logger.setLevel(logging.NOTSET)
                for handler in logger.handlers[:]:
                    logger.removeHandler(handler)
                logger.propagate = True
            continue
        logger.disabled = disable_existing


# --- fileConfig ---

class _IniFile:
    """The sections of an INI file: {section: {key: raw value}}, keys in
    lower case, with %(name)s references expanded on get()."""

    def __init__(self, defaults=None):
        self.sections = {}
        self.defaults = {k.lower(): str(v) for k, v in (defaults or {}).items()}

    def read_text(self, text, source="<string>"):
        section = None
        key = None
        for number, raw in enumerate(text.splitlines(), 1):
            stripped = raw.strip()
            if not stripped or stripped[0] in "#;":
                continue
            if raw[0].isspace() and key is not None and section is not None:
                section[key] += "\n" + stripped
                continue
            if stripped.startswith("[") and stripped.endswith("]"):
                name = stripped[1:-1].strip()
                section = self.defaults if name == "DEFAULT" else self.sections.setdefault(name, {})
                key = None
                continue
            if section is None:
                raise ValueError("File contains no section headers: %r, line %d"
                                 % (source, number))
            m = re.match(r"^([^=:]+?)\s*[=:]\s*(.*)$", stripped)
            if not m:
                raise ValueError("Source contains parsing errors: %r, line %d"
                                 % (source, number))
            key = m.group(1).lower()
            section[key] = m.group(2)

    def has_section(self, name):
        return name in self.sections

    def has_option(self, section, key):
        return key in self.sections.get(section, {}) or key in self.defaults

    def get(self, section, key, fallback=None, raw=False):
        values = self.sections.get(section)
        if values is None:
            raise KeyError(section)
        if key in values:
            value = values[key]
        elif key in self.defaults:
            value = self.defaults[key]
        elif fallback is not None:
            return fallback
        else:
            raise KeyError(key)
        if raw:
            return value
        merged = dict(self.defaults)
        merged.update(values)
        for _ in range(10):   # nested references, bounded
            expanded = re.sub(r"%\((\w+)\)s",
                              lambda m: merged.get(m.group(1).lower(), m.group(0)), value)
            expanded_done = expanded == value
            value = expanded
            if expanded_done:
                break
        return value.replace("%%", "%")


def _names(text):
    return [n.strip() for n in text.split(",") if n.strip()]


def fileConfig(fname, defaults=None, disable_existing_loggers=True, encoding=None):
    """Configures logging from an INI file: a path, an open file or an
    object with readline()."""
    ini = _IniFile(defaults)
    if hasattr(fname, "read"):
        try:
            ini.read_text(fname.read(), getattr(fname, "name", "<???>"))
        except ValueError as e:
            raise RuntimeError("%s is invalid: %s" % (fname, e)) from e
    else:
        import os
        if isinstance(fname, (str, os.PathLike)) and not os.path.exists(fname):
            raise FileNotFoundError("%s doesn't exist" % fname)
        with open(fname, encoding=encoding or "utf-8") as f:
            text = f.read()
        if not text.strip():
            raise RuntimeError("%s is an empty file" % fname)
        try:
            ini.read_text(text, str(fname))
        except ValueError as e:
            raise RuntimeError("%s is invalid: %s" % (fname, e)) from e
    for needed in ("formatters", "handlers", "loggers"):
        if not ini.has_section(needed):
            raise KeyError(needed)
    formatters = _file_formatters(ini)
    with logging._lock:
        _clear_handlers()
        handlers = _file_handlers(ini, formatters)
        _file_loggers(ini, handlers, disable_existing_loggers)


def _file_formatters(ini):
    made = {}
    for name in _names(ini.get("formatters", "keys", fallback="")):
        section = "formatter_" + name
        # Formats are read raw: their %(...)s belong to the Formatter.
        fmt = ini.get(section, "format", raw=True, fallback="") or None
        datefmt = ini.get(section, "datefmt", raw=True, fallback="") or None
        style = ini.get(section, "style", raw=True, fallback="%")
        cls_name = ini.get(section, "class", fallback="")
        cls = _resolve(cls_name) if cls_name else logging.Formatter
        made[name] = cls(fmt, datefmt, style)
    return made


def _file_handlers(ini, formatters):
    names = _names(ini.get("handlers", "keys", fallback=""))
    made = {}
    targets = []
    for name in names:
        section = "handler_" + name
        cls_name = ini.get(section, "class")
        try:
            cls = eval(cls_name, vars(logging))
        except (AttributeError, NameError):
            cls = _resolve(cls_name)
        args = eval(ini.get(section, "args", fallback="()"), vars(logging))
        kwargs = eval(ini.get(section, "kwargs", fallback="{}"), vars(logging))
        handler = cls(*args, **kwargs)
        handler.name = name
        level = ini.get(section, "level", fallback="")
        if level:
            handler.setLevel(level)
        formatter = ini.get(section, "formatter", fallback="")
        if formatter:
            handler.setFormatter(formatters[formatter])
        if issubclass(cls, logging.handlers.MemoryHandler):
            target = ini.get(section, "target", fallback="")
            if target:
                targets.append((handler, target))
        made[name] = handler
    for handler, target in targets:
        handler.setTarget(made[target])
    return made


def _file_loggers(ini, handlers, disable_existing):
    names = _names(ini.get("loggers", "keys", fallback=""))
    if "root" not in names:
        raise KeyError("root")
    root = logging.root
    section = "logger_root"
    level = ini.get(section, "level", fallback="")
    if level:
        root.setLevel(level)
    for handler in root.handlers[:]:
        root.removeHandler(handler)
    for name in _names(ini.get(section, "handlers", fallback="")):
        root.addHandler(handlers[name])
    existing = sorted(root.manager.loggerDict)
    configured = set()
    for name in names:
        if name == "root":
            continue
        section = "logger_" + name
        qualname = ini.get(section, "qualname")
        logger = logging.getLogger(qualname)
        level = ini.get(section, "level", fallback="")
        if level:
            logger.setLevel(level)
        for handler in logger.handlers[:]:
            logger.removeHandler(handler)
        logger.propagate = int(ini.get(section, "propagate", fallback="1"))
        logger.disabled = False
        for hname in _names(ini.get(section, "handlers", fallback="")):
            logger.addHandler(handlers[hname])
        configured.add(qualname)
    _handle_existing(existing, configured, disable_existing)
