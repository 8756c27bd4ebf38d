"""The training content written for the portal, kept as YAML files under `training/content/` and loaded
by `manage.py load_training_content` and the demo hook.

Idempotent and cheap to repeat: a field, module, case study or programme whose slug exists already is
left as it is (staff may have edited it in admin), so a second run only counts."""

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml
from django.db import transaction

from labels.selectors import indicator_key

from .models import (
    CaseStudy,
    CaseStudyIndicator,
    Choice,
    Field,
    Lesson,
    LessonIndicator,
    Module,
    Programme,
    Question,
)

CONTENT_DIR = Path(__file__).resolve().parent / "content"
TEXTS = ("title", "summary", "objectives", "body", "description", "feedback", "text", "teaching_note")


@dataclass
class Loaded:
    fields: int = 0
    modules: int = 0
    case_studies: int = 0
    programmes: int = 0


# libyaml's parser when PyYAML was built with it: ten times faster than the pure-Python one.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read(path: Path) -> dict | list:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)  # noqa: S506 - a safe loader


def _texts(data: dict, names) -> dict:
    """The English and German texts of `names` present in `data` (block scalars lose their last newline)."""
    values = {}
    for name in names:
        for key in (name, f"{name}_de"):
            if key in data:
                values[key] = str(data[key]).strip()
    return values


def _keys(data: dict, framework: str) -> list[str]:
    return [indicator_key(framework, code) for code in data.get("indicators", [])]


@transaction.atomic
def content_load(directory: Path = CONTENT_DIR) -> Loaded:
    """Create what the content files hold and the database lacks; return how many of each were created."""
    loaded = Loaded()
    fields = {field.slug: field for field in Field.objects.all()}
    new_fields = []
    for position, data in enumerate(_read(directory / "fields.yaml")):
        if data["slug"] not in fields:
            new_fields.append(Field(slug=data["slug"], position=position, **_texts(data, ("title", "description"))))
    if new_fields:
        Field.objects.bulk_create(new_fields)
        loaded.fields = len(new_fields)
        fields = {field.slug: field for field in Field.objects.all()}
    loaded.modules = _load_modules(sorted((directory / "modules").glob("*.yaml")), fields)
    loaded.case_studies = _load_case_studies(sorted((directory / "case_studies").glob("*.yaml")), fields)
    loaded.programmes = _load_programmes(_read(directory / "programmes.yaml"), fields)
    return loaded


def _load_modules(paths: list[Path], fields: dict[str, Field]) -> int:
    documents = [_read(path) for path in paths]
    existing = set(Module.objects.filter(slug__in=[d["slug"] for d in documents]).values_list("slug", flat=True))
    created = 0
    for data in documents:
        if data["slug"] in existing:
            continue
        module = Module.objects.create(
            slug=data["slug"],
            field=fields[data["field"]],
            position=data.get("position", 0),
            is_published=data.get("published", True),
            passing_percent=data.get("passing_percent", 70),
            **_texts(data, ("title", "summary", "objectives")),
        )
        links = []
        for position, lesson_data in enumerate(data["lessons"]):
            lesson = Lesson.objects.create(
                module=module,
                slug=lesson_data["slug"],
                minutes=lesson_data.get("minutes", 20),
                position=position,
                **_texts(lesson_data, ("title", "body", "objectives")),
            )
            links += [LessonIndicator(lesson=lesson, indicator_key=k) for k in _keys(lesson_data, data["framework"])]
        LessonIndicator.objects.bulk_create(links)
        choices = []
        for position, question_data in enumerate(data.get("quiz", [])):
            question = Question.objects.create(
                module=module,
                position=position,
                text=question_data["question"].strip(),
                text_de=question_data.get("question_de", "").strip(),
            )
            for choice_position, choice_data in enumerate(question_data["choices"]):
                choices.append(
                    Choice(
                        question=question,
                        position=choice_position,
                        is_correct=bool(choice_data.get("correct", False)),
                        **_texts(choice_data, ("text", "feedback")),
                    )
                )
        Choice.objects.bulk_create(choices)
        created += 1
    return created


def _load_case_studies(paths: list[Path], fields: dict[str, Field]) -> int:
    documents = [_read(path) for path in paths]
    existing = set(CaseStudy.objects.filter(slug__in=[d["slug"] for d in documents]).values_list("slug", flat=True))
    created = 0
    sections = ("title", "summary", "context", "challenge", "actions", "results", "lessons", "teaching_note")
    for position, data in enumerate(documents):
        if data["slug"] in existing:
            continue
        case = CaseStudy.objects.create(
            slug=data["slug"],
            cluster_name=data["cluster_name"],
            country=data["country"],
            sector=data["sector"],
            field=fields.get(data.get("field")),
            is_fictional=data.get("fictional", True),
            position=data.get("position", position),
            is_published=data.get("published", True),
            discussion_questions="\n".join(data["discussion_questions"]),
            discussion_questions_de="\n".join(data.get("discussion_questions_de", [])),
            **_texts(data, sections),
        )
        CaseStudyIndicator.objects.bulk_create(
            CaseStudyIndicator(case_study=case, indicator_key=k) for k in _keys(data, data["framework"])
        )
        created += 1
    return created


def _load_programmes(documents: list[dict], fields: dict[str, Field]) -> int:
    existing = set(Programme.objects.filter(slug__in=[d["slug"] for d in documents]).values_list("slug", flat=True))
    new = [d for d in documents if d["slug"] not in existing]
    Programme.objects.bulk_create(
        Programme(
            slug=d["slug"],
            title=d["title"],
            provider=d["provider"],
            country=d["country"],
            language=d["language"],
            format=d["format"],
            duration=d["duration"],
            level=d["level"],
            url=d["url"],
            last_checked=date.fromisoformat(str(d["last_checked"])) if d.get("last_checked") else None,
            **_texts(d, ("description",)),
        )
        for d in new
    )
    by_slug = Programme.objects.in_bulk([d["slug"] for d in new], field_name="slug")
    Through = Programme.fields.through
    Through.objects.bulk_create(
        Through(programme_id=by_slug[d["slug"]].pk, field_id=fields[slug].pk) for d in new for slug in d["fields"]
    )
    return len(new)
