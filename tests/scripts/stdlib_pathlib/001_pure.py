# Pure paths: parsing, parts, names and suffixes, joining, comparison and
# the errors of with_name/with_suffix/relative_to/as_uri.
from pathlib import PurePath, PurePosixPath, Path, PureWindowsPath
import pathlib

for f in [lambda: PurePath(3), lambda: PurePath('a').with_name(''),
          lambda: PurePath('/').with_name('x'), lambda: PurePath('a').with_name('b/c'),
          lambda: PurePath('a').with_suffix('x'), lambda: PurePath('a').with_suffix('.'),
          lambda: PurePath('a').with_suffix('./b'),
          lambda: PurePath('/a/b').relative_to('/c'), lambda: PurePath('a').relative_to('/a'),
          lambda: PurePath('a').as_uri(), lambda: PurePath('a') < 3,
          lambda: PurePath('').with_suffix('.x'), lambda: PurePath('a').match(''),
          lambda: PurePath('a').joinpath(3), lambda: PurePath('a/b').parents[5],
          lambda: PurePath('a').with_stem(''), lambda: PurePath('a') / 3]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(PurePath('//a/b'), PurePath('///a/b'), PurePath('a//b/./c/..'), PurePath('./a'),
      PurePath(''), PurePath('.'), PurePath('a', '/b', 'c'), PurePath(), PurePath('a/'))
print(repr(PurePath('a')), repr(Path('/x')), PurePath('a').parts, PurePath('/a/b').parts,
      PurePath('//a').parts, PurePath('//a').anchor)
print(PurePath('/a/b c/%').as_uri(), PurePath('/a/é').as_uri(), PurePath('/a/b').as_posix())
p = PurePath('/usr/lib/x.tar.gz')
print(p.name, p.suffix, p.suffixes, p.stem, p.parent, list(p.parents), p.parents[-1],
      p.parents[1:], len(p.parents))
print(PurePath('a.').suffix, PurePath('a.').suffixes, PurePath('.bashrc').suffix,
      PurePath('.bashrc').stem, PurePath('..').suffix, PurePath('a..b').suffixes,
      PurePath('a..b').stem)
print(PurePath('/').name, PurePath('/').parent, PurePath('.').parent, PurePath('a').parent)
print(PurePath('a/b.py').match('*.py'), PurePath('/a/b.py').match('/*.py'),
      PurePath('/a/b.py').match('a/*.py'), PurePath('a/b.py').match('/a/*.py'),
      PurePath('A.py').match('*.PY'), PurePath('/a/b/c.py').match('b/*.py'),
      PurePath('a/b.py').match('a/b/*.py'))
print(hash(PurePath('a/b')) == hash(PurePath('a//b')), PurePath('a') == PurePosixPath('a'),
      PurePath('a') == Path('a'), PurePath('a') == 'a',
      sorted([PurePath('b'), PurePath('a/c'), PurePath('a')]))
print(PurePath('/a/b').relative_to('/a'), PurePath('/a/b').is_relative_to('/a'),
      PurePath('/a/b').relative_to('/', 'a'), bytes(PurePath('a')),
      PurePath('/a/b').relative_to('/'), PurePath('a/b').relative_to(''),
      PurePath('/a/b').is_relative_to('/b'))
print(PurePath('a').with_stem('b'), PurePath('a.txt').with_suffix(''),
      PurePath('a.txt').with_suffix('.py'), PurePath('a').is_absolute(),
      PurePath('a').is_reserved(), 'a' / PurePath('b'), PurePath('a') / 'b' / 'c',
      PurePath('/x') / '/y', PurePath('a').joinpath('b', 'c'))
print(pathlib.__all__)
print(type(PurePath('a')).__name__, type(Path('a')).__name__, repr(PurePath('a').drive),
      PurePath('/a').root, PurePath('a').anchor == '')
print(PurePath('a') <= PurePath('a'), PurePath('b') > PurePath('a'), PurePath('a') != PurePath('b'))
print(str(PurePath(PurePath('a'), 'b')), PurePath('a/b') in {PurePath('a/b')})
w = PureWindowsPath('c:/Users/x/file.TXT')
print(w, repr(w), w.drive, w.root, w.parts, w.suffix, w.as_posix(), w == PureWindowsPath('C:\\users\\X\\FILE.txt'))
print(PureWindowsPath('//server/share/a').drive, PureWindowsPath('a/b').is_absolute(), w.as_uri())
