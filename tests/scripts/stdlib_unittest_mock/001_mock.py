# unittest.mock basics: recording calls, the assert_* messages, call
# objects, return_value/side_effect, specs, MagicMock's special methods,
# and patch / patch.object / patch.dict as context managers and decorators.
import os
from unittest import mock
from unittest.mock import Mock, MagicMock, call, patch, ANY, sentinel, DEFAULT

m = Mock()
m(1, 2)
m(1, b=3)
print(m.called, m.call_count, m.call_args, m.call_args_list, m.call_args.args, m.call_args.kwargs)
args, kwargs = m.call_args
print(args, kwargs)
for f in [lambda: m.assert_called_with(1, 2), lambda: m.assert_called_once_with(1, b=3),
          lambda: m.assert_not_called(), lambda: m.assert_called_once(),
          lambda: m.assert_any_call(3), lambda: m.assert_has_calls([call(1, 2), call(5)]),
          lambda: Mock().assert_called_with(1), lambda: Mock().assert_called(),
          lambda: Mock(name='f').assert_called_with(1), lambda: m.a.b.assert_called_with(2),
          lambda: m.assert_any_call(1, 2), lambda: m.assert_called_with(1, b=3),
          lambda: m.assert_has_calls([call(1, b=3), call(1, 2)], any_order=True),
          lambda: m.assert_has_calls([call(1, b=3), call(1, 2)]),
          lambda: m.assert_has_calls([call(1, 2), call(1, b=3)]), lambda: m.assert_called()]:
    try:
        f()
        print('ok')
    except AssertionError as e:
        print(repr(str(e)))
m.x.y(3)
m.z()
print(m.method_calls, m.mock_calls)
print(call(1, a=2) == call(1, a=2), call(1) == call(2), call.foo(1), m.mock_calls[2] == call.x.y(3),
      call(ANY) == call(5), m.x.mock_calls, m.x.y.call_args)
m2 = Mock(return_value=7)
print(m2(), m2.return_value, m2.return_value is m2.return_value)
m3 = Mock(side_effect=[1, 2])
print(m3(), m3())
try:
    m3()
except StopIteration:
    print('StopIteration')
m4 = Mock(side_effect=KeyError('k'))
try:
    m4()
except KeyError as e:
    print('KeyError', e)
m5 = Mock(side_effect=lambda x: x * 2)
print(m5(4))
m5.side_effect = lambda x: DEFAULT
m5.return_value = 'dflt'
print(m5(1))
m6 = Mock(**{'method.return_value': 3, 'attr': 5})
print(m6.method(), m6.attr)
m6.configure_mock(other=6)
print(m6.other)
s = Mock(spec=['a', 'b'])
try:
    s.c
except AttributeError as e:
    print('AttributeError', e)


class C:
    def meth(self):
        pass


s2 = Mock(spec=C)
print(isinstance(s2, C), s2.meth() is s2.meth.return_value)
try:
    s2.nope
except AttributeError as e:
    print('AttributeError', e)
mm = MagicMock()
print(len(mm), list(mm), bool(mm), int(mm), 3 in mm, mm[1] is mm[2], float(mm), mm == mm, mm == 3)
mm.__len__.return_value = 5
print(len(mm))
with mm as v:
    print(v is mm.__enter__.return_value)
mm.__getitem__.return_value = 'x'
print(mm['a'], mm.__getitem__.call_args)
mm.__iter__.return_value = iter([1, 2])
print(list(mm))
m.reset_mock()
print(m.called, m.call_count, m.call_args, m.mock_calls)
print(sentinel.foo is sentinel.foo, sentinel.foo, DEFAULT, ANY == 3, repr(ANY))
with patch('os.getcwd', return_value='/fake') as p:
    print(os.getcwd(), p.called)
print(os.getcwd() != '/fake')


@patch('os.getpid')
def f(mock_pid):
    mock_pid.return_value = 42
    return os.getpid()


print(f(), os.getpid() != 42)
with patch.object(os.path, 'exists', return_value=True):
    print(os.path.exists('/nope'))
print(os.path.exists('/nope'))
d = {'a': 1}
with patch.dict(d, {'b': 2}):
    print(sorted(d.items()))
print(d)
with patch.dict(d, {'c': 3}, clear=True):
    print(d)
print(d)
with patch('os.sep', '!'):
    print(os.sep)
print(os.sep)


class Thing:
    value = 1

    def method(self):
        return 'real'


with patch.object(Thing, 'method', return_value='fake') as pm:
    print(Thing().method(), pm.call_count)
print(Thing().method(), 'method' in Thing.__dict__)
patcher = patch.object(Thing, 'value', 99)
patcher.start()
print(Thing.value)
patcher.stop()
print(Thing.value)
print(type(Mock().x).__name__, type(MagicMock().x).__name__)
