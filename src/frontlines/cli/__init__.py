"""The click CLI: a thin layer over the library. Only the CLI exits or configures logging.

Commands live in their own modules under ``frontlines.cli`` and are imported lazily, so
``frontlines --help`` stays fast and one area's heavy imports don't slow another's commands.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import os
import sys

import click

from ..errors import FrontlinesError

#: command name -> "module:attribute" (module relative to frontlines.cli)
COMMANDS: dict[str, str] = {
    "extract": "extract:extract",
    "annotate": "extract:annotate",
    "schema": "extract:schema",
    "eval": "evaluate:evaluate",
    "bench": "bench:bench",
    "ingest": "store:ingest",
    "events": "store:events",
    "export": "store:export",
    "serve": "serve:serve",
    "dyads": "analytics:dyads",
    "factions": "analytics:factions",
    "ceasefires": "analytics:ceasefires",
    "watch": "analytics:watch",
    "plot": "analytics:plot",
    "geocode": "geocode:geocode",
}


def _available(spec: str) -> bool:
    module = spec.split(":")[0]
    return importlib.util.find_spec(f"{__name__}.{module}") is not None


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(name for name, spec in COMMANDS.items() if _available(spec))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        spec = COMMANDS.get(cmd_name)
        if spec is None or not _available(spec):
            return None
        module, attr = spec.split(":")
        return getattr(importlib.import_module(f"{__name__}.{module}"), attr)  # type: ignore[no-any-return]


@click.group(cls=LazyGroup)
@click.option("-v", "--verbose", count=True, help="More logging (-v info, -vv debug).")
@click.version_option(package_name="frontlines")
def cli(verbose: int) -> None:
    """frontlines: news reports to geocoded political and conflict event data."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    # trafilatura logs every page it declines at ERROR; frontlines reports bad documents itself
    logging.getLogger("trafilatura").setLevel(max(level, logging.CRITICAL if verbose < 2 else logging.DEBUG))


def main() -> None:
    # spaCy's matrix products go through numpy's OpenBLAS (resources.set_gemm); its threads only add CPU
    # time on these small products, and the CLI's own worker processes are the parallelism. Set before
    # any command module imports numpy; an explicit setting wins.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    try:
        cli(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except FrontlinesError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    except BrokenPipeError:
        sys.exit(0)
