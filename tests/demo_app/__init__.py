"""A stand-in app whose demo.py records how seed_demo calls app hooks (tests/test_seed_demo.py)."""
