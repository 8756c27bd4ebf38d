"""The status quo: for every indicator of the current catalogue, the modules and case studies that help."""

from collections import defaultdict
from dataclasses import dataclass

from labels.selectors import IndicatorInfo, current_indicators

from .models import CaseStudy, CaseStudyIndicator, LessonIndicator, Module


@dataclass(frozen=True)
class IndicatorHelp:
    indicator: IndicatorInfo
    modules: list[Module]
    case_studies: list[CaseStudy]


def indicator_help() -> list[IndicatorHelp]:
    """Every current indicator with what helps with it, in catalogue order (five queries in all)."""
    indicators = current_indicators()
    keys = [indicator.key for indicator in indicators]
    module_ids, case_ids = defaultdict(list), defaultdict(list)
    for key, module_id in (
        LessonIndicator.objects.filter(indicator_key__in=keys, lesson__module__is_published=True)
        .values_list("indicator_key", "lesson__module_id")
        .distinct()
    ):
        module_ids[key].append(module_id)
    for key, case_id in CaseStudyIndicator.objects.filter(
        indicator_key__in=keys, case_study__is_published=True
    ).values_list("indicator_key", "case_study_id"):
        case_ids[key].append(case_id)
    modules = Module.objects.in_bulk({i for ids in module_ids.values() for i in ids})
    cases = CaseStudy.objects.in_bulk({i for ids in case_ids.values() for i in ids})
    return [
        IndicatorHelp(
            indicator=indicator,
            modules=sorted((modules[i] for i in module_ids[indicator.key]), key=lambda m: (m.position, m.pk)),
            case_studies=sorted((cases[i] for i in case_ids[indicator.key]), key=lambda c: (c.position, c.pk)),
        )
        for indicator in indicators
    ]


def indicator_titles() -> dict[str, IndicatorInfo]:
    """The current indicators by key, to name the links of a lesson or case study."""
    return {indicator.key: indicator for indicator in current_indicators()}
