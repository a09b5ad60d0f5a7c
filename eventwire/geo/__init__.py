"""Geography: the GeoNames gazetteer (built once into an on-disk index) and its name keys."""
from .gazetteer import Candidate, Entry, Gazetteer, cache_dir, ensure_index, get_gazetteer, index_path
from .names import fold

__all__ = ["Candidate", "Entry", "Gazetteer", "cache_dir", "ensure_index", "fold", "get_gazetteer", "index_path"]
