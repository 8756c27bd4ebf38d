"""Tests of the labels pages, one module per view."""
