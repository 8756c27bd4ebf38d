"""Texts with a German version beside the English one: `<field>_de`, empty when not translated."""

from django.utils.translation import get_language


class LocalizedMixin:
    def localized(self, field: str) -> str:
        """The German text when the page is German and a German text exists, else the English one."""
        if (get_language() or "").startswith("de"):
            german = getattr(self, f"{field}_de", "")
            if german:
                return german
        return getattr(self, field)

    @property
    def title_i18n(self) -> str:
        return self.localized("title")

    def __getattr__(self, name: str):
        # `localized_summary` and the like, for templates, which cannot pass an argument.
        if name.startswith("localized_"):
            return self.localized(name.removeprefix("localized_"))
        raise AttributeError(name)


def lines(text: str) -> list[str]:
    """A text with one item per line (objectives, discussion questions) as a list, blank lines dropped."""
    return [line.strip().lstrip("-• ").strip() for line in (text or "").splitlines() if line.strip()]
