# uuid.UUID in all its forms and fields, the name-based uuid3/uuid5, the
# random and time-based uuid1/uuid4, ordering, hashing, pickling, errors.
import copy
import pickle
import uuid

u = uuid.UUID('12345678-1234-5678-1234-567812345678')
print(u, repr(u), u.hex, u.int, u.bytes, u.bytes_le, u.fields)
print(u.time_low, u.time_mid, u.time_hi_version, u.clock_seq_hi_variant, u.clock_seq_low,
      u.node, u.time, u.clock_seq, u.urn, u.variant, u.version, u.is_safe)
print(uuid.UUID('{12345678-1234-5678-1234-567812345678}'),
      uuid.UUID('urn:uuid:12345678123456781234567812345678'), uuid.UUID(bytes=u.bytes),
      uuid.UUID(bytes_le=u.bytes_le), uuid.UUID(fields=u.fields), uuid.UUID(int=u.int),
      uuid.UUID(int=5, version=4), uuid.UUID('12345678-1234-5678-1234-567812345678', version=1))
print(uuid.uuid3(uuid.NAMESPACE_DNS, 'python.org'), uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org'),
      uuid.uuid5(uuid.NAMESPACE_OID, 'é'))
print(uuid.NAMESPACE_DNS, uuid.NAMESPACE_URL, uuid.NAMESPACE_OID, uuid.NAMESPACE_X500)
print(uuid.uuid5(uuid.NAMESPACE_DNS, 'x').version, uuid.uuid3(uuid.NAMESPACE_DNS, 'x').version)
for f in [lambda: uuid.UUID('xyz'), lambda: uuid.UUID(), lambda: uuid.UUID(hex='a', int=1),
          lambda: uuid.UUID(bytes=b'x'), lambda: uuid.UUID(bytes_le=b'x' * 15),
          lambda: uuid.UUID(int=-1), lambda: uuid.UUID(int=1 << 128),
          lambda: uuid.UUID(fields=(1, 2)), lambda: uuid.UUID(fields=(1 << 32, 0, 0, 0, 0, 0)),
          lambda: uuid.UUID(fields=(0, 0, 0, 0, 256, 0)), lambda: uuid.UUID(int=1, version=9),
          lambda: setattr(u, 'x', 1), lambda: u < 3,
          lambda: uuid.uuid3(uuid.NAMESPACE_URL, b'bytes name')]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
a = uuid.uuid4()
print(a.version, a.variant, len(str(a)), a != uuid.uuid4())
b = uuid.uuid1()
c = uuid.uuid1(node=0x123456789abc, clock_seq=0x1234)
print(b.version, b.variant, c.node == 0x123456789abc, c.clock_seq == 0x1234, c.time > b.time,
      uuid.getnode() == uuid.getnode(), 0 <= uuid.getnode() < 1 << 48)
print(uuid.RFC_4122, uuid.RESERVED_NCS, uuid.RESERVED_MICROSOFT, uuid.RESERVED_FUTURE)
print(uuid.SafeUUID.unknown, uuid.SafeUUID.safe.value, sorted([uuid.UUID(int=3), uuid.UUID(int=1)]))
print(hash(u) == hash(u.int), int(u) == u.int, uuid.UUID(int=1) < uuid.UUID(int=2),
      u == uuid.UUID(str(u)), u == str(u), u != uuid.UUID(int=0))
print(copy.copy(u) == u, copy.deepcopy(u) == u, pickle.loads(pickle.dumps(u)) == u)
print(uuid.UUID(int=0).variant, uuid.UUID(int=0xc << 60).variant, uuid.UUID(int=0xe << 60).variant,
      uuid.UUID(int=0).version, {u: 1}[uuid.UUID(u.hex)])
