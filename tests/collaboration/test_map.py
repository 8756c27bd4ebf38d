"""The server-drawn map: counts per country, links to the filtered directory, the text table, the cache."""

from collaboration.europe_map import europe_map, geometry, legend, shade
from tests.factories import OrganisationFactory

URL = "/collaboration/map/"


def test_the_bundled_geometry_has_the_countries_of_europe():
    codes = {shape["code"] for shape in geometry()["countries"]}
    assert {"DE", "FR", "ES", "MT", "IS", "CY", "TR", "UA", "NO", "GB"} <= codes


def test_each_country_with_organisations_links_to_its_part_of_the_directory(client, org_a, org_b):
    content = client.get(URL).content.decode()
    assert 'href="/collaboration/organisations/?country=DE"' in content
    assert 'class="country shade-5"' in content
    svg = content[content.index("<svg") : content.index("</svg>")]
    assert "<script" not in svg and "style=" not in svg  # drawn on the server, within the CSP


def test_the_table_lists_the_same_counts_for_screen_readers(client, org_a, org_b):
    OrganisationFactory(name="Gamma Cluster", country="FR", region="Brittany")
    content = client.get(URL).content.decode()
    assert '<th scope="col">Organisations</th>' in content
    assert "Brittany (1)" in content
    assert 'aria-hidden="true"' in content  # the SVG is decoration: the table carries the meaning


def test_the_map_is_cached_until_the_data_changes(org_a, django_assert_num_queries):
    europe_map()
    with django_assert_num_queries(1):  # the data version only
        cached = europe_map()
    assert cached["total"] == 1

    OrganisationFactory(name="Delta Cluster", country="PL")

    assert europe_map()["total"] == 2


def test_shades_grow_logarithmically_and_the_legend_covers_every_count():
    assert shade(0, 100) == 0
    assert shade(1, 100) == 1
    assert shade(100, 100) == 5
    rows = legend(100)
    assert rows[0][1] == 1 and rows[-1][2] == 100
    for (_s, _low, high), (_s2, low2, _high2) in zip(rows, rows[1:], strict=False):
        assert low2 == high + 1


def test_the_api_gives_the_map_figures(api_client, org_a, org_b):
    data = api_client.get("/api/directory/map/").json()
    assert {row["country"]: row["organisations"] for row in data} == {"DE": 1, "FR": 1}
    assert data[0]["regions"][0]["region"] == "Bavaria"
