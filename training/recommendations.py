"""Recommendations: the modules and case studies linked to an organisation's red and yellow indicators,
each with the reason ("because your rating on T2 Action plan and monitoring is yellow")."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from labels.selectors import WeakIndicator, Weaknesses, latest_weaknesses

from .models import CaseStudy, CaseStudyIndicator, LessonIndicator, Module

SHOWN = 6
RATING_WORDS = {"red": lambda: _("red"), "yellow": lambda: _("yellow")}


def reason_text(weak: WeakIndicator) -> str:
    return _("Because your rating on %(code)s %(title)s is %(rating)s.") % {
        "code": weak.code,
        "title": weak.title,
        "rating": RATING_WORDS[weak.rating](),
    }


@dataclass
class Recommendation:
    """A module or a case study, and the weak indicators it helps with."""

    kind: str  # "module" or "case_study"
    item: Module | CaseStudy
    reasons: list[WeakIndicator] = field(default_factory=list)

    @property
    def reason_texts(self) -> list[str]:
        return [reason_text(weak) for weak in self.reasons]

    @property
    def reason_summary(self) -> str:
        """All reasons in one line, for pages that list several recommendations."""
        ratings = ", ".join(
            _("%(code)s %(title)s (%(rating)s)")
            % {"code": weak.code, "title": weak.title, "rating": RATING_WORDS[weak.rating]()}
            for weak in self.reasons
        )
        return _("Helps with your ratings on %(ratings)s.") % {"ratings": ratings}

    @property
    def has_red(self) -> bool:
        return any(weak.rating == "red" for weak in self.reasons)


def recommendations_for(weaknesses: Weaknesses, *, limit: int = SHOWN) -> list[Recommendation]:
    """What helps with the weak indicators, red ones first, then the items that help with the most."""
    by_key = {weak.key: weak for weak in weaknesses.indicators}
    if not by_key:
        return []
    found: dict[tuple[str, int], Recommendation] = {}
    module_links = LessonIndicator.objects.filter(
        indicator_key__in=list(by_key), lesson__module__is_published=True
    ).values_list("lesson__module_id", "indicator_key")
    case_links = CaseStudyIndicator.objects.filter(
        indicator_key__in=list(by_key), case_study__is_published=True
    ).values_list("case_study_id", "indicator_key")
    for kind, links in (("module", module_links), ("case_study", case_links)):
        for item_id, key in links:
            reasons = found.setdefault((kind, item_id), Recommendation(kind, None)).reasons
            if by_key[key] not in reasons:
                reasons.append(by_key[key])
    modules = Module.objects.in_bulk([i for k, i in found if k == "module"])
    cases = CaseStudy.objects.in_bulk([i for k, i in found if k == "case_study"])
    for (kind, item_id), recommendation in found.items():
        recommendation.item = modules.get(item_id) if kind == "module" else cases.get(item_id)
    order = list(by_key)  # red first, then catalogue order
    for recommendation in found.values():
        recommendation.reasons.sort(key=lambda weak: order.index(weak.key))
    ranked = sorted(
        (r for r in found.values() if r.item is not None),
        key=lambda r: (not r.has_red, -len(r.reasons), r.kind != "module", order.index(r.reasons[0].key)),
    )
    return ranked[:limit]


def organisation_recommendations(organisation_ids) -> dict[int, tuple[Weaknesses, list[Recommendation]]]:
    """By organisation id: its weaknesses and what helps (organisations without a decided assessment left out)."""
    return {
        org_id: (weaknesses, recommendations_for(weaknesses))
        for org_id, weaknesses in latest_weaknesses(organisation_ids).items()
    }
