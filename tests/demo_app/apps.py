from django.apps import AppConfig


def is_demo_user(user) -> bool:
    """The app's own role, decided by the app (a real app reads its own models here)."""
    return user.email.endswith("@demo-app.test")


class DemoAppConfig(AppConfig):
    name = "tests.demo_app"
    label = "demo_app"
    verbose_name = "Demo app"

    def ready(self):
        from clusterexcellence.notifications import register_notification
        from clusterexcellence.registry import (
            register_api_root,
            register_dashboard_section,
            register_feature,
            register_nav,
            register_role,
        )

        from . import dashboard

        register_role("demo-user", label="Demo user", held_by=is_demo_user)
        register_nav("demo-app", label="Demo app", url_name="demo_app:page", order=85, shown_to=is_demo_user)
        register_dashboard_section(
            "demo-app", template="demo_app/dashboard.html", order=50, shown_to=is_demo_user, load=dashboard.load
        )
        register_api_root("demo-app", url_name="demo_app:api", order=500)
        register_feature("demo-app", title="Demo app", text="What the demo app offers.", order=50)
        register_notification("demo_app.greeting", template="demo_app/email/greeting")
