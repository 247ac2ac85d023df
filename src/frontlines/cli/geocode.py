"""``geocode``: look one place name up in the offline gazetteer."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..errors import ResourceMissing


@click.command("geocode")
@click.argument("name")
@click.option("--country", help="ISO3 (or ISO2) country to prefer, e.g. IRQ.")
@click.option("--limit", type=int, default=5, show_default=True, help="How many candidates to list.")
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Folder holding gazetteer.sqlite (default ./data or $FRONTLINES_DATA).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def geocode(name: str, country: str | None, limit: int, data_dir: Path | None, fmt: str) -> None:
    """Candidates for place NAME, best first (GeoNames id, coordinates, country, precision)."""
    from ..geo.gazetteer import ACLED_PRECISION, open_default
    from ..geo.resolve import Resolver
    from ..resources import Settings

    settings = Settings() if data_dir is None else Settings(data_dir=data_dir)
    gaz = open_default(settings)
    if gaz is None:
        raise ResourceMissing(f"no gazetteer under {settings.data_dir}; run `make setup` "
                              "(python -m frontlines.geo.build)")
    if country and gaz.country(country) is None:
        raise click.BadParameter(f"unknown country code {country!r}", param_hint="--country")
    ranked = Resolver(gaz, country_bias=country).rank(name, limit=limit)
    rows = [{"geonames_id": c.gid, "name": c.name, "lat": c.lat, "lon": c.lon, "country": c.iso3,
             "admin1": c.admin1_name, "feature": c.feature, "precision": c.precision,
             "acled_geo_precision": ACLED_PRECISION.get(c.precision), "population": c.population, "score": s}
            for s, c in ranked]
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False))
        return
    if not rows:
        click.echo(f"no match for {name!r}")
        return
    for r in rows:
        click.echo(f"{r['geonames_id']:>9}  {r['name']:<28} {r['country'] or '-':<4} {r['feature']:<5} "
                   f"{r['lat']!s:>9} {r['lon']!s:>10}  {r['admin1'] or '':<22} score {r['score']}")
