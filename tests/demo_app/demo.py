"""Records each call, so the test can see what seed_demo hands to an app's demo hook."""

calls = []


def seed(rng, organisations, users):
    calls.append({"number": rng.random(), "organisations": organisations, "users": users})
