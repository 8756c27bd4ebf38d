"""The public page of the current indicator catalogue."""

from django.shortcuts import render

from clusterexcellence.page_cache import public_page
from labels.choices import Level
from labels.models import Framework


@public_page(version=Framework.objects.current_version)
def catalogue(request):
    """Areas, indicators and label rules of the current framework; public, three queries (served
    from the cache to anonymous visitors while the current framework stays the same)."""
    framework = Framework.objects.with_catalogue().current()
    context = {"framework": framework}
    if framework is not None:
        areas = list(framework.areas.all())
        indicators = [indicator for area in areas for indicator in area.indicators.all()]
        context |= {
            "areas": areas,
            "indicator_count": len(indicators),
            "gold_count": sum(1 for i in indicators if i.is_gold),
            "gold_points": sum(i.points for i in indicators if i.is_gold),
            "minimum_count": sum(1 for i in indicators if i.is_minimum),
            "eligibility_count": sum(1 for i in indicators if i.is_eligibility),
            "bronze": framework.level_rules(Level.BRONZE),
            "silver": framework.level_rules(Level.SILVER),
            "gold": framework.level_rules(Level.GOLD),
        }
    return render(request, "labels/catalogue.html", context)
