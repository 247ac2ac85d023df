"""Faction analytics over event dicts (the JSON contract): dyad series (dyads.py), the alignment
network and factions (factions.py), the ceasefire monitor (ceasefire.py), the watch loop that
turns them into alerts (watch.py) and plots (plots.py)."""
