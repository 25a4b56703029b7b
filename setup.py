"""The one thing pyproject.toml cannot say: the optional native helper for reading pages in bulk.

`optional=True`: where it does not build (no C compiler or Python headers), the install goes on
and extractor reads pages through ctypes with the same output (extractor/readers/pdf/bulk.py).
"""

from setuptools import Extension, setup

# no fused multiply-adds: points are placed with the same roundings as the fallback's Python floats
NATIVE = Extension(
    "extractor.readers.pdf._bulk",
    ["extractor/readers/pdf/_bulk.c"],
    extra_compile_args=["-ffp-contract=off", "-Wall"],
    optional=True,
)
setup(ext_modules=[NATIVE])
