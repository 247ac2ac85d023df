"""Offline geocoding: a GeoNames gazetteer in SQLite, toponym finding and place resolution."""
