"""The ``teiedition`` command: a thin layer over the library.

Why: each command parses options, calls the library function of the same
name, and turns a ``TeiEditionError`` into one line on stderr and an exit
code (see ``errors``).  Heavy modules (lxml, saxonche, weasyprint) are
imported inside the commands so that ``teiedition --help`` starts fast.
"""

from __future__ import annotations

import errno
import functools
import os
import sys
import time
from pathlib import Path

import click

from . import __version__
from .errors import EXIT_INTERNAL, EXIT_UNREADABLE, TeiEditionError
from .review_calibration import THRESHOLD as REVIEW_THRESHOLD  # a constant: no heavy import


#: Errors of writing (disk full, quota, pipe closed, I/O): one line and exit 2, never "internal error".
WRITE_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EPIPE, errno.EIO})


def _write_failed(exc: OSError) -> None:
    """Say in one line that an output could not be written, keep the shutdown quiet, exit 2."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # what is left in the buffer goes nowhere, silently
    except (OSError, ValueError):
        pass
    click.echo(f"teiedition: error: cannot write the output: {exc.strerror or exc}", err=True)
    sys.exit(EXIT_UNREADABLE)


class CommandGroup(click.Group):
    """The ``teiedition`` group: a full disk or closed pipe on standard output is one line, exit 2."""

    def main(self, *args, **kwargs):
        try:
            try:
                return super().main(*args, **kwargs)
            finally:
                sys.stdout.flush()
        except OSError as exc:
            if exc.errno not in WRITE_ERRNOS:
                raise
            _write_failed(exc)


def reports_errors(func):
    """Run a command body; domain errors become one line and an exit code, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except TeiEditionError as exc:
            click.echo(f"teiedition: error: {exc}", err=True)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("teiedition: interrupted", err=True)
            sys.exit(130)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException, SystemExit):
            raise
        except OSError as exc:
            if exc.errno in WRITE_ERRNOS and not os.environ.get("TEIEDITION_DEBUG"):
                _write_failed(exc)
            if os.environ.get("TEIEDITION_DEBUG"):
                raise
            click.echo(f"teiedition: internal error: {type(exc).__name__}: {exc} "
                       "(set TEIEDITION_DEBUG=1 for a traceback)", err=True)
            sys.exit(EXIT_INTERNAL)
        except Exception as exc:  # a bug: say so in one line unless debugging
            if os.environ.get("TEIEDITION_DEBUG"):
                raise
            click.echo(
                f"teiedition: internal error: {type(exc).__name__}: {exc} "
                "(set TEIEDITION_DEBUG=1 for a traceback)",
                err=True,
            )
            sys.exit(EXIT_INTERNAL)

    return wrapper


@click.group(cls=CommandGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="teiedition")
def main() -> None:
    """TEI P5 editions of archival translations: convert, validate, render, build.

    Exit codes: 0 success, 1 invalid or failed document, 2 unreadable input or
    usage error, 3 internal error.

    Example: teiedition build seeds -o editions
    """


@main.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("-o", "--output", "output", type=click.Path(path_type=str),
              help="Output file (one source; default: standard output) or folder "
                   "(several sources or a folder; SOURCE.txt becomes SOURCE.xml).")
@click.option("--run-date", metavar="YYYY-MM-DD",
              help="Date recorded in revisionDesc (default: $SOURCE_DATE_EPOCH, else today in UTC). "
                   "Fix it for byte-identical reruns.")
@click.option("-q", "--quiet", is_flag=True, help="Do not print warnings.")
@click.option("--time-limit", "time_limit", type=click.FloatRange(min=0), default=300, show_default=True,
              metavar="SECONDS", help="Time one source may take; a slower one is not converted (exit 1) "
                                      "and the others are (0: no limit).")
@click.option("--review", "review", metavar="FILE.json", type=click.Path(path_type=str),
              help="Write the review report: per source, every line placed by a fallback or decided "
                   "with low certainty, with its line number, text, role and why; print "
                   "'SOURCE: review: N lines to check' for each source.")
@click.option("--review-threshold", "review_threshold", type=click.FloatRange(0, 1), default=None, metavar="0-1",
              help=f"List the decisions whose calibrated certainty is below this (default {REVIEW_THRESHOLD}; 1 lists every "
                   "candidate: more wrong facts found, more right lines to read).")
@reports_errors
def convert(sources, output, run_date, quiet, time_limit, review, review_threshold):
    """Convert archive plain-text pages to TEI P5 (see ENCODING.md).

    Reads UTF-8 (or UTF-16/32 with a BOM; Windows-1252 with a warning), any line
    ends. Exit 0 when every source converted (warnings may be printed), 2 when a
    source is unreadable, empty, binary or too large (the others still convert),
    3 on an internal error. Outputs are written whole or not at all.

    Example: teiedition convert seeds/000_fcc578db0f85cc6f.txt -o editions/000_fcc578db0f85cc6f.xml
    """
    from .convert import convert as convert_sources

    code = convert_sources(sources, output, run_date=run_date, quiet=quiet, time_limit=time_limit, review=review,
                           review_threshold=review_threshold)
    sys.exit(code)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--profile", type=click.Choice(["teiedition", "tei-all", "both", "none"]), default="teiedition",
              show_default=True, help="Which schemas to check against (none: only your --schema).")
@click.option("--schema", "schemas", multiple=True, type=click.Path(path_type=str),
              help="Your own schema (.xsd, .rng, .rnc, .sch or an ODD .odd); may be repeated.")
@click.option("--tei-all", "tei_all", envvar="TEIEDITION_TEI_ALL", type=click.Path(path_type=str),
              help="Another tei_all.rng (or set TEIEDITION_TEI_ALL); default: the TEI P5 4.12.0 copy shipped with teiedition.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "junit"]), default="text",
              show_default=True, help="Report format.")
@click.option("-j", "--jobs", type=int, default=0, help="Parallel workers (default: number of cores).")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on a terminal, off in CI).")
@reports_errors
def validate(paths, profile, schemas, tei_all, fmt, jobs, progress):
    """Validate TEI files (files, folders or globs) and report every problem.

    One line per problem: file:line:col: error|warning: message [rule-id].
    Exit 0 when all are valid, 1 when any is invalid, 2 when any is unreadable.

    Example: teiedition validate editions/*.xml --profile both --format json
    """
    from .validating.validate import validate as validate_paths

    code = validate_paths(paths, profile=profile, schemas=schemas, tei_all=tei_all,
                          fmt=fmt, jobs=jobs, progress=progress)
    sys.exit(code)


@main.command()
@click.argument("odd", type=click.Path(path_type=str))
@click.option("-o", "--output", "output", required=True, type=click.Path(path_type=str),
              help="Folder to write NAME.rng and NAME.isosch into.")
@click.option("--no-cache", "no_cache", is_flag=True, help="Compile again even if a cached result exists.")
@reports_errors
def schema(odd, output, no_cache):
    """Compile a TEI ODD to RELAX NG and ISO Schematron (for jing, Oxygen, or --schema).

    Uses the TEI Stylesheets' odd2odd, odd2relax and extract-isosch, run by
    saxonche against the shipped p5subset.xml; results are cached.

    Example: teiedition schema project.odd -o schemas/
    """
    from .validating.odd import write_schemas

    for path in write_schemas(odd, output, use_cache=not no_cache):
        click.echo(str(path))


@main.command()
@click.argument("source", type=click.Path(path_type=str))
@click.option("--to", "target", type=click.Choice(["html", "pdf", "epub", "iiif"]), default=None,
              help="Output format (default: from the output's extension, .pdf, .epub, .json (iiif) or .html; "
                   "else html). iiif: a IIIF Presentation 3 manifest of the page images (needs --base-url). "
                   "A contradiction (--to pdf -o y.html) is refused.")
@click.option("-o", "--output", "output", type=click.Path(path_type=str), help="Output file.")
@click.option("--paper", type=click.Choice(["a4", "letter"]), default="a4", show_default=True,
              help="PDF page size.")
@click.option("--notes", type=click.Choice(["footnotes", "endnotes"]), default="footnotes",
              show_default=True, help="PDF: translator's notes at the foot of the page or at the end.")
@click.option("--pdf-variant", "pdf_variant", type=click.Choice(["ua", "a"]), default="ua", show_default=True,
              help="PDF: ua = PDF/UA-1 (tagged, accessible); a = PDF/A-3a for archives (tagged, "
                   "sRGB output intent) that also declares PDF/UA-1.")
@click.option("--base-url", "base_url", envvar="TEIEDITION_BASE_URL", metavar="URL",
              help="HTML: the address of the folder the page is published in (permanent URL, canonical link); "
                   "iiif: the address the manifest, TEI and images are published at.")
@click.option("--time-limit", "time_limit", type=click.FloatRange(min=0), default=300, show_default=True,
              metavar="SECONDS", help="Time the rendering may take; past it nothing is written, exit 1 (0: no limit).")
@reports_errors
def render(source, target, output, paper, notes, pdf_variant, base_url, time_limit):
    """Render a TEI file as an HTML edition, a print edition (PDF) or an e-book (EPUB 3).

    Example: teiedition render editions/000_fcc578db0f85cc6f.xml --to html -o editions/000_fcc578db0f85cc6f.html
    """
    from .rendering.render import render as render_file

    code = render_file(source, target=target, output=output, paper=paper, notes=notes, pdf_variant=pdf_variant,
                       base_url=base_url, time_limit=time_limit)
    sys.exit(code)


@main.command()
@click.argument("source", required=False, default="seeds", type=click.Path(path_type=str))
@click.option("-o", "--output", "output", default="editions", show_default=True,
              type=click.Path(path_type=str), help="Output folder.")
@click.option("-j", "--jobs", type=int, default=0, help="Parallel workers (default: number of cores).")
@click.option("--force", is_flag=True, help="Rebuild every document, even unchanged ones.")
@click.option("--pdf/--no-pdf", default=True, show_default=True, help="Also make the print edition.")
@click.option("--epub/--no-epub", default=False, show_default=True, help="Also make the e-book (EPUB 3).")
@click.option("--run-date", metavar="YYYY-MM-DD", help="Date recorded in revisionDesc.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on a terminal, off in CI).")
@click.option("--time-limit", "time_limit", type=click.FloatRange(min=0), default=300, show_default=True,
              metavar="SECONDS", help="Time one document may take; a slower one fails as 'file: reason' "
                                      "and the others are built (0: no limit).")
@click.option("--executor", type=click.Choice(["local", "dask"]), default=None,
              help="Where documents are built: local processes (default) or Dask distributed.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Dask scheduler, e.g. tcp://10.0.0.5:8786 (implies --executor dask; "
                   "without it --executor dask starts a local cluster of -j workers).")
@click.option("--base-url", "base_url", envvar="TEIEDITION_BASE_URL", metavar="URL", default=None,
              help="Where OUTPUT is published (https://host/path/ or /path/): the DTS API's base (default /) "
                   "and, for an http(s) URL, each page's permanent URL and canonical link, as render's.")
@reports_errors
def build(source, output, jobs, force, pdf, epub, run_date, progress, time_limit, executor, scheduler, base_url):
    """Build a folder of sources into a folder of editions (TEI, report, HTML, PDF, index).

    For each SOURCE/NAME.txt: NAME.xml (TEI), NAME.validation.json, NAME.html,
    NAME.pdf, NAME.epub (with --epub), citation exports (NAME.csl.json, NAME.ris,
    NAME.bib).  A SOURCE/NAME.xml is an existing TEI document: published as it
    is (validated against TEI P5, rendered, not converted).  For the
    collection: index.html (with full-text search in assets/), catalogue.json,
    catalogue.csv, entities/ (a page per person, organisation, place) and dts/
    (a static DTS 1.0 API).
    Only documents whose source, the package or a stylesheet/schema changed
    are rebuilt (--force rebuilds all); outputs of removed sources are deleted.
    Exit 0 when all are valid, 1 when any failed or is invalid, 2 on bad input.

    Example: teiedition build seeds -o editions
    """
    from .building.unchanged import Summary, check_build, options_stamp  # lazy: start-up speed

    started = time.monotonic()
    if executor is None:
        executor = "dask" if scheduler else "local"
    formats = ("epub",) if epub else ()
    check = None
    if not force:  # nothing to build: answered from the manifest and the stats alone (building/unchanged.py)
        stamp = options_stamp(source, pdf=pdf, formats=formats, run_date=run_date, base_url=base_url,
                              executor=executor, scheduler=scheduler)
        check = check_build(Path(source), Path(output), stamp)
        if check.count is not None:
            click.echo(Summary(unchanged=check.count, seconds=time.monotonic() - started).line(), err=True)
            sys.exit(0)
    from .building.build import build as build_collection  # lazy: start-up speed

    code = build_collection(source, output, jobs=jobs, force=force, pdf=pdf,
                            run_date=run_date, progress=progress, time_limit=time_limit,
                            executor=executor, scheduler=scheduler, base_url=base_url,
                            formats=formats, check=check)
    sys.exit(code)


if __name__ == "__main__":  # pragma: no cover
    main()
