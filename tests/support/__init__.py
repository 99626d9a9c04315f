"""Code the test folders share, and that the scripts (benchmarks, the day soak) use too.

Plain classes and functions, no fixtures: the fixtures live in the conftest files and build on
these. A test folder never imports another folder's conftest or test module; what two folders
need lives here.
"""
