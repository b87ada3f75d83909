"""Hostile and broken input: every file gets a clear answer naming it, and nothing else happens.

The fixture set lives in tests/fixtures/validate/ with its expected outcomes in
manifest.json; the big ones (50 MB, 20,000 levels deep) are made here at run
time.  "Nothing else happens" is checked directly: a secret file next to the
input never shows up in the output, a local server never receives a connection,
and the command runs under a memory limit and never prints a traceback.
"""

from __future__ import annotations

import json
import os
import re
import resource
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from teiedition.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "validate"
MANIFEST = json.loads((FIXTURES / "manifest.json").read_text(encoding="utf-8"))["files"]
TEIEDITION = [sys.executable, "-m", "teiedition.cli"]


def run_validate(*args: str):
    """Run ``teiedition validate`` in-process; return (exit code, stdout, stderr)."""
    result = CliRunner().invoke(main, ["validate", "--no-progress", *args])
    return result.exit_code, result.stdout, result.stderr


def run_validate_process(*args: str, cwd=None, memory_mb: int = 1536, timeout: int = 120):
    """Run the real command in a child process under a memory limit (bounded memory, no hang)."""

    def limit_memory():
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    env = {**os.environ, "CI": "1"}
    env.pop("TEIEDITION_DEBUG", None)
    return subprocess.run([*TEIEDITION, "validate", *args], capture_output=True, text=True,
                          cwd=cwd, env=env, preexec_fn=limit_memory, timeout=timeout)


def assert_answered(path: Path, code: int, out: str, err: str, *, exit: int, rules: list[str], message: str | None):
    """The expected exit code; the first problem line names the file, its rule and the expected words."""
    assert code == exit, f"{path.name}: exit {code}, expected {exit}\n{out}{err}"
    assert "Traceback" not in out + err
    lines = out.splitlines()
    if exit == 0:
        assert lines == ["1 file: 1 valid, 0 invalid, 0 unreadable (0 errors, 0 warnings)"]
        return
    first = lines[0]
    assert first.startswith(f"{path}:"), first
    assert f"[{rules[0]}]" in first, first
    assert re.search(message, first), f"{message!r} not in {first!r}"
    for rule in rules:
        assert f"[{rule}]" in out, f"{rule} not reported for {path.name}:\n{out}"


def test_fixture_set_has_at_least_25_files():
    assert len(MANIFEST) >= 25
    assert sorted(MANIFEST) == sorted(p.name for p in FIXTURES.glob("*.xml")
                                      if p.name not in ("minimal.xml", "house-example.xml"))


@pytest.mark.parametrize("name", sorted(MANIFEST))
def test_fixture_is_answered_as_documented(name):
    expected = MANIFEST[name]
    path = FIXTURES / name
    code, out, err = run_validate(str(path))
    assert_answered(path, code, out, err, exit=expected["exit"], rules=expected["rules"],
                    message=expected["message"])


def test_whole_fixture_folder_in_one_batch_gives_every_file_its_status():
    proc = run_validate_process(str(FIXTURES), "--format", "json", "-j", "2")
    assert "Traceback" not in proc.stderr
    assert proc.returncode == 2  # unreadable files present: the worst outcome wins
    by_name = {Path(f["path"]).name: f for f in json.loads(proc.stdout)["files"]}
    for name, expected in MANIFEST.items():
        status = {0: "valid", 1: "invalid", 2: "unreadable"}[expected["exit"]]
        assert by_name[name]["status"] == status, name


def test_file_over_the_size_limit_is_refused_without_reading_it(tmp_path):
    big = tmp_path / "big-50mb.xml"
    with open(big, "wb") as fh:
        fh.write(b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>')
        chunk = b"<p>" + b"word " * 2000 + b"</p>\n"
        for _ in range(50 * 1024 * 1024 // len(chunk) + 1):
            fh.write(chunk)
        fh.write(b"</body></text></TEI>")
    proc = run_validate_process(str(big), memory_mb=1024)
    assert proc.returncode == 2
    assert proc.stdout.startswith(f"{big}:1:1: error: file is 50.0 MB, over the 32 MB limit")
    assert "Traceback" not in proc.stderr


def test_twenty_thousand_levels_deep_is_refused(tmp_path):
    deep = tmp_path / "deep-20000.xml"
    deep.write_bytes(b'<TEI xmlns="http://www.tei-c.org/ns/1.0">' + b"<div>" * 20000 + b"</div>" * 20000 + b"</TEI>")
    proc = run_validate_process(str(deep), memory_mb=1024)
    assert proc.returncode == 2
    assert proc.stdout.startswith(f"{deep}:")
    assert "nested deeper than 256 levels" in proc.stdout
    assert "Traceback" not in proc.stderr


def test_external_entity_never_reads_the_secret(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT-4711")
    doc = tmp_path / "xxe.xml"
    doc.write_text(
        f'<!DOCTYPE TEI [<!ENTITY s SYSTEM "file://{secret}">]>'
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>&s;</p></body></text></TEI>')
    for fmt in ("text", "json", "junit"):
        proc = run_validate_process(str(doc), "--format", fmt)
        assert proc.returncode == 2
        assert "TOP-SECRET" not in proc.stdout + proc.stderr


class RecordingServer:
    """A local TCP server that counts connections: any fetch attempt would show up here."""

    def __init__(self):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self):
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self):
        self._stop.set()
        self._thread.join(2)
        self.sock.close()


@pytest.fixture
def server():
    srv = RecordingServer()
    yield srv
    srv.close()


def test_recording_server_notices_a_connection(server):
    """Control for the test below: a fetch attempt really would be counted."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=2):
        pass
    for _ in range(50):
        if server.connections:
            break
        threading.Event().wait(0.05)
    assert server.connections == 1


def test_no_network_access_for_any_kind_of_remote_reference(tmp_path, server):
    url = f"http://127.0.0.1:{server.port}"
    minimal = (FIXTURES / "minimal.xml").read_text(encoding="utf-8")
    head = '<?xml version="1.0" encoding="UTF-8"?>\n'
    docs = {
        "entity.xml": minimal.replace(head, head + f'<!DOCTYPE TEI [<!ENTITY r SYSTEM "{url}/e">]>\n')
                             .replace("has repeatedly", "&r; has repeatedly"),
        "param.xml": minimal.replace(head, head + f'<!DOCTYPE TEI [<!ENTITY % p SYSTEM "{url}/p.dtd"> %p;]>\n'),
        "dtd.xml": minimal.replace(head, head + f'<!DOCTYPE TEI SYSTEM "{url}/tei.dtd">\n'),
        "xinclude.xml": minimal.replace(
            '<p xml:id="p1">', f'<p xml:id="p1" xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="{url}/x"/>'),
        "hints.xml": minimal.replace(
            '<TEI xmlns="http://www.tei-c.org/ns/1.0"',
            f'<?xml-model href="{url}/m.rng"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0" '
            f'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            f'xsi:schemaLocation="http://www.tei-c.org/ns/1.0 {url}/s.xsd"'),
        "pointer.xml": minimal.replace('<p xml:id="p1">', f'<p xml:id="p1"><ref target="{url}/r">link</ref> '),
    }
    for name, text in docs.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    proc = run_validate_process(str(tmp_path), "-j", "2")
    assert "Traceback" not in proc.stderr
    assert server.connections == 0
    assert proc.returncode == 2


def test_folder_named_like_a_file_and_missing_file(tmp_path):
    (tmp_path / "folder.xml").mkdir()
    (tmp_path / "folder.xml" / "inside.xml").write_bytes((FIXTURES / "minimal.xml").read_bytes())
    code, out, err = run_validate(str(tmp_path / "folder.xml"), str(tmp_path / "nope.xml"))
    assert code == 2
    assert f"{tmp_path / 'nope.xml'}:1:1: error: no such file or folder [unreadable]" in out
    assert "1 valid" in out  # the folder is read as a folder: its file validates


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read anything")
def test_unreadable_permissions(tmp_path):
    locked = tmp_path / "locked.xml"
    locked.write_bytes((FIXTURES / "minimal.xml").read_bytes())
    locked.chmod(0)
    code, out, _ = run_validate(str(locked))
    assert code == 2
    assert out.startswith(f"{locked}:1:1: error: permission denied [unreadable]")


def test_pipe_or_device_is_refused_not_waited_on(tmp_path):
    fifo = tmp_path / "pipe.xml"
    os.mkfifo(fifo)
    proc = run_validate_process(str(fifo), "/dev/zero", timeout=60)
    assert proc.returncode == 2
    assert f"{fifo}:1:1: error: not a regular file (a device, pipe or socket); refused [unreadable]" in proc.stdout
    assert "/dev/zero:1:1: error: not a regular file" in proc.stdout


def test_a_hundred_thousand_broken_pointers_get_a_short_report_in_linear_time(tmp_path):
    """Bounded time and output: every check lists at most 1,000 problems, then says how many more."""
    minimal = (FIXTURES / "minimal.xml").read_text(encoding="utf-8")
    body = "".join(f'<p xml:id="p{i}" corresp="#missing{i}">x</p>\n' for i in range(1, 100_001))
    flat = tmp_path / "flat.xml"
    flat.write_text(minimal.replace('<p xml:id="p1">', '<p xml:id="p0">').replace("</body>", body + "</body>"),
                    encoding="utf-8")
    proc = run_validate_process(str(flat), memory_mb=1024, timeout=120)
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert len(lines) == 1002
    assert lines[0].startswith(f'{flat}:') and "[ptr-corresp]" in lines[0]
    assert "... and 99000 more problems found by this check, not listed" in lines[-2]


@pytest.mark.parametrize("shape, sibling", [
    ("notes", '<note type="translator" target="#p0">highlighted in the margin {i}</note>'),
    ("metamarks", '<metamark function="query" rend="question-mark" target="#m{i}"/>'),
    ("dates", '<date when="1969-02-30">30 February 1969, {i}</date>'),
])
def test_fifty_thousand_siblings_are_checked_in_linear_time(tmp_path, shape, sibling):
    """Schematron rule contexts have no predicates, so libxslt never counts siblings to match one."""
    minimal = (FIXTURES / "minimal.xml").read_text(encoding="utf-8")
    body = "<p>" + "".join(sibling.format(i=i) for i in range(50_000)) + "</p>"
    flat = tmp_path / f"flat-{shape}.xml"
    flat.write_text(minimal.replace('<p xml:id="p1">', '<p xml:id="p0">').replace("</body>", body + "</body>"),
                    encoding="utf-8")
    proc = run_validate_process(str(flat), memory_mb=1024, timeout=120)
    assert proc.returncode == 1
    assert "more problems found by this check, not listed" in proc.stdout
    assert len(proc.stdout.splitlines()) <= 2 * 1001 + 1
