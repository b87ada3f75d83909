"""What was built from what, and what must be rebuilt: the build's manifest.

Why: an unchanged collection of thousands of documents must be recognised in
well under two seconds.  The manifest (``.teiedition-build.json`` in the output
folder, written atomically) records per source its size, modification time,
SHA-256, build key and outputs.  A source whose size and mtime are unchanged is
not even read; one whose stat changed is hashed, and rebuilt only if its bytes
changed.  The build key also covers the toolchain: the package version, every
file of the package (code and authority data), the stylesheets and the schemas,
so upgrading or editing any of them rebuilds everything.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import stat
import time
from array import array
from dataclasses import dataclass, field
from pathlib import Path

from .. import __version__
from ..errors import InputError
from ..files import write_if_changed
from ..resources import project_dir

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX (Windows): builds are not locked
    fcntl = None

MANIFEST_NAME = ".teiedition-build.json"
MANIFEST_FORMAT = 1
#: In the manifest while documents changed but the collection passes have not run to the end.
PASSES_PENDING = "passes-pending"
#: In the manifest: the options of the last build that ran to its end, its sources' and outputs' suffixes
#: (what ``unchanged.unchanged_build`` checks before the pipeline is imported).
QUIET = "quiet"
#: The parts of the collection pass, each with the files it writes (under the output folder).
COLLECTION_PARTS = {"dts": ("dts",), "entities": ("entities",),
                    "site": ("assets", "index.html", "catalogue.json", "catalogue.csv")}

PACKAGE_DIR = Path(__file__).resolve().parent.parent  # teiedition/
PROJECT_DIR = PACKAGE_DIR.parent.parent

_TEMP_FILE = re.compile(r"^\..+\.(xml|html|pdf|json|csv)\.[A-Za-z0-9_]+\.tmp$")

#: Extra authority files named in the environment (stylesheet and schema folders: ``resources``).
TOOLCHAIN_FILES_ENV = "TEIEDITION_AUTHORITY"


def toolchain_files() -> list[Path]:
    """Every file whose change could change an output: package code and data, stylesheets, schemas.

    Overrides in the environment (another stylesheet or schema folder, extra
    authority files) are part of the toolchain too.
    """
    roots = [PACKAGE_DIR, project_dir("xslt", "TEIEDITION_XSLT_DIR"), project_dir("schema", "TEIEDITION_SCHEMA_DIR")]
    files = {Path(p) for p in os.environ.get(TOOLCHAIN_FILES_ENV, "").split(os.pathsep) if p.strip()}
    for root in roots:
        if root.is_dir():
            files.update(path for path in root.rglob("*") if path.is_file() and not _is_clutter(path, root))
    return sorted(files)


#: Files beside the toolchain that cannot change an output: caches, editor backups, temporaries.
_CLUTTER_SUFFIXES = (".pyc", ".pyo", ".tmp", "~", ".swp", ".orig", ".rej", ".bak")


def _is_clutter(path: Path, root: Path) -> bool:
    parts = path.relative_to(root).parts
    return (any(part.startswith(".") or part == "__pycache__" for part in parts)
            or path.name.endswith(_CLUTTER_SUFFIXES))


def toolchain_digest() -> str:
    """One hash over the package version and the toolchain files (a few dozen small files)."""
    h = hashlib.sha256(f"teiedition {__version__}\n".encode())
    for path in toolchain_files():
        name = path.relative_to(PROJECT_DIR) if path.is_relative_to(PROJECT_DIR) else path
        h.update(f"{name.as_posix()}\n".encode())  # relative, so a moved checkout keeps its key
        try:
            h.update(hashlib.sha256(path.read_bytes()).digest())
        except OSError:  # a missing override file: the stages will report it
            h.update(b"missing")
    return h.hexdigest()


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def source_sha256(src: Path) -> str:
    """The source's SHA-256, or "" when it cannot be read or is a link out of its folder.

    Why: one unreadable source must fail alone (the worker says why), and the manifest must
    never record a fingerprint of a file outside the source folder.
    """
    if src.is_symlink() and not src.resolve().is_relative_to(src.parent.resolve()):
        return ""
    try:
        return file_sha256(src)
    except OSError:
        return ""


def build_key(source_sha: str, toolchain: str, *, pdf: bool, base_url: str = "", formats=()) -> str:
    """What a document's outputs depend on: its bytes, the toolchain, the formats chosen (rows of
    ``outputs.OUTPUTS``), the pages' base URL.  The base and formats beside the PDF count only when
    there are some, so older keys stay valid."""
    base = f"\nbase={base_url}" if base_url else ""
    chosen = f"\nformats={','.join(sorted(formats))}" if formats else ""
    return hashlib.sha256(f"{source_sha}\n{toolchain}\npdf={pdf}{base}{chosen}".encode()).hexdigest()[:32]


def find_sources(source: Path, suffixes: tuple[str, ...]) -> list[Path]:
    """The sources of a folder, sorted: the files whose suffix (any case) is one of ``suffixes``
    (``.txt``, as ``convert`` takes them, and TEI ``.xml`` published as it is).  A missing or empty
    folder is a usage error."""
    if not source.exists():
        raise InputError("no such folder", path=str(source))
    if not source.is_dir():
        raise InputError("not a folder: build takes a folder of .txt (or TEI .xml) sources", path=str(source))
    with os.scandir(source) as entries:  # names and file types from one listing (a stat only for links)
        names = sorted(e.name for e in entries if _suffix(e.name).lower() in suffixes and e.is_file())
    sources = [source / name for name in names]
    if not sources:
        raise InputError("no .txt or .xml sources in this folder", path=str(source))
    return sources


def _suffix(name: str) -> str:
    """``Path(name).suffix`` without making a Path (``..txt`` has ``.txt``, ``.txt`` none)."""
    i = name.rfind(".")
    return name[i:] if 0 < i < len(name) - 1 else ""


@dataclass
class Plan:
    """What this run must do: documents to build, unchanged ones, removed ones."""

    todo: list[tuple[Path, dict]] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def plan_build(sources: list[Path], output: Path, manifest: dict, toolchain: str, *,
               pdf: bool, force: bool, base_url: str = "", formats=()) -> Plan:
    """Sort sources into rebuild and unchanged: stat first, hash only when the stat differs.

    A document is rebuilt when its key changed, when it failed or was invalid
    last time, or when one of its outputs has gone missing or is not what the last
    build left (its size or modification time differ from the recorded ones: a
    truncated or edited output is made again).
    """
    plan = Plan()
    docs = manifest["documents"]
    seen = set()
    for src in sources:
        doc_id = src.stem
        seen.add(doc_id)
        try:
            st = os.stat(src)
        except OSError:  # vanished or unreachable: the worker reports it as `file: reason`
            plan.todo.append((src, {"size": 0, "mtime_ns": 0, "sha256": ""}))
            continue
        entry = docs.get(doc_id)
        stat_now = {"size": st.st_size, "mtime_ns": st.st_mtime_ns}
        if entry and not force and entry.get("status") == "valid":
            same_stat = entry.get("size") == st.st_size and entry.get("mtime_ns") == st.st_mtime_ns
            sha = entry.get("sha256") if same_stat else source_sha256(src)
            if (entry.get("key") == build_key(sha, toolchain, pdf=pdf, base_url=base_url, formats=formats)
                    and outputs_intact(output, entry)):
                # the recorded stat is left alone, so an unchanged build leaves the manifest unchanged
                # (a touched file is hashed again next time: cheap, and a committed manifest stays put)
                entry["source"] = src.name
                plan.unchanged.append(doc_id)
                continue
            plan.todo.append((src, {**stat_now, "sha256": sha}))
            continue
        plan.todo.append((src, {**stat_now, "sha256": source_sha256(src)}))
    plan.removed = sorted(set(docs) - seen)
    return plan


def output_stats(output: Path, names) -> dict[str, list[int]]:
    """``{name: [size, mtime_ns]}`` of a document's outputs as they are now (missing ones left out)."""
    root = os.fspath(output) + os.sep
    stats = {}
    for name in names:
        try:
            st = os.stat(root + name)
        except OSError:
            continue
        stats[name] = [st.st_size, st.st_mtime_ns]
    return stats


def outputs_intact(output: Path, entry: dict) -> bool:
    """Every output of the entry is there and, where recorded, has the size and mtime the last build left.

    One ``os.stat`` per output, stopping at the first that differs (this runs for every document of
    every build)."""
    recorded = entry.get("files") or {}
    root = os.fspath(output) + os.sep
    for name in entry.get("outputs", ()):
        try:
            st = os.stat(root + name)
        except OSError:
            return False
        then = recorded.get(name)
        if then is not None and (then[0] != st.st_size or then[1] != st.st_mtime_ns):
            return False
    return True


class FolderWalk:
    """What one fingerprint walk saw of each folder (its mtime, its hashed block of names and numbers,
    its sub-folders), so a later walk in the same build can take a folder it finds unchanged as it was.

    Why: the build fingerprints the collection's parts before the passes and again after them: two
    ``stat`` s of each of some 66,000 files at 10,000 documents, about 1 s of a one-document edit.
    Every file the passes write is written to a temporary file and renamed (``atomic_write``), and
    a folder's mtime changes when a name in it is added, removed or replaced; so after the passes a
    folder whose mtime is what the first walk saw holds the files it held then, and only changed
    folders are listed again (one ``stat`` per folder instead of one per file).  A folder changed
    within ``RACY_NS`` before the first walk is always listed again (a change in the same clock tick
    would leave its mtime as it was).  A file changed in place, not renamed, in a folder the passes
    did not otherwise touch would be missed: the fingerprint recorded then differs from the files,
    and the next build rewrites that part whole (slow, never wrong).
    """

    RACY_NS = 2_000_000_000

    def __init__(self) -> None:
        self.started = time.time_ns()
        self.folders: dict[str, tuple[int, bytes, list[tuple[str, str]]]] = {}

    def trusted(self, path: str, mtime_ns: int):
        """The first walk's record of ``path`` when its mtime is still ``mtime_ns`` and was not racy, else None."""
        seen = self.folders.get(path)
        if seen is None or seen[0] != mtime_ns or mtime_ns > self.started - self.RACY_NS:
            return None
        return seen


def folder_fingerprint(output: Path, parts, *, walk: FolderWalk | None = None, since: FolderWalk | None = None) -> str:
    """One hash over the names, sizes and mtimes of every file under the ``parts`` of ``output`` (folders or files).

    Why: the collection pass (DTS answers, entity pages, search data) trusts its own state files;
    a truncated or deleted answer would survive every later build.  Comparing this fingerprint
    with the one recorded after the last pass costs a ``stat`` per file, no reading.  Folders are
    walked in name order and each is hashed as one block of names and one of numbers (a line
    formatted per file, then a sort of all lines, took most of an unchanged rebuild's time).
    ``walk`` records what this walk sees; ``since``: an earlier walk of the same build whose
    unchanged folders are taken as they were (``FolderWalk``).
    """
    h = hashlib.sha256()
    for part in parts:
        _hash_tree(h, os.path.join(os.fspath(output), part), part, walk, since)
    return h.hexdigest()


def _hash_tree(h, path: str, name: str, walk: FolderWalk | None = None, since: FolderWalk | None = None) -> None:
    """Add ``path`` (a file, a folder walked in name order, or missing) to the hash ``h``."""
    try:
        st = os.stat(path, follow_symlinks=False)
    except OSError:
        h.update(f"{name}\0missing\n".encode("utf-8", "surrogateescape"))
        return
    if not stat.S_ISDIR(st.st_mode):
        h.update(f"{name}\0{st.st_size}\0{st.st_mtime_ns}\n".encode("utf-8", "surrogateescape"))
        return
    seen = since.trusted(path, st.st_mtime_ns) if since is not None else None
    block, folders = seen[1:] if seen is not None else _list_folder(path, name)
    if walk is not None:
        walk.folders[path] = (st.st_mtime_ns, block, folders)
    h.update(block)
    for folder_path, folder_name in folders:
        _hash_tree(h, folder_path, folder_name, walk, since)


def _list_folder(path: str, name: str) -> tuple[bytes, list[tuple[str, str]]]:
    """A folder's block (its files' names, then their sizes and mtimes) and its sub-folders, in name order."""
    files, numbers, folders = [], array("q"), []
    with contextlib.suppress(OSError), os.scandir(path) as listing:
        for entry in sorted(listing, key=lambda e: e.name):
            if entry.is_dir(follow_symlinks=False):
                folders.append((entry.path, f"{name}/{entry.name}"))
                continue
            with contextlib.suppress(OSError):
                st = entry.stat(follow_symlinks=False)
                files.append(entry.name)
                numbers.extend((st.st_size, st.st_mtime_ns))
    block = (f"{name}/\0{len(files)}\0".encode("utf-8", "surrogateescape")
             + "\0".join(files).encode("utf-8", "surrogateescape") + numbers.tobytes())
    return block, folders


def collection_fingerprints(output: Path, *, walk: FolderWalk | None = None,
                            since: FolderWalk | None = None) -> dict[str, str]:
    """Each collection part's fingerprint (``folder_fingerprint``): one ``stat`` per file, or per folder for
    the folders ``since`` saw unchanged; ``walk`` records this walk."""
    return {part: folder_fingerprint(output, names, walk=walk, since=since) for part, names in COLLECTION_PARTS.items()}


def absent_parts(output: Path) -> set[str]:
    """The collection parts none of whose files exist (a first build, or a part deleted whole)."""
    return {part for part, names in COLLECTION_PARTS.items() if not any((output / n).exists() for n in names)}


def load_manifest(output: Path, suffixes: tuple[str, ...] | None = None) -> dict:
    """The previous build's manifest, or an empty one when absent, unreadable or of another format.

    ``suffixes``: what the table of outputs may add to a document's id (``outputs.suffixes``); an
    entry naming another file is dropped.  Without them, the suffixes the last build recorded
    (``QUIET``) stand for the table: what the start-up check uses, which deletes nothing.
    """
    empty = {"format": MANIFEST_FORMAT, "documents": {}}
    path = output / MANIFEST_NAME
    if (path.exists() or path.is_symlink()) and not path.is_file():
        raise InputError("is not a file, so the build cannot record what it built; remove it", path=str(path))
    try:
        if not path.is_file() or path.stat().st_size > MAX_MANIFEST_BYTES:
            return empty
        data = json.loads(path.read_bytes())
    except (OSError, ValueError, RecursionError):  # unreadable, not JSON, nested too deep
        return empty
    if not isinstance(data, dict) or data.get("format") != MANIFEST_FORMAT or not isinstance(data.get("documents"), dict):
        return empty
    # an entry of the wrong shape (a hand edit, a bug, an attack) only means that document is rebuilt;
    # outputs are only ever the document's own names (the table's suffixes), so a removed entry deletes nothing else
    own = frozenset(_recorded_suffixes(data) if suffixes is None else suffixes)
    data["documents"] = {k: v for k, v in data["documents"].items() if _sound_entry(k, v, own)}
    return data


#: A manifest larger than this is not ours (one entry is well under 2 kB).
MAX_MANIFEST_BYTES = 256 * 1024 * 1024


def _recorded_suffixes(data: dict) -> list[str]:
    """The output suffixes the last build recorded (none recorded: no output is trusted)."""
    quiet = data.get(QUIET) if isinstance(data.get(QUIET), dict) else {}
    return [s for s in quiet.get("suffixes") or () if isinstance(s, str)]


def _sound_entry(doc_id, entry, suffixes: frozenset[str]) -> bool:
    """Is this a manifest entry build can trust: a plain stem, its own outputs, fields of the right types?"""
    if not (isinstance(doc_id, str) and doc_id and len(doc_id.encode("utf-8", "surrogatepass")) <= 200
            and "/" not in doc_id and "\\" not in doc_id and "\0" not in doc_id and not doc_id.startswith(".")):
        return False
    if not isinstance(entry, dict):
        return False
    outputs = entry.get("outputs", [])
    if not isinstance(outputs, list):
        return False
    stem = len(doc_id)
    # plain loops, no generator per entry: this runs for every document of every build (10,000 at a time)
    for name in outputs:
        if not (isinstance(name, str) and name.startswith(doc_id) and name[stem:] in suffixes):
            return False
    files = entry.get("files", {})
    if not isinstance(files, dict):
        return False
    for v in files.values():
        if not isinstance(v, list) or len(v) != 2 or type(v[0]) is not int or type(v[1]) is not int:
            return False
    for name, kind in _ENTRY_FIELDS:
        if name in entry and not isinstance(entry[name], kind):
            return False
    return entry.get("record") is None or isinstance(entry.get("record"), dict)


#: The scalar fields of a manifest entry and their types.
_ENTRY_FIELDS = (("size", int), ("mtime_ns", int), ("sha256", str), ("key", str), ("status", str),
                 ("source", str), ("reason", str))


def save_manifest(output: Path, manifest: dict) -> None:
    """Write the manifest whole; not at all when it has not changed (no churn in a committed copy).

    Compact JSON, one line: ``indent`` would make ``json`` fall back on its pure-Python encoder,
    10x slower, and the manifest is saved again and again while a large collection builds.
    """
    data = (json.dumps(manifest, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n").encode("utf-8")
    write_if_changed(output / MANIFEST_NAME, data)


def leftover_temp_files(output: Path) -> list[Path]:
    """Temporary files a killed build left behind (``atomic_write``'s ``.NAME.XXXX.tmp``)."""
    return [output / name for name in os.listdir(output) if _TEMP_FILE.match(name)]


def remove_leftover_temp_files(output: Path) -> int:
    """Delete temporary files a killed build left behind (``leftover_temp_files``)."""
    count = 0
    for path in leftover_temp_files(output):
        if path.is_file():
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
                count += 1
    return count


@contextlib.contextmanager
def output_lock(output: Path):
    """One build per output folder at a time (a lock on the folder itself, no lock file left behind).

    Where ``flock`` does not exist (Windows) builds are not locked.
    """
    if fcntl is None:  # pragma: no cover - not POSIX
        yield
        return
    fd = os.open(output, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise InputError("another build is writing to this folder", path=str(output)) from None
        yield
    finally:
        os.close(fd)
