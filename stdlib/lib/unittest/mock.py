"""Mock objects for tests: Mock records how it is called and makes child
mocks for the attributes it is asked for; MagicMock also answers the
special methods (len(), iteration, `with`, indexing, ...); patch() swaps
an attribute for a mock while a test runs. The basics of CPython's
unittest.mock, written from its documentation.
"""

import functools
import importlib

__all__ = ['Mock', 'MagicMock', 'NonCallableMock', 'NonCallableMagicMock', 'patch', 'call',
           'ANY', 'DEFAULT', 'sentinel', 'PropertyMock']

__unittest = True


class _SentinelObject:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f'sentinel.{self.name}'

    def __reduce__(self):
        return f'sentinel.{self.name}'


class _Sentinels:
    """sentinel.name: a unique object per name, the same one each time."""

    def __init__(self):
        self._made = {}

    def __getattr__(self, name):
        if name == '__bases__':
            raise AttributeError(name)
        return self._made.setdefault(name, _SentinelObject(name))


sentinel = _Sentinels()
DEFAULT = sentinel.DEFAULT


class _AnyType:
    """ANY equals everything (in call comparisons)."""

    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    __hash__ = None

    def __repr__(self):
        return '<ANY>'


ANY = _AnyType()


# --- calls -----------------------------------------------------------------------------

def _format_call(name, args, kwargs):
    shown = [repr(a) for a in args] + [f'{k}={v!r}' for k, v in kwargs.items()]
    return f"{name}({', '.join(shown)})"


class _Call(tuple):
    """One recorded call: (args, kwargs), with the dotted name of the
    mock called relative to the one that recorded it ('' for itself)."""

    def __new__(cls, args=(), kwargs=None, name=''):
        self = super().__new__(cls, (tuple(args), dict(kwargs or {})))
        self._name = name
        return self

    @property
    def args(self):
        return self[0]

    @property
    def kwargs(self):
        return self[1]

    def __eq__(self, other):
        if isinstance(other, _Call):
            if self._name != other._name:
                return False
            return tuple.__eq__(self, other)
        if isinstance(other, tuple):
            return tuple.__eq__(self, other)
        return NotImplemented

    def __ne__(self, other):
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    __hash__ = None

    def __repr__(self):
        return _format_call('call' + ('.' + self._name if self._name else ''), *self)

    def call_list(self):
        return _CallList([self])


class _CallMaker:
    """`call` itself: call(1, a=2) and call.method(3) build _Call objects."""

    def __init__(self, name=''):
        self._name = name

    def __call__(self, *args, **kwargs):
        return _Call(args, kwargs, self._name)

    def __getattr__(self, attr):
        if attr.startswith('__'):
            raise AttributeError(attr)
        return _CallMaker(f'{self._name}.{attr}' if self._name else attr)

    def __repr__(self):
        return 'call' + ('.' + self._name if self._name else '')


call = _CallMaker()


class _CallList(list):
    def __contains__(self, value):
        if not isinstance(value, list):
            return list.__contains__(self, value)
        n = len(value)
        return any(self[i:i + n] == value for i in range(len(self) - n + 1))


# --- Mock --------------------------------------------------------------------------------

_MISSING = object()


class NonCallableMock:
    """A mock that makes a child mock for every attribute read (unless a
    spec limits them) and records calls made through its children."""

    def __init__(self, spec=None, side_effect=None, return_value=DEFAULT, wraps=None,
                 name=None, spec_set=None, parent=None, _new_name='', **kwargs):
        state = self.__dict__
        state['_mock_name'] = name
        state['_mock_parent'] = parent
        state['_mock_new_name'] = _new_name
        state['_mock_children'] = {}
        state['_mock_wraps'] = wraps
        state['_mock_return_value'] = return_value
        state['_mock_side_effect'] = None
        state['_mock_iter'] = None
        spec = spec_set if spec_set is not None else spec
        state['_mock_spec_class'] = spec if isinstance(spec, type) else (
            type(spec) if spec is not None and not isinstance(spec, list) else None)
        state['_mock_methods'] = (spec if isinstance(spec, list) else
                                  (dir(spec) if spec is not None else None))
        state['_mock_spec_set'] = spec_set is not None
        self._reset_counts()
        self.side_effect = side_effect
        self.configure_mock(**kwargs)

    def _reset_counts(self):
        state = self.__dict__
        state['called'] = False
        state['call_count'] = 0
        state['call_args'] = None
        state['call_args_list'] = _CallList()
        state['method_calls'] = _CallList()
        state['mock_calls'] = _CallList()

    @property
    def __class__(self):
        if self._mock_spec_class is None:
            return type(self)
        return self._mock_spec_class

    def configure_mock(self, **kwargs):
        """Set attributes, dotted names reaching into children:
        configure_mock(**{'method.return_value': 3})."""
        for dotted, value in sorted(kwargs.items(), key=lambda item: item[0].count('.')):
            *path, last = dotted.split('.')
            target = self
            for part in path:
                target = getattr(target, part)
            setattr(target, last, value)

    def reset_mock(self, return_value=False, side_effect=False):
        self._reset_counts()
        if return_value:
            self.__dict__['_mock_return_value'] = DEFAULT
        if side_effect:
            self.__dict__['_mock_side_effect'] = None
        for child in self._mock_children.values():
            if isinstance(child, NonCallableMock):
                child.reset_mock()
        ret = self.__dict__['_mock_return_value']
        if isinstance(ret, NonCallableMock) and ret is not self:
            ret.reset_mock()

    # --- attributes ---

    def __getattr__(self, name):
        if name.startswith('_mock_') or (name.startswith('__') and name.endswith('__')):
            raise AttributeError(name)
        methods = self.__dict__.get('_mock_methods')
        if methods is not None and name not in methods:
            raise AttributeError(f'Mock object has no attribute {name!r}')
        children = self.__dict__['_mock_children']
        child = children.get(name)
        if child is None:
            child = self._child_type()(name=name, parent=self, _new_name=name)
            children[name] = child
        return child

    def __setattr__(self, name, value):
        if name in ('return_value', 'side_effect') or name in type(self).__dict__ or \
                name.startswith('_mock_'):
            object.__setattr__(self, name, value)
            return
        methods = self.__dict__.get('_mock_methods')
        if self.__dict__.get('_mock_spec_set') and methods is not None and name not in methods \
                and name not in self.__dict__:
            raise AttributeError(f'Mock object has no attribute {name!r}')
        if isinstance(value, NonCallableMock) and value._mock_parent is None and \
                value._mock_name is None:
            value.__dict__['_mock_parent'] = self
            value.__dict__['_mock_new_name'] = name
            value.__dict__['_mock_name'] = name
            self._mock_children[name] = value
            return
        if _is_magic(name):
            type(self)._set_magic(self, name, value)
            return
        self._mock_children.pop(name, None)
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        if name in self._mock_children:
            del self._mock_children[name]
        elif name in self.__dict__:
            object.__delattr__(self, name)
        else:
            raise AttributeError(name)

    def _child_type(self):
        kind = type(self)
        if issubclass(kind, MagicMock):
            return MagicMock
        if issubclass(kind, NonCallableMagicMock):
            return MagicMock
        return Mock

    def __dir__(self):
        return sorted(set(object.__dir__(self)) | set(self._mock_children))

    def __repr__(self):
        label = self._dotted_name()
        shown = '' if label == 'mock' and self._mock_name is None else f' name={label!r}'
        return f'<{type(self).__name__}{shown} id={id(self)!r}>'

    def _dotted_name(self):
        parts, node = [], self
        while node is not None:
            parts.append(node._mock_new_name or node._mock_name or 'mock')
            node = node._mock_parent
            if node is not None and node._mock_parent is None and node._mock_name is None:
                parts.append('mock')
                break
        return '.'.join(reversed(parts)) if len(parts) > 1 else (self._mock_name or 'mock')

    # --- return_value and side_effect ---

    @property
    def return_value(self):
        value = self.__dict__['_mock_return_value']
        if value is DEFAULT:
            value = self._child_type()(parent=self, _new_name='()')
            self.__dict__['_mock_return_value'] = value
        return value

    @return_value.setter
    def return_value(self, value):
        self.__dict__['_mock_return_value'] = value

    @property
    def side_effect(self):
        return self.__dict__['_mock_side_effect']

    @side_effect.setter
    def side_effect(self, value):
        self.__dict__['_mock_side_effect'] = value
        iterable = (value is not None and not callable(value) and not _is_exception(value))
        self.__dict__['_mock_iter'] = iter(value) if iterable else None

    # --- assertions ---

    def _label(self):
        return self._mock_name or 'mock'

    def _calls_text(self):
        return f'Calls: {self.mock_calls}.' if self.mock_calls else ''

    def assert_called(self):
        if self.call_count == 0:
            raise AssertionError(f"Expected '{self._label()}' to have been called.")

    def assert_called_once(self):
        if self.call_count != 1:
            raise AssertionError(f"Expected '{self._label()}' to have been called once. "
                                 f'Called {self.call_count} times.\n{self._calls_text()}')

    def assert_not_called(self):
        if self.call_count != 0:
            raise AssertionError(f"Expected '{self._label()}' to not have been called. "
                                 f'Called {self.call_count} times.\n{self._calls_text()}')

    def assert_called_with(self, *args, **kwargs):
        expected = _format_call(self._label(), args, kwargs)
        if self.call_args is None:
            raise AssertionError(f'expected call not found.\nExpected: {expected}\n'
                                 '  Actual: not called.')
        if self.call_args != _Call(args, kwargs):
            actual = _format_call(self._label(), *self.call_args)
            raise AssertionError(f'expected call not found.\nExpected: {expected}\n'
                                 f'  Actual: {actual}')

    def assert_called_once_with(self, *args, **kwargs):
        if self.call_count != 1:
            raise AssertionError(f"Expected '{self._label()}' to be called once. "
                                 f'Called {self.call_count} times.\n{self._calls_text()}')
        self.assert_called_with(*args, **kwargs)

    def assert_any_call(self, *args, **kwargs):
        if _Call(args, kwargs) not in self.call_args_list:
            raise AssertionError(f'{_format_call(self._label(), args, kwargs)} call not found')

    def assert_has_calls(self, calls, any_order=False):
        expected = list(calls)
        actual = self.mock_calls
        if not any_order:
            if expected not in actual:
                raise AssertionError(f'Calls not found.\nExpected: {_CallList(expected)}\n'
                                     f'  Actual: {actual}')
            return
        remaining = list(actual)
        missing = []
        for item in expected:
            try:
                remaining.remove(item)
            except ValueError:
                missing.append(item)
        if missing:
            raise AssertionError(f'{tuple(missing)!r} does not contain all of '
                                 f'{tuple(expected)!r} in its call list, found {actual!r} instead')

    def _record(self, args, kwargs):
        state = self.__dict__
        state['called'] = True
        state['call_count'] += 1
        this = _Call(args, kwargs)
        state['call_args'] = this
        self.call_args_list.append(this)
        self.mock_calls.append(this)
        # Every ancestor records the call under the path that leads here;
        # method_calls only for attribute paths (not return values).
        path, node, parent = [], self, self._mock_parent
        is_method = True
        while parent is not None:
            segment = node._mock_new_name
            if segment == '()':
                is_method = False
            path.insert(0, segment)
            dotted = '.'.join(path).replace('.()', '()')
            parent.mock_calls.append(_Call(args, kwargs, dotted))
            if is_method:
                parent.method_calls.append(_Call(args, kwargs, dotted))
            node, parent = parent, parent._mock_parent


def _is_exception(value):
    return isinstance(value, BaseException) or (isinstance(value, type) and
                                                issubclass(value, BaseException))


class CallableMixin:
    def __call__(self, *args, **kwargs):
        self._record(args, kwargs)
        effect = self.__dict__['_mock_side_effect']
        if effect is not None:
            if _is_exception(effect):
                raise effect
            if self.__dict__['_mock_iter'] is not None:
                result = next(self.__dict__['_mock_iter'])
                if _is_exception(result):
                    raise result
                return result
            result = effect(*args, **kwargs)
            if result is not DEFAULT:
                return result
        wraps = self.__dict__['_mock_wraps']
        if wraps is not None and self.__dict__['_mock_return_value'] is DEFAULT:
            return wraps(*args, **kwargs)
        return self.return_value


class Mock(CallableMixin, NonCallableMock):
    """A callable mock (see NonCallableMock)."""


# --- MagicMock ------------------------------------------------------------------------

# Special methods a MagicMock answers, with what they return by default.
def _default_iter(mock):
    return iter([])


_MAGIC_DEFAULTS = {
    '__len__': lambda m: 0, '__iter__': _default_iter, '__bool__': lambda m: True,
    '__int__': lambda m: 1, '__float__': lambda m: 1.0, '__complex__': lambda m: 1j,
    '__index__': lambda m: 1, '__contains__': lambda m: False, '__exit__': lambda m: False,
    '__hash__': lambda m: object.__hash__(m), '__str__': lambda m: object.__str__(m),
    '__sizeof__': lambda m: object.__sizeof__(m), '__fspath__': None,
    '__enter__': None, '__getitem__': None, '__setitem__': lambda m: None,
    '__delitem__': lambda m: None, '__aenter__': None, '__aexit__': lambda m: False,
}
_MAGIC_COMPARE = ('__eq__', '__ne__', '__lt__', '__gt__', '__le__', '__ge__')


def _is_magic(name):
    return name in _MAGIC_DEFAULTS or name in _MAGIC_COMPARE


class _MagicSlot:
    """A special method of MagicMock: reading it gives the instance's mock
    for that method, which the language then calls."""

    def __init__(self, name):
        self.name = name

    def __get__(self, instance, owner):
        if instance is None:
            return self
        return instance._magic(self.name)


class NonCallableMagicMock(NonCallableMock):
    def _magic(self, name):
        children = self.__dict__['_mock_children']
        child = children.get(name)
        if child is None:
            child = MagicMock(name=name, parent=self, _new_name=name)
            default = _MAGIC_DEFAULTS.get(name)
            if name in _MAGIC_COMPARE:
                child.side_effect = _comparison(self, name)
            elif default is not None:
                child.return_value = default(self)
            children[name] = child
        return child

    @classmethod
    def _set_magic(cls, instance, name, value):
        if isinstance(value, NonCallableMock):
            instance._mock_children[name] = value
            return
        # A plain function set as a special method is called with the mock.
        holder = MagicMock(name=name, parent=instance, _new_name=name)
        holder.side_effect = lambda *args, **kwargs: value(instance, *args, **kwargs)
        instance._mock_children[name] = holder


def _comparison(mock, name):
    def compare(other):
        if name == '__eq__':
            return mock is other
        if name == '__ne__':
            return mock is not other
        return NotImplemented
    return compare


for _name in list(_MAGIC_DEFAULTS) + list(_MAGIC_COMPARE):
    setattr(NonCallableMagicMock, _name, _MagicSlot(_name))
del _name


class MagicMock(CallableMixin, NonCallableMagicMock):
    """A Mock that also implements the special methods, with defaults:
    len() 0, iteration empty, bool True, int 1, `with` returns a mock."""


class PropertyMock(Mock):
    """A mock to put on a class as a property: reading the attribute calls
    it with no arguments, setting it calls it with the value."""

    def __get__(self, obj, obj_type=None):
        return self()

    def __set__(self, obj, val):
        self(val)


# --- patch -------------------------------------------------------------------------------

def _resolve(dotted):
    module_name, _, rest = dotted.partition('.')
    target = importlib.import_module(module_name)
    walked = module_name
    for part in rest.split('.') if rest else ():
        walked += '.' + part
        try:
            target = getattr(target, part)
        except AttributeError:
            target = importlib.import_module(walked)
    return target


class _Patch:
    def __init__(self, get_target, attribute, new, create, new_callable, kwargs):
        self.get_target = get_target
        self.attribute = attribute
        self.new = new
        self.create = create
        self.new_callable = new_callable
        self.kwargs = kwargs
        self._active = []

    def __enter__(self):
        target = self.get_target()
        original = getattr(target, self.attribute, _MISSING)
        if original is _MISSING and not self.create:
            raise AttributeError(f'{target} does not have the attribute {self.attribute!r}')
        new = self.new
        if new is DEFAULT:
            new = (self.new_callable or MagicMock)(**self.kwargs)
        local = self.attribute in getattr(target, '__dict__', {})
        setattr(target, self.attribute, new)
        self._active.append((target, original, local))
        return new

    def __exit__(self, *exc_info):
        target, original, local = self._active.pop()
        if original is _MISSING or not local:
            try:
                delattr(target, self.attribute)
            except AttributeError:
                pass
            if original is not _MISSING and getattr(target, self.attribute, _MISSING) is _MISSING:
                setattr(target, self.attribute, original)
        else:
            setattr(target, self.attribute, original)
        return False

    start = __enter__

    def stop(self):
        return self.__exit__(None, None, None)

    def __call__(self, func):
        passes_mock = self.new is DEFAULT

        @functools.wraps(func)
        def patched(*args, **kwargs):
            with self as new:
                if passes_mock:
                    args = args + (new,)
                return func(*args, **kwargs)
        return patched


def patch(target, new=DEFAULT, spec=None, create=False, spec_set=None, autospec=None,
          new_callable=None, **kwargs):
    """Replace the attribute named by 'package.module.attribute' while a
    `with` block or a decorated function runs (by a MagicMock unless new
    is given, passed to the function as an extra argument)."""
    if not isinstance(target, str):
        raise TypeError(f'Need a valid target to patch. You supplied: {target!r}')
    owner, _, attribute = target.rpartition('.')
    if not owner:
        raise TypeError(f'Need a valid target to patch. You supplied: {target!r}')
    if spec is not None:
        kwargs['spec'] = spec
    if spec_set is not None:
        kwargs['spec_set'] = spec_set
    return _Patch(lambda: _resolve(owner), attribute, new, create, new_callable, kwargs)


def _patch_object(target, attribute, new=DEFAULT, spec=None, create=False, spec_set=None,
                  autospec=None, new_callable=None, **kwargs):
    if spec is not None:
        kwargs['spec'] = spec
    return _Patch(lambda: target, attribute, new, create, new_callable, kwargs)


class _PatchDict:
    def __init__(self, in_dict, values=(), clear=False, **kwargs):
        self.in_dict = in_dict
        self.values = dict(values)
        self.values.update(kwargs)
        self.clear = clear
        self._saved = []

    def __enter__(self):
        target = _resolve(self.in_dict) if isinstance(self.in_dict, str) else self.in_dict
        self._saved.append((target, dict(target)))
        if self.clear:
            target.clear()
        target.update(self.values)
        return target

    def __exit__(self, *exc_info):
        target, original = self._saved.pop()
        target.clear()
        target.update(original)
        return False

    start = __enter__

    def stop(self):
        return self.__exit__(None, None, None)

    def __call__(self, func):
        @functools.wraps(func)
        def patched(*args, **kwargs):
            with self:
                return func(*args, **kwargs)
        return patched


patch.object = _patch_object
patch.dict = _PatchDict
