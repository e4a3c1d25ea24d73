# assertLogs / assertNoLogs: captured records and output, levels, loggers
# named or given, and the failure messages.
import logging
import unittest


class T(unittest.TestCase):
    def test(self):
        pass


t = T('test')
with t.assertLogs('foo', level='INFO') as cm:
    logging.getLogger('foo').info('first message')
    logging.getLogger('foo.bar').error('second message')
    logging.getLogger('foo').debug('hidden')
    logging.getLogger('other').warning('elsewhere')
print(cm.output, [r.levelname for r in cm.records], cm.records[0].getMessage())
with t.assertLogs() as cm:
    logging.warning('root %d', 3)
print(cm.output)
with t.assertLogs(logging.getLogger('given'), logging.DEBUG) as cm:
    logging.getLogger('given').debug('dbg')
print(cm.output)
for block in (lambda: t.assertLogs('quiet'), lambda: t.assertLogs(),
              lambda: t.assertLogs('quiet', 'ERROR')):
    try:
        with block():
            logging.getLogger('quiet').info('too low')
    except AssertionError as e:
        print('AssertionError', e)
with t.assertNoLogs('calm'):
    logging.getLogger('calm').debug('below INFO')
try:
    with t.assertNoLogs('calm'):
        logging.getLogger('calm').warning('loud')
except AssertionError as e:
    print('AssertionError', e)
print(logging.getLogger('foo').handlers, logging.getLogger('foo').propagate)
