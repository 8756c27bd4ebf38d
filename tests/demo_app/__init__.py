"""A stand-in app that plugs into the portal the way a new app does, through the registries only
(tests/test_app_registries.py), and records how seed_demo calls app hooks (tests/test_seed_demo.py).
Installed only by the `demo_app` fixture; it touches neither accounts nor labels."""
