"""The benchmarking sections of the dashboard: an organisation's position, the moderation queue."""

from accounts.models import Membership

from .benchmarks import benchmark_build
from .choices import NoteStatus
from .models import PracticeNote

ORGANISATIONS_SHOWN = 3


def position_load(request) -> dict | None:
    """For each of the user's organisations: how many indicators sit in each quarter of all organisations."""
    organisations = [
        m.organisation
        for m in Membership.objects.active()
        .filter(user=request.user)
        .select_related("organisation")
        .order_by("organisation__name")[:ORGANISATIONS_SHOWN]
    ]
    if not organisations:
        return None
    summaries = []
    for organisation in organisations:
        result = benchmark_build(organisation=organisation)
        ranks = [row.figures.percentile for row in result.rows if row.figures.percentile is not None]
        summaries.append(
            {
                "organisation": organisation,
                "compared": len(ranks),
                "top": sum(1 for r in ranks if r >= 75),
                "upper": sum(1 for r in ranks if 50 <= r < 75),
                "lower": sum(1 for r in ranks if 25 <= r < 50),
                "bottom": sum(1 for r in ranks if r < 25),
                "n": result.n,
                "has_decided": result.decided is not None,
            }
        )
    return {"summaries": summaries}


def moderation_load(request) -> dict:
    return {"waiting": PracticeNote.objects.filter(status=NoteStatus.PENDING).count()}
