"""The versioned indicator catalogue: frameworks, their areas and indicators.

The catalogue is data (imported from YAML, editable in admin while a draft), never code: an
assessment is scored against the framework version it was started with.
"""

import time
from decimal import Decimal

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from labels.choices import Direction, FrameworkStatus, IndicatorKind, Level

SCALE_STEPS = 5  # a scale runs from 0 to 4, one descriptor per step
TRANSLATABLE_FIELDS = ("title", "question", "evidence", "unit", "levels")

# Which keys each level of the `labels:` block holds; all of them are required.
LEVEL_RULE_KEYS = {
    Level.BRONZE: ("validity_months", "assessors"),
    Level.SILVER: ("validity_months", "assessors", "improvement_areas", "previous_bronze_months"),
    Level.GOLD: ("validity_months", "assessors", "min_score_percent"),
}


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def _plain(value: Decimal | None) -> Decimal | None:
    """15.000 → 15 and 0.500 → 0.5, so thresholds print as people write them."""
    if value is None:
        return None
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def indicator_threshold_errors(*, kind, direction, yellow, green, levels) -> list[tuple[str, str]]:
    """(field, message) pairs for thresholds and scale levels that do not fit the kind and direction.

    Shared by the importer and Indicator.clean() so both apply the same rules."""
    errors: list[tuple[str, str]] = []
    for field, value in (("yellow", yellow), ("green", green)):
        if value is None:
            continue
        if kind == IndicatorKind.PERCENT and not 0 <= value <= 100:
            errors.append((field, _g("must be between 0 and 100 for kind 'percent'")))
        elif kind == IndicatorKind.BOOLEAN and value not in (0, 1):
            errors.append((field, _g("must be 0 or 1 for kind 'boolean'")))
        elif kind == IndicatorKind.SCALE and not 0 <= value <= SCALE_STEPS - 1:
            errors.append((field, _g("must be between 0 and 4 for kind 'scale'")))
        elif kind == IndicatorKind.SCALE and value != int(value):
            errors.append((field, _g("must be a whole step from 0 to 4 for kind 'scale'")))
        elif kind == IndicatorKind.INTEGER and value != int(value):
            errors.append((field, _g("must be a whole number for kind 'integer'")))
    if kind == IndicatorKind.BOOLEAN and direction == Direction.LOWER:
        # A boolean is rated green for yes and red for no, so "less is better" has no meaning.
        errors.append(("direction", _g("must be 'higher' for kind 'boolean'")))
    elif not errors and yellow is not None and green is not None:
        if direction == Direction.HIGHER and green < yellow:
            errors.append(
                ("green", _g("must be at least 'yellow' (%(yellow)s) for direction 'higher'") % {"yellow": yellow})
            )
        elif direction == Direction.LOWER and green > yellow:
            errors.append(
                ("green", _g("must be at most 'yellow' (%(yellow)s) for direction 'lower'") % {"yellow": yellow})
            )
    if kind == IndicatorKind.SCALE:
        if (
            not isinstance(levels, list)
            or len(levels) != SCALE_STEPS
            or not all(isinstance(text, str) and text.strip() for text in levels)
        ):
            count = len(levels) if isinstance(levels, list) else 0
            errors.append(
                (
                    "levels",
                    _g("must list exactly 5 step descriptors (0 to 4) for kind 'scale', got %(count)s")
                    % {"count": count},
                )
            )
    elif levels:
        errors.append(("levels", _g("is only allowed for kind 'scale'")))
    return errors


def indicator_points_errors(*, is_gold, points) -> list[tuple[str, str]]:
    """Gold indicators carry the points of the Gold score; the others carry none."""
    if not _is_int(points) or points < 0:
        return [("points", _g("must be a whole number of at least 0"))]
    if is_gold and points == 0:
        return [("points", _g("must be greater than 0 for a gold indicator"))]
    if not is_gold and points > 0:
        return [("points", _g("must be 0 when 'gold' is false"))]
    return []


def label_rules_errors(rules) -> list[str]:
    """Messages for a `labels:` block that is not well-formed, each naming the level and field."""
    if not isinstance(rules, dict):
        return [_g("must be a mapping of bronze, silver, gold and renewal_window_months")]
    errors = []
    allowed = {*LEVEL_RULE_KEYS, "renewal_window_months"}
    errors += [_g("unknown key '%(key)s'") % {"key": key} for key in rules if key not in allowed]
    for level, keys in LEVEL_RULE_KEYS.items():
        block = rules.get(level)
        if not isinstance(block, dict):
            errors.append(_g("%(level)s: is required and must be a mapping") % {"level": level})
            continue

        def problem(field, message, level=level):
            errors.append(f"{level}: " + _g("field '%(field)s' %(message)s") % {"field": field, "message": message})

        for key in block:
            if key not in keys:
                problem(key, _g("is not allowed here"))
        for key in keys:
            if key not in block:
                problem(key, _g("is required"))
        for key in ("validity_months", "assessors"):
            if key in block and (not _is_int(block[key]) or block[key] < 1):
                problem(key, _g("must be a whole number of at least 1"))
        if "improvement_areas" in block and (not _is_int(block["improvement_areas"]) or block["improvement_areas"] < 1):
            problem("improvement_areas", _g("must be a whole number of at least 1"))
        if "previous_bronze_months" in block:
            pair = block["previous_bronze_months"]
            if not (isinstance(pair, list) and len(pair) == 2 and all(_is_int(v) and v >= 0 for v in pair)):
                problem("previous_bronze_months", _g("must be a [min, max] pair of whole months"))
            elif pair[0] > pair[1]:
                problem("previous_bronze_months", _g("must have min <= max"))
        if "min_score_percent" in block:
            value = block["min_score_percent"]
            if not _is_number(value) or not 0 <= value <= 100:
                problem("min_score_percent", _g("must be between 0 and 100"))
    window = rules.get("renewal_window_months")
    if window is None:
        errors.append(_g("field 'renewal_window_months' is required"))
    elif not _is_int(window) or window < 0:
        errors.append(_g("field 'renewal_window_months' must be a whole number of at least 0"))
    return errors


class TranslatedTextMixin:
    """Texts in the current language from `translations` ({"de": {"title": ...}}), else the base text."""

    def localized(self, field: str):
        base = getattr(self, field, "")
        translations = self.translations if isinstance(self.translations, dict) else {}
        language = (get_language() or "").lower()
        texts = translations.get(language) or translations.get(language.split("-")[0]) or {}
        value = texts.get(field) if isinstance(texts, dict) else None
        if field == "levels" and (not isinstance(value, list) or len(value) != len(base or [])):
            return base
        return value or base

    @property
    def title_i18n(self):
        return self.localized("title")

    @property
    def question_i18n(self):
        return self.localized("question")

    @property
    def evidence_i18n(self):
        return self.localized("evidence")

    @property
    def unit_i18n(self):
        return self.localized("unit")

    @property
    def levels_i18n(self):
        return self.localized("levels")


CURRENT_VERSION_KEY = "labels:catalogue:current-version"
CURRENT_VERSION_SECONDS = 2
_current_version: tuple[str | None, float] = (None, 0.0)  # this process's copy and when it was read


def current_version_forget() -> None:
    global _current_version
    _current_version = (None, 0.0)
    cache.delete(CURRENT_VERSION_KEY)


class FrameworkQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=FrameworkStatus.PUBLISHED)

    def current(self):
        """The most recently published framework, or None before the first publication."""
        return self.published().order_by("-published_at", "-pk").first()

    def current_version(self) -> str:
        """What identifies the current catalogue's content: a published framework never changes, so
        only the next publication changes this. Keys the caches of public pages.

        Read from the database at most every CURRENT_VERSION_SECONDS and kept both in the cache
        and in this process's memory for that long (a query, or a round trip to Redis, per request
        costs public pages a third to half of their throughput): framework_publish forgets it, so
        the process that publishes sees a new version at the next request, any other process
        within those seconds."""
        global _current_version
        version, read_at = _current_version
        if version is not None and time.monotonic() - read_at < CURRENT_VERSION_SECONDS:
            return version
        version = cache.get(CURRENT_VERSION_KEY)
        if version is None:
            found = self.published().order_by("-published_at", "-pk").values_list("pk", "published_at").first()
            version = f"{found[0]}@{found[1].timestamp()}" if found else "none"
            cache.set(CURRENT_VERSION_KEY, version, CURRENT_VERSION_SECONDS)
        _current_version = (version, time.monotonic())
        return version

    def visible_to(self, user):
        """Published and superseded versions are public; drafts only for staff."""
        if user.is_authenticated and user.is_staff:
            return self
        return self.exclude(status=FrameworkStatus.DRAFT)

    def with_catalogue(self):
        """Prefetch areas and their indicators in order: three queries for any size of catalogue."""
        return self.prefetch_related(
            models.Prefetch(
                "areas",
                queryset=Area.objects.order_by("position").prefetch_related(
                    models.Prefetch("indicators", queryset=Indicator.objects.order_by("position"))
                ),
            )
        )


class Framework(TranslatedTextMixin, models.Model):
    """One version of the indicator catalogue with the rules of each label level."""

    code = models.SlugField(_("code"), max_length=64)
    version = models.CharField(_("version"), max_length=32)
    title = models.CharField(_("title"), max_length=200)
    status = models.CharField(_("status"), max_length=16, choices=FrameworkStatus, default=FrameworkStatus.DRAFT)
    rules = models.JSONField(_("label rules"), default=dict, help_text=_("The `labels:` block of the catalogue file."))
    translations = models.JSONField(_("translations"), default=dict, blank=True)
    imported_at = models.DateTimeField(_("imported at"), default=timezone.now)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    objects = FrameworkQuerySet.as_manager()

    class Meta:
        verbose_name = _("framework")
        verbose_name_plural = _("frameworks")
        ordering = ["code", "-imported_at"]
        constraints = [models.UniqueConstraint(fields=["code", "version"], name="labels_framework_code_version")]

    def __str__(self):
        return f"{self.title} ({self.version})"

    def clean(self):
        errors = label_rules_errors(self.rules)
        if errors:
            raise ValidationError({"rules": errors})

    @property
    def is_editable(self) -> bool:
        return self.status == FrameworkStatus.DRAFT

    def level_rules(self, level) -> dict:
        """The rules of one level, e.g. {"validity_months": 24, "assessors": 2, "min_score_percent": 80}."""
        rules = self.rules.get(str(level)) if isinstance(self.rules, dict) else None
        return dict(rules or {})

    @property
    def renewal_window_months(self) -> int:
        return int(self.rules.get("renewal_window_months", 12))


class Area(TranslatedTextMixin, models.Model):
    """A group of indicators, such as governance or financing."""

    framework = models.ForeignKey(
        Framework, on_delete=models.CASCADE, related_name="areas", verbose_name=_("framework")
    )
    code = models.CharField(_("code"), max_length=16)
    title = models.CharField(_("title"), max_length=200)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    translations = models.JSONField(_("translations"), default=dict, blank=True)

    class Meta:
        verbose_name = _("area")
        verbose_name_plural = _("areas")
        ordering = ["position", "pk"]
        constraints = [models.UniqueConstraint(fields=["framework", "code"], name="labels_area_framework_code")]

    def __str__(self):
        return f"{self.code} {self.title}"


# The longest question or evidence text an indicator may have (the catalogue import checks it too).
TEXT_MAX_LENGTH = 2000


class Indicator(TranslatedTextMixin, models.Model):
    """One question with its thresholds for yellow and green and its role in the label rules."""

    framework = models.ForeignKey(
        Framework, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("framework")
    )
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("area"))
    code = models.CharField(_("code"), max_length=16)
    title = models.CharField(_("title"), max_length=200)
    question = models.TextField(
        _("question"), max_length=TEXT_MAX_LENGTH, validators=[MaxLengthValidator(TEXT_MAX_LENGTH)]
    )
    kind = models.CharField(_("kind"), max_length=16, choices=IndicatorKind)
    unit = models.CharField(_("unit"), max_length=64, blank=True)
    direction = models.CharField(_("direction"), max_length=8, choices=Direction, default=Direction.HIGHER)
    yellow = models.DecimalField(_("yellow from"), max_digits=12, decimal_places=3)
    green = models.DecimalField(_("green from"), max_digits=12, decimal_places=3)
    levels = models.JSONField(_("scale steps"), default=list, blank=True, help_text=_("Five descriptors, step 0 to 4."))
    is_minimum = models.BooleanField(_("minimum requirement"), default=False)
    is_eligibility = models.BooleanField(_("eligibility criterion"), default=False)
    is_gold = models.BooleanField(_("counts towards Gold"), default=False)
    points = models.PositiveSmallIntegerField(_("Gold points"), default=0)
    evidence = models.TextField(
        _("expected evidence"), blank=True, max_length=TEXT_MAX_LENGTH, validators=[MaxLengthValidator(TEXT_MAX_LENGTH)]
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    translations = models.JSONField(_("translations"), default=dict, blank=True)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["area__position", "position", "pk"]
        constraints = [models.UniqueConstraint(fields=["framework", "code"], name="labels_indicator_framework_code")]

    def __str__(self):
        return f"{self.code} {self.title}"

    def clean(self):
        errors: dict[str, list[str]] = {}
        for field, message in indicator_threshold_errors(
            kind=self.kind, direction=self.direction, yellow=self.yellow, green=self.green, levels=self.levels
        ) + indicator_points_errors(is_gold=self.is_gold, points=self.points):
            errors.setdefault(field, []).append(message)
        if self.area_id and self.framework_id and self.area.framework_id != self.framework_id:
            errors.setdefault("area", []).append(_g("must belong to the same framework"))
        if errors:
            raise ValidationError(errors)

    @property
    def yellow_value(self):
        return _plain(self.yellow)

    @property
    def green_value(self):
        return _plain(self.green)


def framework_summary(framework: Framework) -> dict:
    """Counts that describe a catalogue: areas, indicators, gold indicators and points, flags."""
    indicators = list(framework.indicators.all())
    return {
        "areas": framework.areas.count(),
        "indicators": len(indicators),
        "gold": sum(1 for i in indicators if i.is_gold),
        "gold_points": sum(i.points for i in indicators if i.is_gold),
        "minimum": sum(1 for i in indicators if i.is_minimum),
        "eligibility": sum(1 for i in indicators if i.is_eligibility),
    }


@transaction.atomic
def framework_publish(framework: Framework) -> Framework:
    """Publish a draft; the version published before it under the same code becomes superseded."""
    locked = Framework.objects.select_for_update().get(pk=framework.pk)
    if locked.status != FrameworkStatus.DRAFT:
        raise ValidationError(
            _g("Only a draft can be published; %(framework)s is %(status)s.")
            % {"framework": locked, "status": locked.get_status_display()}
        )
    problems = label_rules_errors(locked.rules)
    indicators = list(locked.indicators.select_related("area"))
    if not indicators:
        problems.append(_g("The framework has no indicators."))
    for indicator in indicators:
        try:
            indicator.clean()
        except ValidationError as exc:
            problems += [f"{indicator.code}: {field}: {'; '.join(msgs)}" for field, msgs in exc.message_dict.items()]
    if problems:
        raise ValidationError(problems)
    Framework.objects.filter(code=locked.code, status=FrameworkStatus.PUBLISHED).update(
        status=FrameworkStatus.SUPERSEDED
    )
    locked.status = FrameworkStatus.PUBLISHED
    locked.published_at = timezone.now()
    locked.save(update_fields=["status", "published_at"])
    framework.status, framework.published_at = locked.status, locked.published_at
    current_version_forget()  # now for this transaction's process, and once committed for all
    transaction.on_commit(current_version_forget)
    return locked
