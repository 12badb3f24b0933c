"""The seed catalogue: human-editable TOML files in data/ and the loader that reads them."""

from seed.loader import SeedError, SeedReport, load_seed_files, seed_catalogue

__all__ = ["SeedError", "SeedReport", "load_seed_files", "seed_catalogue"]
