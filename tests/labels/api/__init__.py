"""Tests of the assessment API, one module per endpoint, plus the journeys through it."""
