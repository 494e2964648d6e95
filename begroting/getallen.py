"""Amounts as people type them; the grid and the import use the same rules (config.bedragen)."""

from config.bedragen import OngeldigBedrag, als_euro, lees_bedrag, schrijf_bedrag

__all__ = ["OngeldigBedrag", "als_euro", "lees_bedrag", "schrijf_bedrag"]
