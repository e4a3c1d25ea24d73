# Concrete paths: creating, reading, writing, listing, globbing, renaming
# and removing files and directories in a temporary directory.
import os
import tempfile
from pathlib import Path

with tempfile.TemporaryDirectory() as tmp:
    root = Path(tmp)
    print(root.exists(), root.is_dir(), root.is_file(), root.is_absolute())
    d = root / 'a' / 'b'
    try:
        d.mkdir()
    except FileNotFoundError as e:
        print('FileNotFoundError', e.errno)
    d.mkdir(parents=True)
    d.mkdir(parents=True, exist_ok=True)
    try:
        d.mkdir()
    except FileExistsError as e:
        print('FileExistsError', e.errno)
    f = d / 'notes.txt'
    print(f.write_text('hello\nworld\n'), f.read_text(), f.read_bytes())
    print(f.exists(), f.is_file(), f.is_dir(), f.stat().st_size, f.lstat().st_size)
    print((d / 'data.bin').write_bytes(b'\x00\x01\x02'), (d / 'data.bin').read_bytes())
    try:
        f.write_text(b'x')
    except TypeError as e:
        print('TypeError', e)
    (root / 'a' / 'top.py').touch()
    (root / 'a' / '.hidden').touch()
    (root / 'a' / 'top.py').touch()
    try:
        (root / 'a' / 'top.py').touch(exist_ok=False)
    except FileExistsError as e:
        print('FileExistsError', e.errno)
    rel = lambda ps: sorted(str(p.relative_to(root)) for p in ps)
    print(rel((root / 'a').iterdir()))
    print(rel(root.glob('a/*')), rel(root.glob('**/*.txt')), rel(root.rglob('*.bin')))
    print(rel(root.glob('**')), rel(root.glob('a/*/')), rel(root.glob('*/b/notes.txt')),
          rel(root.glob('a/missing')), rel(root.glob('a/[t]op.*')))
    try:
        list(root.glob('/x'))
    except NotImplementedError as e:
        print('NotImplementedError', e)
    try:
        list(root.glob(''))
    except ValueError as e:
        print('ValueError', e)
    with f.open() as fh:
        print(fh.readline().strip())
    with (d / 'new.txt').open('w') as fh:
        fh.write('made')
    moved = (d / 'new.txt').rename(d / 'moved.txt')
    print(type(moved).__name__, moved.name, moved.read_text(), (d / 'new.txt').exists())
    replaced = moved.replace(d / 'data.bin')
    print(replaced.read_text(), moved.exists())
    link = root / 'link'
    link.symlink_to(d)
    print(link.is_symlink(), link.is_dir(), d.is_symlink(), link.resolve() == d.resolve(),
          link.samefile(d), link.readlink() == d, f.samefile(str(f)))
    (root / 'flink').symlink_to(root / 'nowhere')
    print((root / 'flink').exists(), (root / 'flink').is_symlink())
    f.chmod(0o600)
    print(oct(f.stat().st_mode & 0o777))
    f.unlink()
    print(f.exists())
    try:
        f.unlink()
    except FileNotFoundError as e:
        print('FileNotFoundError', e.errno)
    f.unlink(missing_ok=True)
    try:
        d.rmdir()
    except OSError as e:
        print(type(e).__name__, e.errno)
    for p in list(d.iterdir()):
        p.unlink()
    d.rmdir()
    print(d.exists(), (root / 'a').exists())
    try:
        (root / 'none').stat()
    except FileNotFoundError as e:
        print('FileNotFoundError', e.errno, e.filename == str(root / 'none'))
    old = os.getcwd()
    os.chdir(tmp)
    print(Path.cwd() == Path(tmp).resolve(), Path('x').absolute() == Path.cwd() / 'x')
    print(Path('.').resolve() == Path.cwd(), Path('q/../r').resolve().name)
    os.chdir(old)
print(Path.home() == Path(os.path.expanduser('~')), Path('~/x').expanduser() == Path.home() / 'x',
      Path('a/~').expanduser(), Path('/tmp').is_mount() in (True, False))
print(Path('a/b').with_suffix('.c'), Path('x') / 'y', type(Path('x') / 'y').__name__)
